import { describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { seededApp, TABLET } from './harness/seededApp';
import { SignInPage } from './pages/SignInPage';

/**
 * Signing out removes the account first, then the database (src/sync/auth/session.ts wipe): a page closed or reloaded
 * between the two leaves the database behind with no one to open it. Its records are sealed with a data key nobody
 * holds any more, and its replication checkpoints say it is up to date. Signing in again must start from a clean copy
 * — before, the new copy opened the old stores, pulled nothing, and the teacher's list stayed empty.
 */
describe('a sign-out cut short between forgetting the account and removing its database', () => {
  const app = seededApp({ tablet: TABLET });

  it('the next sign-in starts afresh and the school comes back', async () => {
    const page = app.devices.tablet.page;
    await page.goto(app.server.url);
    const learners = await new SignInPage(page).signIn(DEMO.teacher, DEMO_PASSWORD);
    await learners.ready({ rows: 0, timeout: 60_000 });
    await expect.poll(() => learners.syncState(), { timeout: 60_000 }).toBe('synced');
    const before = await learners.rows().count();

    // The wipe's first step only: the account is forgotten, the database stays.
    await page.evaluate(() => localStorage.removeItem('atbalsts.accounts'));
    await page.reload();

    const again = await new SignInPage(page).signIn(DEMO.teacher, DEMO_PASSWORD);
    await again.ready({ rows: 0, timeout: 60_000 });
    await expect.poll(() => again.rows().count(), { timeout: 60_000 }).toBe(before);
    await expect.poll(() => again.syncState(), { timeout: 60_000 }).toBe('synced');
  });
});
