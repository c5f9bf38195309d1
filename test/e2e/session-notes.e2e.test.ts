import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, readIndexedDb, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { LearnersPage } from './pages/LearnersPage';
import { DEMO_TEACHER, SignInPage, signOut } from './pages/SignInPage';

const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;
const PRIVATE = 'Privāta piezīme par trauksmi pirms ieskaitēm';
const SHARED = 'Kopīga piezīme: vajadzīgs klusāks darba stūrītis';

/** A psychologist's session notes: private unless shared, encrypted on the device, seen only by the support team. */
describe('confidential session notes', () => {
  let server: RunningServer;
  let phone: Device;
  let tablet: Device;
  let learnerName = '';

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    server = await startServer();
    [phone, tablet] = await Promise.all([
      openDevice({ width: 360, height: 740 }),
      openDevice({ width: 1024, height: 768 }),
    ]);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const name = task.name.replace(/\W+/g, '-');
      await phone?.page.screenshot({ path: `${screenshots}FAILED-phone-${name}.png` }).catch(() => {});
      await tablet?.page.screenshot({ path: `${screenshots}FAILED-tablet-${name}.png` }).catch(() => {});
    }
  });
  afterAll(async () => {
    await Promise.all([phone?.close(), tablet?.close()]);
    await server?.stop();
  });

  async function openLearner(page: Page, username: string) {
    await new SignInPage(page).signIn(username, DEMO_TEACHER.password);
    await page.getByRole('link', { name: 'Izglītojamie' }).click();
    await page.getByLabel('Skola').selectOption({ label: 'Ezerkalnu vidusskola' });
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
    const page = phone.page;
    await page.goto(server.url);
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
    const page = tablet.page;
    await page.goto(server.url);
    await openLearner(page, 'marta.vitola');
    await page.getByText(SHARED).waitFor({ timeout: 30_000 });
    expect(await page.getByText(PRIVATE).count()).toBe(0);

    await signOut(page);
    await page.getByRole('heading', { name: 'Pieslēgties' }).waitFor();
    await openLearner(page, DEMO_TEACHER.username);
    // Once the teacher's device has caught up with the server, there is still nothing to see.
    await expect.poll(() => new LearnersPage(page).syncState(), { timeout: 30_000 }).toBe('synced');
    expect(await page.getByRole('heading', { name: 'Sesiju piezīmes' }).count()).toBe(0);
    expect(await page.getByText(SHARED).count()).toBe(0);
  });
});
