import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { foreignRequests, readIndexedDb, waitForServiceWorker } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage } from './pages/SignInPage';

describe('a teacher works with learners offline', () => {
  const app = seededApp({ tablet: TABLET });

  it('signs in once with the network and receives the demo school, its pages compressed', async () => {
    // The first pull of the school's learners (tens of KB of JSON) travels as brotli: a rural first sync is bytes.
    const learnersPull = app.devices.tablet.page.waitForResponse((r) => r.url().includes('/api/sync/learners/pull'));
    await app.devices.tablet.page.goto(app.server.url);
    await app.devices.tablet.page.getByRole('heading', { name: t('account:signIn.title') }).waitFor();
    await app.devices.tablet.page.screenshot({ path: `${screenshots}signin-1024x768.png` });
    await new SignInPage(app.devices.tablet.page).signIn(DEMO.teacher, DEMO_PASSWORD);
    const learners = new LearnersPage(app.devices.tablet.page);
    await app.devices.tablet.page.getByRole('heading', { name: t('learners:title') }).waitFor();
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => learners.syncState()).toBe('synced');
    expect(await (await learnersPull).headerValue('content-encoding')).toBe('br');
    await app.devices.tablet.page.screenshot({ path: `${screenshots}learners-1024x768.png` });
  });

  it('is installable as a PWA', async () => {
    const cdp = await app.devices.tablet.context.newCDPSession(app.devices.tablet.page);
    await waitForServiceWorker(app.devices.tablet.page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const manifest = (await (await fetch(`${app.server.url}/manifest.webmanifest`)).json()) as {
      lang: string;
      display: string;
    };
    expect(manifest).toMatchObject({ lang: 'lv', display: 'standalone' });
    await cdp.detach();
  });

  it('searches by name without diacritics and filters by class', async () => {
    const learners = new LearnersPage(app.devices.tablet.page);
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
    const { page, context } = app.devices.tablet;
    await waitForServiceWorker(page);
    await app.server.halt();
    await context.setOffline(true);

    await page.reload();
    // After a reload the data key is gone from memory: the person unlocks with their password, offline.
    await new SignInPage(page).unlock(DEMO_PASSWORD);
    const learners = new LearnersPage(page);
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await expect.poll(() => learners.syncState()).toBe('offline');

    await learners.addLearner({ firstName: 'Elza', lastName: 'Bezsaistes', className: '7.b' });
    await learners.row('Bezsaistes Elza').waitFor();
    // The sync indicator says honestly that one change waits, and still does after an offline reload.
    await expect.poll(() => page.getByTestId('sync-pending').innerText()).toBe('1');

    await page.reload();
    await new SignInPage(page).unlock(DEMO_PASSWORD);
    await learners.row('Bezsaistes Elza').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('sync-pending').innerText()).toBe('1');
    await page.screenshot({ path: `${screenshots}learners-offline-1024x768.png` });
  });

  it('edits a learner offline', async () => {
    const { page } = app.devices.tablet;
    const learners = new LearnersPage(page);
    await learners.row('Bezsaistes Elza').getByRole('link').click();
    await page.getByLabel(t('learners:fields.className'), { exact: true }).fill('');
    await page.getByRole('button', { name: t('common:actions.save'), exact: true }).click();
    await expect.poll(() => page.getByText(t('common:validation.required')).count()).toBe(1);
    await page.getByLabel(t('learners:fields.className'), { exact: true }).fill('8.a');
    await page.getByRole('button', { name: t('common:actions.save'), exact: true }).click();
    await expect.poll(() => learners.row('Bezsaistes Elza').locator('.learner-row__class').innerText()).toBe('8.a');
  });

  it('sends what was added offline once the network is back', async () => {
    await app.server.restart();
    await app.devices.tablet.context.setOffline(false);
    const login = await fetch(`${app.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO.teacher, password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    await expect
      .poll(
        async () => {
          const response = await fetch(`${app.server.url}/api/sync/learners/pull?seq=0&limit=500`, {
            headers: { authorization: `Bearer ${accessToken}` },
          });
          const body = (await response.json()) as { documents: { lastName: string; className: string }[] };
          return body.documents.find((d) => d.lastName === 'Bezsaistes')?.className ?? null;
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBe('8.a');
    await expect.poll(() => app.devices.tablet.page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);
  });

  it('fits a 360 px phone and speaks English and Russian', async () => {
    const { page } = app.devices.tablet;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${app.server.url}/learners`);
    await page.getByRole('heading', { name: t('account:unlock.title') }).waitFor();
    await page.screenshot({ path: `${screenshots}unlock-360x740.png` });
    await new SignInPage(page).unlock(DEMO_PASSWORD);
    await new LearnersPage(page).rows().first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}learners-360x740.png` });

    await page.getByLabel(t('common:language.label')).selectOption('en');
    await page.getByRole('heading', { name: 'Learners' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { name: 'Учащиеся' }).waitFor();
    await page.screenshot({ path: `${screenshots}learners-ru-360x740.png` });
    await page.getByLabel('Язык').selectOption('lv');
  });

  it('keeps family details encrypted in IndexedDB', async () => {
    const { page } = app.devices.tablet;
    const guardian = { dump: await readIndexedDb(page, '') };
    expect(guardian.dump).toContain('Bezsaistes');
    // Every demo learner has a guardian with a phone number "+371 2…": none may be readable at rest.
    expect(guardian.dump).not.toContain('+371');
    expect(guardian.dump).not.toContain('māte');
    expect(guardian.dump).toContain('g1.');
  });

  it('never requested anything from another host', () => {
    expect(app.devices.tablet.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(app.devices.tablet.requests, app.server.url)).toEqual([]);
  });
});
