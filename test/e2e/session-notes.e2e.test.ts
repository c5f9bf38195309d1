import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { PHONE, screenshots, seededApp, TABLET } from './harness/seededApp';
import { readIndexedDb } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage, signOut } from './pages/SignInPage';

const PRIVATE = 'Privāta piezīme par trauksmi pirms ieskaitēm';
const SHARED = 'Kopīga piezīme: vajadzīgs klusāks darba stūrītis';

/** A psychologist's session notes: private unless shared, encrypted on the device, seen only by the support team. */
describe('confidential session notes', () => {
  const app = seededApp({ phone: PHONE, tablet: TABLET });
  let learnerName = '';

  async function openLearner(page: Page, username: string) {
    await new SignInPage(page).signIn(username, DEMO_PASSWORD);
    await page.getByRole('link', { name: t('common:nav.learners') }).click();
    await page.getByLabel(t('common:school.label')).selectOption({ label: 'Ezerkalnu vidusskola' });
    const learners = new LearnersPage(page);
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    // The general school's classes ("8.a"), not the vocational school's courses shown before the switch.
    await expect.poll(() => learners.rows().first().locator('.learner-row__class').innerText()).toMatch(/^\d+\.[a-z]$/);
    if (!learnerName) learnerName = (await learners.rows().first().locator('.learner-row__name').innerText()).trim();
    await learners.search(learnerName.split(' ')[0] ?? learnerName);
    await learners.row(learnerName).first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Atbalsta plāni' }).waitFor();
  }

  it('a psychologist writes a private and a shared note, neither readable in IndexedDB', async () => {
    const page = app.devices.phone.page;
    await page.goto(app.server.url);
    await openLearner(page, 'dace.liepa');
    const write = async (text: string, share: boolean) => {
      await page.getByLabel('Piezīme', { exact: true }).fill(text);
      if (share) await page.getByLabel('Dalīties ar skolas atbalsta komandu').check();
      await page.getByRole('button', { name: 'Saglabāt piezīmi' }).click();
      await page.getByText(text).waitFor();
    };
    await write(PRIVATE, false);
    await write(SHARED, true);
    await page.screenshot({ path: `${screenshots}notes-360x740.png`, fullPage: true });

    const dump = await readIndexedDb(page, '');
    expect(dump).toContain('sharedWithSupportTeam');
    expect(dump).not.toContain('trauksmi');
    expect(dump).not.toContain('stūrītis');
    await expect.poll(() => page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
  });

  it('the social pedagogue sees the shared note only; a teacher sees none', async () => {
    const page = app.devices.tablet.page;
    await page.goto(app.server.url);
    await openLearner(page, 'marta.vitola');
    await page.getByText(SHARED).waitFor({ timeout: 30_000 });
    expect(await page.getByText(PRIVATE).count()).toBe(0);

    await signOut(page);
    await page.getByRole('heading', { name: t('account:signIn.title') }).waitFor();
    await openLearner(page, DEMO.teacher);
    // Once the teacher's device has caught up with the server, there is still nothing to see.
    await expect.poll(() => new LearnersPage(page).syncState(), { timeout: 30_000 }).toBe('synced');
    expect(await page.getByRole('heading', { name: 'Sesiju piezīmes' }).count()).toBe(0);
    expect(await page.getByText(SHARED).count()).toBe(0);
  });
});
