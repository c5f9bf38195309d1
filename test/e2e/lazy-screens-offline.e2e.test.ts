import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { waitForServiceWorker } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage } from './pages/SignInPage';

const root = new URL('../../', import.meta.url).pathname;
const dist = process.env.E2E_STATIC_DIR ?? join(root, 'dist');

/** The scripts this page itself has loaded so far (the service worker's precache fetches are not the page's). */
function pageScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js')),
  );
}

/** Every URL in the service worker's caches, as paths. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

describe('screens load lazily (issue 13.11) and still open offline the first time', () => {
  const app = seededApp({ tablet: TABLET });

  it('the build has screens in chunks of their own, and the service worker precaches every one', async () => {
    const { page } = app.devices.tablet;
    await page.goto(app.server.url);
    await new SignInPage(page).signIn(DEMO.teacher, DEMO_PASSWORD);
    await page.getByRole('heading', { name: t('learners:title') }).waitFor({ timeout: 30_000 });
    await expect.poll(() => new LearnersPage(page).syncState(), { timeout: 30_000 }).toBe('synced');
    await waitForServiceWorker(page);

    const built = readdirSync(join(dist, 'assets'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => `/assets/${file}`);
    const loaded = await pageScripts(page);
    // More scripts were built than this page has needed so far: the screens not yet opened are chunks of their own.
    expect(built.filter((path) => !loaded.includes(path)).length).toBeGreaterThan(0);
    // Workbox precaches during the install, so an activated worker holds them all.
    const cached = new Set(await cachedPaths(page));
    expect(built.filter((path) => !cached.has(path))).toEqual([]);
  });

  it('with the network gone, opens the settings, never opened before, from the precache', async () => {
    const { page, context } = app.devices.tablet;
    const before = await pageScripts(page);
    await app.server.halt();
    await context.setOffline(true);

    const nav = page.getByRole('navigation', { name: 'Galvenā navigācija' });
    await nav.getByRole('link', { name: t('common:nav.settings') }).click();
    await page.getByRole('heading', { name: t('account:settings.title'), level: 1 }).waitFor({ timeout: 15_000 });
    const afterSettings = await pageScripts(page);
    // The settings' own chunk came now, with no network: from the precache.
    expect(afterSettings.filter((path) => !before.includes(path)).length).toBeGreaterThan(0);
    await page.screenshot({ path: `${screenshots}lazy-settings-offline-1024x768.png` });

    // Plans come in the learners' chunk (a learner's page lists the plans), so they open as well.
    await nav.getByRole('link', { name: 'Plāni' }).click();
    await page.getByRole('heading', { name: 'Atbalsta plāni', level: 1 }).waitFor({ timeout: 15_000 });

    await context.setOffline(false);
    await app.server.restart();
  });
});
