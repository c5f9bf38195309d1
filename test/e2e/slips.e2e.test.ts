import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { PHONE, screenshots, seededApp, TABLET } from './harness/seededApp';
import type { Page } from 'playwright-core';
import { type Device } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { PlanPage } from './pages/PlanPage';
import { SignInPage } from './pages/SignInPage';

const RISK = 'Grūtības apgūt mācību saturu';
const JUSTIFICATION = 'Nesekmīgs vērtējums matemātikā 1. pārbaudes darbā';

/** Issue 13, "nothing lost by one slip": sign-out asks and tells the truth, a deleted measure comes back, a plan
 * sent by mistake is taken back. Each of these failed before the fix. */
describe('nothing lost by one slip', () => {
  const app = seededApp({ tablet: TABLET, phone: PHONE });

  async function signIn(device: Device, username = DEMO.teacher) {
    await device.page.goto(app.server.url);
    await new SignInPage(device.page).signIn(username, DEMO_PASSWORD);
    await device.page.getByRole('heading', { name: t('learners:title') }).waitFor();
    const learners = new LearnersPage(device.page);
    await expect.poll(() => learners.syncState(), { timeout: 60_000 }).toBe('synced');
    return learners;
  }

  const dialog = (page: Page) => page.getByRole('dialog', { name: 'Iziet no šīs ierīces?' });
  /** The dialog's text and background colours, as the browser paints them. */
  const colours = (page: Page) =>
    dialog(page).evaluate((node) => {
      const text = node.querySelector('p');
      return { text: getComputedStyle(text ?? node).color, background: getComputedStyle(node).backgroundColor };
    });

  async function askToSignOut(page: Page, size: string, name: string) {
    await page.locator('.topbar').getByRole('button', { name: 'Iziet', exact: true }).click();
    await dialog(page)
      .getByRole('button', { name: t('account:menu.keep') })
      .waitFor();
    // The answer arrives after the flush; "Sūta…" is shown meanwhile.
    await expect.poll(() => dialog(page).getByText('Sūta to, kas vēl gaida').count(), { timeout: 15_000 }).toBe(0);
    await page.screenshot({ path: `${screenshots}signout-${name}-${size}.png` });
    return (await dialog(page).locator('#signout-text').innerText()).trim();
  }

  it('sends the sign-in screen compressed (13.11)', async () => {
    const { page } = app.devices.phone;
    const loaded: { url: string; encoded: number; body: number; decoded: number; encoding: string }[] = [];
    const onResponse = (response: import('playwright-core').Response) => {
      loaded.push({ url: response.url(), encoded: 0, body: 0, decoded: 0, encoding: '' });
      const entry = loaded[loaded.length - 1]!;
      void (async () => {
        const sizes = await response.request().sizes();
        entry.encoded = sizes.responseBodySize + sizes.responseHeadersSize;
        entry.body = sizes.responseBodySize;
        entry.decoded = (await response.body().catch(() => Buffer.alloc(0))).length;
        entry.encoding = (await response.headerValue('content-encoding')) ?? '';
      })();
    };
    page.on('response', onResponse);
    await page.goto(app.server.url);
    await page.getByLabel(t('account:fields.username')).waitFor();
    await page.waitForLoadState('networkidle');
    page.off('response', onResponse);
    await new Promise((r) => setTimeout(r, 500));
    const scripts = loaded.filter((r) => /\.(js|css)$/.test(new URL(r.url).pathname) && r.decoded > 1024);
    const sum = (key: 'encoded' | 'decoded') => loaded.reduce((total, r) => total + r[key], 0);
    process.stdout.write(
      `[13.11] sign-in first load: ${loaded.length} responses, ${sum('encoded')} bytes transferred ` +
        `(${sum('decoded')} bytes decoded); scripts and styles: ` +
        scripts.map((r) => `${new URL(r.url).pathname} ${r.encoding || 'raw'} ${r.encoded}/${r.decoded}`).join(', ') +
        '\n',
    );
    expect(scripts.length).toBeGreaterThan(0);
    // Chromium asks for brotli: every script and style comes compressed, its body at well under half its size (the
    // headers, a few hundred bytes whatever the file, are left out: the first load has small chunks too).
    for (const r of scripts) {
      expect(r.encoding, r.url).toBe('br');
      // A file of a kilobyte or two gains less: the ratio is asked of those that matter for the bytes sent.
      if (r.decoded > 4096) expect(r.body, r.url).toBeLessThan(r.decoded / 2);
    }
  });

  it('asks before signing out, readably, and says truly what would be lost (13.5)', async () => {
    for (const [device, size] of [
      [app.devices.tablet, '1024x768'],
      [app.devices.phone, '360x740'],
    ] as const) {
      const { page } = device;
      const learners = await signIn(device);

      // Online with everything sent: it still asks, and wipes nothing until told.
      expect(await askToSignOut(page, size, 'online')).toBe(
        'Visas izmaiņas ir nosūtītas serverim. Izejot jūsu dati tiks dzēsti no šīs ierīces; serverī tie paliek.',
      );
      const { text, background } = await colours(page);
      expect(text).not.toBe(background);
      expect(text).toBe('rgb(28, 36, 48)');
      // Escape means stay; the app behind was inert and is back.
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog(page).count()).toBe(0);
      await page.getByRole('heading', { name: t('learners:title') }).waitFor();

      // Offline with nothing waiting: no claim of unsent changes.
      await device.context.setOffline(true);
      expect(await askToSignOut(page, size, 'offline')).toMatch(/^Nekas negaida nosūtīšanu/);
      await dialog(page)
        .getByRole('button', { name: t('account:menu.keep') })
        .click();

      // Offline with one change waiting: it says so, with the number.
      if (device === app.devices.tablet) {
        await learners.addLearner({ firstName: 'Ance', lastName: 'Slīdoša', className: '5.b' });
        await expect.poll(() => page.getByTestId('sync-pending').innerText()).toBe('1');
        expect(await askToSignOut(page, size, 'unsent')).toBe(
          '1 izmaiņa vēl nav nosūtīta serverim. Izejot tā tiks neatgriezeniski dzēsta.',
        );
        await dialog(page)
          .getByRole('button', { name: t('account:menu.keep') })
          .click();
      }
      await device.context.setOffline(false);
      await expect.poll(() => learners.syncState(), { timeout: 60_000 }).toBe('synced');
    }

    // Confirmed, it signs out and the device's copy is gone: the sign-in screen comes back.
    const { page } = app.devices.phone;
    await askToSignOut(page, '360x740', 'confirm');
    await dialog(page).getByRole('button', { name: 'Iziet un dzēst no ierīces' }).click();
    await page.getByLabel(t('account:fields.username')).waitFor({ timeout: 15_000 });
  });

  it('brings back a deleted measure with its justification, and takes back a plan sent by mistake (13.6, 13.7)', async () => {
    const { page } = app.devices.tablet;
    // Still signed in from the sign-out test (a reload would lock the app).
    await page
      .getByRole('navigation')
      .getByRole('link', { name: t('common:nav.learners') })
      .click();
    await page.getByRole('heading', { name: t('learners:title') }).waitFor();
    await page.getByLabel(t('common:school.label')).selectOption({ label: 'Ezerkalnu vidusskola' });
    const learners = new LearnersPage(page);
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await learners.rows().first().getByRole('link').first().click();
    await page.getByRole('button', { name: /^Jauns plāns 2026\/2027/ }).click();
    await page.getByRole('heading', { name: 'Atbalsta plāns' }).waitFor();
    const plan = new PlanPage(page);
    await plan.tickRisk(RISK);

    // With one risk on the plan, a new measure answers it already (13.7).
    await page.getByRole('button', { name: 'Pievienot pasākumu' }).click();
    const form = page.locator('.measure-form');
    expect(await form.getByLabel(RISK).isChecked()).toBe(true);
    await form.getByLabel('Plānotās konsultācijas semestrī').fill('8');
    await form.getByLabel('Pamatojums').fill(JUSTIFICATION);
    await form.getByRole('button', { name: 'Saglabāt pasākumu' }).click();
    const measure = page.locator('.measure').filter({ hasText: JUSTIFICATION });
    await measure.waitFor();

    // One tap deletes it; one tap on "Atsaukt" brings it back, justification and all (13.6).
    await measure.getByRole('button', { name: 'Dzēst' }).click();
    await expect.poll(() => measure.count()).toBe(0);
    const toast = page.locator('.notification').filter({ hasText: 'dzēsts' });
    await toast.waitFor();
    await page.screenshot({ path: `${screenshots}measure-undo-1024x768.png` });
    await toast.getByRole('button', { name: 'Atsaukt' }).click();
    await measure.waitFor();
    expect(await measure.innerText()).toContain('Mācību priekšmeta konsultācijas: Matemātika');

    // Sent for approval by mistake: the preparer takes it back to draft (13.7).
    await plan.act('Nosūtīt saskaņošanai');
    await expect.poll(() => plan.status()).toBe('Saskaņošanā');
    await plan.act('Atsaukt no saskaņošanas');
    await expect.poll(() => plan.status()).toBe('Projekts');
    await page.getByText('atsauca no saskaņošanas').waitFor();
    await page.screenshot({ path: `${screenshots}plan-withdrawn-1024x768.png`, fullPage: true });
    // The server took the step: nothing is refused, nothing waits.
    await expect.poll(() => learners.syncState(), { timeout: 30_000 }).toBe('synced');
    await expect.poll(() => page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
  });

  it("puts the day's work on the first screen: quick log, folded filters, a learner's summary (13.2)", async () => {
    const phoneLearners = await signIn(app.devices.phone);
    for (const [device, size] of [
      [app.devices.phone, '360x740'],
      [app.devices.tablet, '1024x768'],
    ] as const) {
      const { page } = device;
      const height = page.viewportSize()?.height ?? 0;
      for (const language of ['lv', 'ru'] as const) {
        await page.locator('.topbar select').selectOption(language);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        await page.locator('.nav a[href="/today"]').click();
        const log = page.locator('.quick-log button[type="submit"]');
        await log.waitFor();
        // The log button and the first learners are on the first screen, above the schedule block.
        await expect.poll(async () => (await log.boundingBox())?.y ?? Infinity).toBeLessThan(height);
        const box = await log.boundingBox();
        expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(height);
        await page.screenshot({ path: `${screenshots}today-${language}-${size}.png` });

        await page.locator('.nav a[href="/learners"]').click();
        const learners = new LearnersPage(page);
        await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(0);
        const toggle = page.locator('.learner-filters__toggle');
        if (device === app.devices.phone) {
          // Folded on a phone: a learner shows on the first screen, and the button counts what is on.
          expect((await learners.rows().first().boundingBox())?.y ?? Infinity).toBeLessThan(height);
          await page.screenshot({ path: `${screenshots}learners-${language}-${size}.png` });
          await toggle.click();
          const riskLabel = language === 'lv' ? 'Riska grupa' : 'Группа риска';
          await page.getByLabel(riskLabel).selectOption('learning');
          expect(await toggle.innerText()).toBe(language === 'lv' ? 'Filtri · 1 ieslēgts' : 'Фильтры · включён 1');
          await page.screenshot({ path: `${screenshots}learners-filters-${language}-${size}.png` });
          await page.getByLabel(riskLabel).selectOption('');
          await toggle.click();
        } else {
          expect(await toggle.isVisible()).toBe(false);
          await page.screenshot({ path: `${screenshots}learners-${language}-${size}.png` });
        }

        await learners.rows().first().getByRole('link').first().click();
        const summary = page.locator('.learner-summary');
        await summary.waitFor();
        expect((await summary.boundingBox())?.y ?? Infinity).toBeLessThan(height / 2);
        await page.screenshot({ path: `${screenshots}learner-summary-${language}-${size}.png` });
      }
      await page.locator('.topbar select').selectOption('lv');
    }
    expect(await phoneLearners.syncState()).toBe('synced');
  });
});
