import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { foreignRequests, openDevice, readIndexedDb, waitForServiceWorker, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { LearnersPage } from './pages/LearnersPage';
import { DEMO_TEACHER, SignInPage } from './pages/SignInPage';

const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;

describe('a teacher works with learners offline', () => {
  let server: RunningServer;
  let tablet: Device;

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    server = await startServer();
    tablet = await openDevice({ width: 1024, height: 768 });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await tablet?.page
        .screenshot({ path: `${screenshots}FAILED-${task.name.replace(/\W+/g, '-')}.png` })
        .catch(() => {});
    }
  });

  afterAll(async () => {
    await tablet?.close();
    await server?.stop();
  });

  it('signs in once with the network and receives the demo school', async () => {
    await tablet.page.goto(server.url);
    await tablet.page.getByRole('heading', { name: 'Pieslēgties' }).waitFor();
    await tablet.page.screenshot({ path: `${screenshots}signin-1024x768.png` });
    await new SignInPage(tablet.page).signIn(DEMO_TEACHER.username, DEMO_TEACHER.password);
    const learners = new LearnersPage(tablet.page);
    await tablet.page.getByRole('heading', { name: 'Izglītojamie' }).waitFor();
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => learners.syncState()).toBe('synced');
    await tablet.page.screenshot({ path: `${screenshots}learners-1024x768.png` });
  });

  it('is installable as a PWA', async () => {
    const cdp = await tablet.context.newCDPSession(tablet.page);
    await waitForServiceWorker(tablet.page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const manifest = (await (await fetch(`${server.url}/manifest.webmanifest`)).json()) as {
      lang: string;
      display: string;
    };
    expect(manifest).toMatchObject({ lang: 'lv', display: 'standalone' });
    await cdp.detach();
  });

  it('searches by name without diacritics and filters by class', async () => {
    const learners = new LearnersPage(tablet.page);
    const first = (await learners.rows().first().locator('.learner-row__name').innerText()).trim();
    const lastName = first.split(' ')[0] ?? '';
    const plain = lastName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    await learners.search(plain);
    await expect.poll(() => learners.row(lastName).count()).toBeGreaterThan(0);
    const visible = await learners.rows().count();
    await learners.search('');
    await expect.poll(() => learners.rows().count()).toBeGreaterThan(visible - 1);

    const className = (await learners.rows().first().locator('.learner-row__class').innerText()).trim();
    await learners.filterClass(className);
    const classes = await learners.rows().locator('.learner-row__class').allInnerTexts();
    expect(classes.length).toBeGreaterThan(0);
    expect(new Set(classes.map((c) => c.trim()))).toEqual(new Set([className]));
    await learners.filterClass('');
  });

  it('keeps working with the network cut: reload, add a learner, reload, still there', async () => {
    const { page, context } = tablet;
    await waitForServiceWorker(page);
    await server.halt();
    await context.setOffline(true);

    await page.reload();
    // After a reload the data key is gone from memory: the person unlocks with their password, offline.
    await new SignInPage(page).unlock(DEMO_TEACHER.password);
    const learners = new LearnersPage(page);
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => learners.syncState()).toBe('offline');

    await learners.addLearner({ firstName: 'Elza', lastName: 'Bezsaistes', className: '7.b' });
    await learners.row('Bezsaistes Elza').waitFor();
    // The sync indicator says honestly that one change waits, and still does after an offline reload.
    await expect.poll(() => page.getByTestId('sync-pending').innerText()).toBe('1');

    await page.reload();
    await new SignInPage(page).unlock(DEMO_TEACHER.password);
    await learners.row('Bezsaistes Elza').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('sync-pending').innerText()).toBe('1');
    await page.screenshot({ path: `${screenshots}learners-offline-1024x768.png` });
  });

  it('edits a learner offline', async () => {
    const { page } = tablet;
    const learners = new LearnersPage(page);
    await learners.row('Bezsaistes Elza').getByRole('link').click();
    await page.getByLabel('Klase vai kurss', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Saglabāt', exact: true }).click();
    await expect.poll(() => page.getByText('Aizpildiet šo lauku.').count()).toBe(1);
    await page.getByLabel('Klase vai kurss', { exact: true }).fill('8.a');
    await page.getByRole('button', { name: 'Saglabāt', exact: true }).click();
    await expect.poll(() => learners.row('Bezsaistes Elza').locator('.learner-row__class').innerText()).toBe('8.a');
  });

  it('sends what was added offline once the network is back', async () => {
    await server.restart();
    await tablet.context.setOffline(false);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO_TEACHER.username, password: DEMO_TEACHER.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    await expect
      .poll(
        async () => {
          const response = await fetch(`${server.url}/api/sync/learners/pull?seq=0&limit=500`, {
            headers: { authorization: `Bearer ${accessToken}` },
          });
          const body = (await response.json()) as { documents: { lastName: string; className: string }[] };
          return body.documents.find((d) => d.lastName === 'Bezsaistes')?.className ?? null;
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBe('8.a');
    await expect.poll(() => tablet.page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
  });

  it('fits a 360 px phone and speaks English and Russian', async () => {
    const { page } = tablet;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/learners`);
    await page.getByRole('heading', { name: 'Atbloķēt' }).waitFor();
    await page.screenshot({ path: `${screenshots}unlock-360x740.png` });
    await new SignInPage(page).unlock(DEMO_TEACHER.password);
    await new LearnersPage(page).rows().first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}learners-360x740.png` });

    await page.getByLabel('Valoda').selectOption('en');
    await page.getByRole('heading', { name: 'Learners' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { name: 'Учащиеся' }).waitFor();
    await page.screenshot({ path: `${screenshots}learners-ru-360x740.png` });
    await page.getByLabel('Язык').selectOption('lv');
  });

  it('keeps family details encrypted in IndexedDB', async () => {
    const { page } = tablet;
    const guardian = { dump: await readIndexedDb(page, '') };
    expect(guardian.dump).toContain('Bezsaistes');
    // Every demo learner has a guardian with a phone number "+371 2…": none may be readable at rest.
    expect(guardian.dump).not.toContain('+371');
    expect(guardian.dump).not.toContain('māte');
    expect(guardian.dump).toContain('g1.');
  });

  it('never requested anything from another host', () => {
    expect(tablet.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(tablet.requests, server.url)).toEqual([]);
  });
});
