import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { PHONE, screenshots, seededApp, TABLET } from './harness/seededApp';
import { t } from './harness/labels';
import { waitForServiceWorker } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage, signOut } from './pages/SignInPage';

const NEW_PASSWORD = 'jauna-parole-2026';

/**
 * Storage that survives and a device that says what happened to it: the browser is asked to keep the data, unsent
 * work goes into an encrypted file and comes back after a wipe, and a wiped or signed-out device says why.
 */
describe('a device keeps its promises about storage', () => {
  const app = seededApp({ tablet: TABLET, phone: PHONE });
  let backupPath: string;

  beforeAll(async () => {
    // Count the app's requests for persistent storage, whatever the browser answers.
    await app.devices.tablet.context.addInitScript(() => {
      const storage = navigator.storage;
      const persist = storage.persist.bind(storage);
      const counted = window as unknown as { persistRequests: number };
      counted.persistRequests = 0;
      storage.persist = () => {
        counted.persistRequests += 1;
        return persist();
      };
    });
  });

  async function apiSession(username: string, password = DEMO_PASSWORD) {
    const response = await fetch(`${app.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { accessToken: string; user: { id: string } };
  }

  /** What the server holds of a collection, as Ilze may read it. */
  async function onServer(collection: string, token: string): Promise<string> {
    let seq = 0;
    let text = '';
    for (;;) {
      const response = await fetch(`${app.server.url}/api/sync/${collection}/pull?seq=${seq}&limit=500`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { documents: unknown[]; checkpoint: { seq: number } | null };
      text += JSON.stringify(body.documents);
      if (body.documents.length < 500 || !body.checkpoint) return text;
      seq = body.checkpoint.seq;
    }
  }

  /** The learner list, wherever the app opened after signing in (it returns to the last screen). */
  const showLearners = async (page: Page) => {
    await page.getByRole('link', { name: t('common:nav.learners') }).click({ timeout: 60_000 });
    await page.getByRole('heading', { name: t('learners:title') }).waitFor();
    await expect.poll(() => new LearnersPage(page).rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
  };

  const openSettings = async (page: Page) => {
    await page
      .getByRole('link', { name: t('common:nav.settings') })
      .first()
      .click();
    await page.getByRole('heading', { name: t('account:settings.title') }).waitFor();
  };

  it('asks the browser to keep the data at the first sign-in, and Settings show what it answered', async () => {
    const { page } = app.devices.tablet;
    await page.goto(app.server.url);
    await new SignInPage(page).signIn(DEMO.teacher, DEMO_PASSWORD);
    await page.getByRole('heading', { name: t('learners:title') }).waitFor();
    await expect.poll(() => new LearnersPage(page).rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { persistRequests: number }).persistRequests))
      .toBe(1);

    await openSettings(page);
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    const state = page.getByTestId('storage-state');
    await expect.poll(() => state.getAttribute('data-persisted')).toBe(String(persisted));
    expect(await state.innerText()).toContain(
      persisted ? 'Pārlūks glabā šīs ierīces datus pastāvīgi.' : 'Pārlūks var šos datus izdzēst',
    );
    await page.getByText(/Izmantoti .+ no pieejamajiem .+\./).waitFor();
    await page.screenshot({ path: `${screenshots}settings-storage-1024x768.png`, fullPage: true });
  });

  it('exports what was added offline into an encrypted file', async () => {
    const { page, context } = app.devices.tablet;
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.getByRole('link', { name: t('common:nav.learners') }).click();
    const learners = new LearnersPage(page);
    await learners.addLearner({ firstName: 'Rasma', lastName: 'Rezervīte', className: '6.a' });
    await learners.row('Rezervīte Rasma').waitFor();

    await page.getByRole('link', { name: t('common:nav.today') }).click();
    await page.getByRole('heading', { name: t('consultations:today.title'), exact: true }).waitFor();
    await page.getByLabel(t('consultations:today.search')).fill('Rezervīte');
    await page.locator('.quick-log__found button').filter({ hasText: 'Rezervīte' }).first().click();
    await page.getByRole('button', { name: t('consultations:today.log') }).click();
    await expect.poll(() => page.getByTestId('sync-pending').innerText()).toBe('2');

    await openSettings(page);
    const exporting = page.getByRole('form', { name: 'Eksportēt nenosūtītās izmaiņas' });
    await exporting.getByLabel(t('account:fields.password'), { exact: true }).fill(DEMO_PASSWORD);
    const download = page.waitForEvent('download');
    await exporting.getByRole('button', { name: 'Eksportēt nenosūtītās izmaiņas' }).click();
    const file = await (await download).path();
    await exporting.getByText('Fails saglabāts. Tajā ir ieraksti: 2.').waitFor();
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('Rezervīte');
    expect(text).not.toContain('Rasma');
    backupPath = join(tmpdir(), `atbalsts-e2e-backup-${Date.now()}.json`);
    await writeFile(backupPath, text);
  });

  it('after a wipe and a new sign-in, the import brings the records back and they reach the server', async () => {
    const { page, context } = app.devices.tablet;
    // Signing out offline with unsent changes: the person chooses to discard them (they are in the file).
    await signOut(page);
    await page.getByRole('heading', { name: t('account:signIn.title') }).waitFor();
    await context.setOffline(false);

    const ilze = await apiSession(DEMO.teacher);
    expect(await onServer('learners', ilze.accessToken)).not.toContain('Rezervīte');

    await new SignInPage(page).signIn(DEMO.teacher, DEMO_PASSWORD);
    await showLearners(page);
    expect(await new LearnersPage(page).row('Rezervīte Rasma').count()).toBe(0);

    await openSettings(page);
    const importing = page.getByRole('form', { name: 'Ielādēt rezerves kopiju' });
    await importing.getByLabel('Rezerves kopijas fails').setInputFiles(backupPath);
    await importing.getByLabel('Parole, kas bija, kad kopija tika izveidota').fill('nav-tā-parole');
    await importing.getByRole('button', { name: 'Ielādēt rezerves kopiju' }).click();
    await importing.getByText('Nepareiza parole. Nekas nav mainīts.').waitFor();

    await importing.getByLabel('Parole, kas bija, kad kopija tika izveidota').fill(DEMO_PASSWORD);
    await importing.getByRole('button', { name: 'Ielādēt rezerves kopiju' }).click();
    await importing
      .getByText('Atjaunoti ieraksti: 2. Šajā ierīcē jau jaunāki: 0. Jau bija tādi paši: 0.', { exact: false })
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${screenshots}settings-backup-restored-1024x768.png`, fullPage: true });

    await expect
      .poll(() => onServer('learners', ilze.accessToken), { timeout: 30_000, interval: 1_000 })
      .toContain('Rezervīte');
    const learnerId = (
      JSON.parse(await onServer('learners', ilze.accessToken)) as { id: string; lastName: string }[]
    ).find((l) => l.lastName === 'Rezervīte')?.id;
    expect(learnerId).toBeTruthy();
    await expect
      .poll(() => onServer('consultations', ilze.accessToken), { timeout: 30_000, interval: 1_000 })
      .toContain(learnerId!);
    await page.getByRole('link', { name: t('common:nav.learners') }).click();
    await new LearnersPage(page).row('Rezervīte Rasma').waitFor();
  });

  it('a session ended by a password reset: locks once, keeps the data, says why, and unsent work is not lost to the new password', async () => {
    const { page } = app.devices.tablet;
    const admin = await apiSession('admin');
    const ilze = await apiSession(DEMO.teacher);
    const reset = await fetch(`${app.server.url}/api/users/${ilze.user.id}/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({ password: NEW_PASSWORD }),
    });
    expect(reset.status).toBeLessThan(300);

    // The next contact with the server (here: after a reload) finds the session ended.
    await page.reload();
    await new SignInPage(page).unlock(DEMO_PASSWORD);
    await page.getByRole('heading', { name: t('account:unlock.title') }).waitFor({ timeout: 60_000 });
    const notice = page.getByRole('status').filter({ hasText: 'Serveris beidza šo sesiju' });
    await notice.waitFor();
    await page.screenshot({ path: `${screenshots}signin-session-ended-1024x768.png` });

    // The data is still here and opens with the old password; the device does not lock again.
    await new SignInPage(page).unlock(DEMO_PASSWORD);
    await showLearners(page);
    await new LearnersPage(page).row('Rezervīte Rasma').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3_000);
    expect(await page.getByRole('heading', { name: t('learners:title') }).count()).toBe(1);

    // Work done meanwhile waits on the device, protected by the old password.
    const learners = new LearnersPage(page);
    await learners.addLearner({ firstName: 'Pēteris', lastName: 'Pēcmaiņas', className: '7.a' });
    await learners.row('Pēcmaiņas Pēteris').waitFor();

    // Signing in with the new password would start afresh: the device asks first and offers the old password.
    await page.getByRole('button', { name: t('account:menu.lock'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'izmaiņas, kas vēl nav serverī: 1.' }).waitFor();
    await page.getByRole('button', { name: 'Pieslēgties vēlreiz' }).click();
    expect(await page.getByLabel(t('account:fields.username')).inputValue()).toBe(DEMO.teacher);
    await page.getByLabel(t('account:fields.password'), { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Pieslēgties' }).click();
    await page.getByRole('alert').filter({ hasText: 'izmaiņas, kas vēl nav serverī: 1.' }).waitFor();
    await page.screenshot({ path: `${screenshots}signin-unsent-held-1024x768.png` });
    await page.getByRole('button', { name: 'Atbloķēt ar iepriekšējo paroli' }).click();
    await new SignInPage(page).unlock(DEMO_PASSWORD);
    await openSettings(page);
    const exporting = page.getByRole('form', { name: 'Eksportēt nenosūtītās izmaiņas' });
    await exporting.getByLabel(t('account:fields.password'), { exact: true }).fill(DEMO_PASSWORD);
    const download = page.waitForEvent('download');
    await exporting.getByRole('button', { name: 'Eksportēt nenosūtītās izmaiņas' }).click();
    const file = await (await download).path();
    await exporting.getByText('Fails saglabāts. Tajā ir ieraksti: 1.').waitFor();

    // Now the new password, discarding the old copy; the file (under the old password) brings the work back.
    await page.getByRole('button', { name: t('account:menu.lock'), exact: true }).click();
    await page.getByRole('button', { name: 'Pieslēgties vēlreiz' }).click();
    await page.getByLabel(t('account:fields.password'), { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Pieslēgties' }).click();
    await page.getByRole('button', { name: 'Pieslēgties un dzēst tās' }).click();
    await showLearners(page);
    await openSettings(page);
    const importing = page.getByRole('form', { name: 'Ielādēt rezerves kopiju' });
    await importing.getByLabel('Rezerves kopijas fails').setInputFiles(file);
    await importing.getByLabel('Parole, kas bija, kad kopija tika izveidota').fill(DEMO_PASSWORD);
    await importing.getByRole('button', { name: 'Ielādēt rezerves kopiju' }).click();
    await importing.getByText('Atjaunoti ieraksti: 1.', { exact: false }).waitFor({ timeout: 30_000 });
    const again = await apiSession(DEMO.teacher, NEW_PASSWORD);
    await expect
      .poll(() => onServer('learners', again.accessToken), { timeout: 30_000, interval: 1_000 })
      .toContain('Pēcmaiņas');

    await page.getByRole('button', { name: t('account:menu.lock'), exact: true }).click();
    await page.getByRole('heading', { name: t('account:unlock.title') }).waitFor();
    expect(await page.getByText('Serveris beidza šo sesiju', { exact: false }).count()).toBe(0);
  });

  it('a device wiped for a disabled account says why and how many unsent changes went, until dismissed', async () => {
    const { page, context } = app.devices.phone;
    await page.goto(app.server.url);
    await new SignInPage(page).signIn('marta.vitola', DEMO_PASSWORD);
    await page.getByRole('heading', { name: t('learners:title') }).waitFor();
    await expect.poll(() => new LearnersPage(page).rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await waitForServiceWorker(page);

    await context.setOffline(true);
    const learners = new LearnersPage(page);
    await learners.addLearner({ firstName: 'Zuduse', lastName: 'Izmaiņa', className: '5.a' });
    await learners.row('Izmaiņa Zuduse').waitFor();
    await expect.poll(() => page.getByTestId('sync-pending').innerText()).toBe('1');

    const admin = await apiSession('admin');
    const marta = await apiSession('marta.vitola');
    const disabled = await fetch(`${app.server.url}/api/users/${marta.user.id}/active`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({ active: false }),
    });
    expect(disabled.status).toBe(200);

    await context.setOffline(false);
    await page.getByRole('heading', { name: t('account:signIn.title') }).waitFor({ timeout: 60_000 });
    const notice = page.getByRole('alert');
    await expect.poll(() => notice.innerText()).toContain('Jūsu konts šajā ierīcē tika atslēgts');
    expect(await notice.innerText()).toContain('tika izdzēstas: 1.');
    expect(await notice.innerText()).not.toContain('Marta');
    await page.screenshot({ path: `${screenshots}signin-wiped-360x740.png` });

    // Kept per device across reloads, until dismissed.
    await page.reload();
    await page.getByRole('alert').getByText('Jūsu konts šajā ierīcē tika atslēgts', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Sapratu' }).click();
    await page.reload();
    await page.getByRole('heading', { name: t('account:signIn.title') }).waitFor();
    expect(await page.getByText('tika atslēgts', { exact: false }).count()).toBe(0);
  });
});
