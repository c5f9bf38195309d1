import { describe, expect, it } from 'vitest';
import { seededApp, TABLET } from './harness/seededApp';
import { t } from './harness/labels';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage } from './pages/SignInPage';

const PASSWORD = 'atbalsts-demo';
const OUTAGE_MS = 20_000;

/** Earlier builds named the states differently ('error' for unreachable, 'online' for synced); both are read. */
const isUnreachable = (state: string) => state === 'unreachable' || state === 'error';
const isSynced = (state: string) => state === 'synced' || state === 'online';

/**
 * A scripted outage: the server stops for 20 s and starts again. The indicator is sampled every 200 ms; it must say
 * "unreachable" during the outage and "synced" within seconds of the server's return (with nothing waiting).
 */
describe('the sync indicator over a server outage', () => {
  const app = seededApp({ device: TABLET });

  it('says unreachable during the outage and synced within seconds of the return', async () => {
    const { page } = app.devices.device;
    await page.goto(app.server.url);
    await new SignInPage(page).signIn('ilze.kalnina', PASSWORD);
    await page.getByRole('heading', { name: t('learners:title') }).waitFor();
    const learners = new LearnersPage(page);
    await expect.poll(async () => isSynced((await learners.syncState()) ?? ''), { timeout: 60_000 }).toBe(true);

    const timeline: { t: number; state: string }[] = [];
    let sampling = true;
    const started = Date.now();
    const sampler = (async () => {
      while (sampling) {
        timeline.push({ t: Date.now() - started, state: (await learners.syncState()) ?? '' });
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    await new Promise((r) => setTimeout(r, 2_000));
    const outageAt = Date.now() - started;
    await app.server.halt();
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    // The server answers as soon as it listens, before restart() resolves: the outage ends when the restart begins.
    const backAt = Date.now() - started;
    await app.server.restart();
    await new Promise((r) => setTimeout(r, 30_000));
    sampling = false;
    await sampler;

    const firstUnreachable = timeline.find((s) => s.t >= outageAt && isUnreachable(s.state));
    const firstSyncedAfter = timeline.find((s) => s.t >= backAt && isSynced(s.state));
    const changes = timeline.filter((s, i) => i === 0 || timeline[i - 1]?.state !== s.state);
    process.stdout.write(
      `[sync-status] outage at ${outageAt} ms, server back at ${backAt} ms; ` +
        `unreachable after ${firstUnreachable ? firstUnreachable.t - outageAt : 'never'} ms; ` +
        `synced ${firstSyncedAfter ? firstSyncedAfter.t - backAt : 'never'} ms after the return; ` +
        `states: ${changes.map((s) => `${s.t}:${s.state}`).join(' ')}\n`,
    );

    expect(firstUnreachable, 'unreachable during the outage').toBeDefined();
    expect((firstUnreachable?.t ?? Infinity) - outageAt).toBeLessThan(OUTAGE_MS);
    // Never "syncing" or "sending" for the whole outage with nothing to send: it says what is true.
    const duringOutage = timeline.filter((s) => s.t >= (firstUnreachable?.t ?? 0) && s.t < backAt);
    expect(duringOutage.every((s) => isUnreachable(s.state))).toBe(true);
    expect(firstSyncedAfter, 'synced after the return').toBeDefined();
    expect((firstSyncedAfter?.t ?? Infinity) - backAt).toBeLessThan(10_000);
    // And it stays synced: the return is not followed by a late "unreachable".
    const after = timeline.filter((s) => s.t >= (firstSyncedAfter?.t ?? Infinity));
    expect(after.filter((s) => isUnreachable(s.state))).toEqual([]);
  });

  it('with 20 s of 503s and a change made meanwhile: unreachable while it lasts, synced within seconds after', async () => {
    const { page } = app.devices.device;
    const learners = new LearnersPage(page);
    const timeline: { t: number; state: string }[] = [];
    let sampling = true;
    const started = Date.now();
    const sampler = (async () => {
      while (sampling) {
        timeline.push({ t: Date.now() - started, state: (await learners.syncState()) ?? '' });
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    await page.route('**/api/**', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{}' }),
    );
    const outageAt = Date.now() - started;
    await learners.rows().first().getByRole('link').click();
    await page.getByLabel(t('learners:fields.className'), { exact: true }).fill('12.c');
    await page.getByRole('button', { name: t('common:actions.save'), exact: true }).click();
    await page.getByRole('heading', { name: t('learners:title') }).waitFor();
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - started - outageAt))));
    await page.unroute('**/api/**');
    const backAt = Date.now() - started;
    await new Promise((r) => setTimeout(r, 20_000));
    sampling = false;
    await sampler;

    const firstUnreachable = timeline.find((s) => s.t >= outageAt && isUnreachable(s.state));
    const firstSyncedAfter = timeline.find((s) => s.t >= backAt && isSynced(s.state));
    const changes = timeline.filter((s, i) => i === 0 || timeline[i - 1]?.state !== s.state);
    process.stdout.write(
      `[sync-status 503] outage at ${outageAt} ms, back at ${backAt} ms; ` +
        `unreachable after ${firstUnreachable ? firstUnreachable.t - outageAt : 'never'} ms; ` +
        `synced ${firstSyncedAfter ? firstSyncedAfter.t - backAt : 'never'} ms after the return; ` +
        `states: ${changes.map((s) => `${s.t}:${s.state}`).join(' ')}\n`,
    );
    expect(firstUnreachable, 'unreachable during the outage').toBeDefined();
    expect(firstSyncedAfter, 'synced after the return').toBeDefined();
    expect((firstSyncedAfter?.t ?? Infinity) - backAt).toBeLessThan(10_000);
    expect(await page.getByTestId('sync-pending').count()).toBe(0);
  });
});
