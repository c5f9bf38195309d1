import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { t } from './harness/labels';
import { waitForServiceWorker } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage } from './pages/SignInPage';

const PIN = '246810';

/** A teacher's own tablet: a PIN for quick unlocking offline, a chosen idle time, and limits on wrong PINs. */
describe('unlocking a device with a PIN', () => {
  const app = seededApp({ tablet: TABLET });
  let signIn: SignInPage;

  beforeAll(async () => {
    signIn = new SignInPage(app.devices.tablet.page);
  });

  const page = () => app.devices.tablet.page;
  const lock = () =>
    page()
      .getByRole('button', { name: t('account:menu.lock'), exact: true })
      .click();

  it('sets a PIN and an idle time in the settings', async () => {
    await page().goto(app.server.url);
    // The harness's server listens on loopback and holds the demo: the app says so before and after signing in.
    await page().getByRole('note').filter({ hasText: 'Demonstrācijas dati — ne īstiem skolēniem' }).waitFor();
    await signIn.signIn(DEMO.teacher, DEMO_PASSWORD);
    await page()
      .getByRole('heading', { name: t('learners:title') })
      .waitFor();
    await page().getByRole('banner').getByRole('note').filter({ hasText: 'Demo dati' }).waitFor();
    await waitForServiceWorker(page());

    await page()
      .getByRole('link', { name: t('common:nav.settings') })
      .first()
      .click();
    await page()
      .getByRole('heading', { name: t('account:settings.title') })
      .waitFor();
    // The settings hold more than one password field (the backup of unsent changes asks for one too).
    const pinSection = page().getByRole('region', { name: 'Atbloķēšana ar PIN' });
    await pinSection.getByLabel(t('account:fields.pin'), { exact: true }).fill('1234');
    await pinSection.getByRole('button', { name: 'Iestatīt PIN' }).click();
    await page().getByText('PIN ir 6–12 cipari.').waitFor();

    await pinSection.getByLabel(t('account:fields.password'), { exact: true }).fill(DEMO_PASSWORD);
    await pinSection.getByLabel(t('account:fields.pin'), { exact: true }).fill(PIN);
    await pinSection.getByLabel('PIN vēlreiz').fill(PIN);
    await pinSection.getByRole('button', { name: 'Iestatīt PIN' }).click();
    await page().getByText('PIN ir iestatīts.', { exact: false }).waitFor();
    await page().getByLabel('Bloķēt, ja neizmanto ilgāk par').selectOption('5');
    await page().screenshot({ path: `${screenshots}settings-1024x768.png`, fullPage: true });
    await page().setViewportSize({ width: 360, height: 740 });
    await page().screenshot({ path: `${screenshots}settings-360x740.png`, fullPage: true });
    await page().setViewportSize({ width: 1024, height: 768 });
  });

  it('unlocks with the PIN with the network cut, after a wrong try', async () => {
    await app.devices.tablet.context.setOffline(true);
    await lock();
    await page().getByLabel(t('account:fields.pin'), { exact: true }).waitFor();
    await page().setViewportSize({ width: 360, height: 740 });
    await page().screenshot({ path: `${screenshots}unlock-pin-360x740.png` });
    await page().setViewportSize({ width: 1024, height: 768 });

    await signIn.unlockWithPin('999999');
    await page().getByText('Nepareizs PIN. Atlikuši 4 mēģinājumi.').waitFor();
    await signIn.unlockWithPin(PIN);
    // Back where the teacher left off, with the local data open.
    await page()
      .getByRole('heading', { name: t('account:settings.title') })
      .waitFor();
    await expect.poll(() => page().getByLabel('Bloķēt, ja neizmanto ilgāk par').inputValue()).toBe('5');
    await page()
      .getByRole('link', { name: t('common:nav.learners') })
      .click();
    await expect.poll(() => new LearnersPage(page()).rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
  });

  it('forgets the PIN after five wrong tries; the password still unlocks', async () => {
    await lock();
    for (const left of [
      'Atlikuši 4 mēģinājumi',
      'Atlikuši 3 mēģinājumi',
      'Atlikuši 2 mēģinājumi',
      'Atlicis 1 mēģinājums',
    ]) {
      await signIn.unlockWithPin('000000');
      await page().getByText(`Nepareizs PIN. ${left}.`).waitFor();
    }
    await signIn.unlockWithPin('000000');
    await page().getByText('Pārāk daudz nepareizu PIN', { exact: false }).waitFor();
    expect(await page().getByLabel(t('account:fields.pin'), { exact: true }).count()).toBe(0);
    await signIn.unlock(DEMO_PASSWORD);
    await page()
      .getByRole('link', { name: t('common:nav.settings') })
      .first()
      .click();
    await page().getByText('PIN nav iestatīts', { exact: false }).waitFor();
  });

  it('speaks the chosen language on the unlock screen', async () => {
    await lock();
    await page().getByLabel(t('common:language.label')).selectOption('en');
    await page().getByRole('heading', { name: 'Unlock' }).waitFor();
    await page().getByLabel(t('common:language.label')).or(page().getByLabel('Language')).selectOption('lv');
    await page()
      .getByRole('heading', { name: t('account:unlock.title') })
      .waitFor();
    await app.devices.tablet.context.setOffline(false);
  });
});
