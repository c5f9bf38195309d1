import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { launchBrowser } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { DEMO_TEACHER, SignInPage } from './pages/SignInPage';

const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;
const SETTINGS_CHUNK = /\/assets\/DeviceSettingsPage-[\w-]+\.js$/;
const RUSSIAN_CHUNK = /\/assets\/ru-[\w-]+\.js$/;

/**
 * A lazy chunk that does not arrive (offline before the service worker held it, or gone after a deploy) shows a
 * clear screen with a retry instead of a blank page (issue 13). The service worker is kept out, so the network
 * decides: Playwright's routes stand in for the missing file.
 */
describe('a chunk that does not arrive', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    page = await context.newPage();
    await page.goto(server.url);
    await new SignInPage(page).signIn(DEMO_TEACHER.username, DEMO_TEACHER.password);
    await page.getByRole('heading', { name: t('learners:title') }).waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('says so under the nav, in Latvian, and "Mēģināt vēlreiz" loads it once it is there', async () => {
    await context.route(SETTINGS_CHUNK, (route) => route.abort('internetdisconnected'));
    const nav = page.getByRole('navigation', { name: 'Galvenā navigācija' });
    await nav.getByRole('link', { name: t('common:nav.settings') }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'Šo ekrānu neizdevās ielādēt' });
    await failure.waitFor({ timeout: 15_000 });
    expect(await page.getByRole('heading', { name: 'Šo ekrānu neizdevās ielādēt', level: 1 }).isVisible()).toBe(true);
    // The rest of the app still works around it: the nav is there to go elsewhere.
    expect(await nav.getByRole('link', { name: t('common:nav.learners') }).isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshots}chunk-failure-lv-360.png` });

    // Still missing: the same screen again, not a blank page.
    await page.getByRole('button', { name: 'Mēģināt vēlreiz' }).click();
    await failure.waitFor({ timeout: 15_000 });

    await context.unroute(SETTINGS_CHUNK);
    await page.getByRole('button', { name: 'Mēģināt vēlreiz' }).click();
    await page.getByRole('heading', { name: t('account:settings.title'), level: 1 }).waitFor({ timeout: 15_000 });
    expect(await failure.count()).toBe(0);
  });

  it('keeps the language it speaks when the chosen one does not arrive, and switches once it does', async () => {
    await context.route(RUSSIAN_CHUNK, (route) => route.abort('internetdisconnected'));
    const language = page.getByLabel(t('common:language.label'));
    await language.selectOption('ru');
    await page.waitForTimeout(1_000);
    expect(await page.locator('html').getAttribute('lang')).toBe('lv');
    expect(await page.getByRole('heading', { name: t('account:settings.title'), level: 1 }).isVisible()).toBe(true);

    await context.unroute(RUSSIAN_CHUNK);
    await page.getByLabel(t('common:language.label')).selectOption('ru');
    await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 15_000 }).toBe('ru');
    // The Russian failure screen, for a chunk that goes missing now.
    await context.route(/\/assets\/hours-[\w-]+\.(js|css)$/, (route) => route.abort('internetdisconnected'));
    await page.getByRole('navigation').getByRole('link', { name: 'Сегодня' }).click();
    await page.getByRole('link', { name: 'Табель за месяц' }).click();
    await page.getByRole('heading', { name: 'Не удалось загрузить этот экран', level: 1 }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Попробовать ещё раз' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${screenshots}chunk-failure-ru-360.png` });
  });
});
