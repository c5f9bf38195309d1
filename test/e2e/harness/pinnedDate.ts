import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runServer, type RunningServer } from './server';

/**
 * The day a date-bound browser test lives on, whatever day it runs: a Wednesday in the middle of the autumn
 * semester of 2026/2027, well inside its months (the current month is not empty, no semester boundary is near), and
 * before any day these tests have run on, so the real server never finds the browser's dates in its future.
 */
export const PINNED_DAY = '2026-10-14';
/** 09:30 in Riga (UTC+3 in October): the browser's clock starts here and runs on (seededApp's `pinned`). */
export const PINNED_NOW = new Date(`${PINNED_DAY}T06:30:00.000Z`);

/**
 * The server on a database seeded as of PINNED_DAY: the same demo as the shared template (seededTemplate.ts), but
 * its semester, plans and sessions are those of the pinned day, so they agree with the browser's pinned clock. It is
 * seeded here, in this process, through the server's own first-start path (prepareDemo with the day given), and
 * then run as users run it; it costs a seeding per file, so only tests whose screens turn on the date ask for it.
 * The server process itself keeps the real clock: tokens, rate limits and "not after tomorrow" checks see real time,
 * which is after the pinned day. So a pinned device believes its 15-minute access token lasts weeks longer than it
 * does: a pinned test that runs longer than a token would meet the server's refusal, as a device with a wrong clock
 * would.
 */
export async function startPinnedServer(day = PINNED_DAY): Promise<RunningServer> {
  // Loaded only here: the files that keep the shared template do not load the server's modules.
  const [{ demoPolicy, loadConfig }, { migrate }, { prepareDemo }, { openStore }] = await Promise.all([
    import('../../../src/server/config'),
    import('../../../src/server/migrations/migrate'),
    import('../../../src/server/seed/seedDemo'),
    import('../../../src/server/store/openStore'),
  ]);
  const dataDir = await mkdtemp(join(tmpdir(), 'atbalsts-e2e-pinned-'));
  const config = loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', SEED_DEMO: 'auto' });
  const store = await openStore(config.database);
  try {
    await migrate(store);
    await prepareDemo(store, demoPolicy(config), day);
  } finally {
    await store.close();
  }
  return runServer(dataDir);
}
