import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { readIndexedDb } from './harness/browser';
import { LearnersPage } from './pages/LearnersPage';
import { SignInPage } from './pages/SignInPage';

/**
 * An administrator moves a teacher to the other school just after her tablet has sent a learner added offline. The
 * tablet notices at its next pull and rebuilds its copy: the first school's learners leave the device, the new school's arrive.
 */
describe('a teacher moved to another school', () => {
  const app = seededApp({ tablet: TABLET });

  async function asAdministrator(path: string, method = 'GET', body?: object): Promise<unknown> {
    const login = await fetch(`${app.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const response = await fetch(`${app.server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response.json();
  }

  it('keeps what she added, and then holds only the new school’s learners', async () => {
    const page = app.devices.tablet.page;
    const learners = new LearnersPage(page);
    await page.goto(app.server.url);
    await new SignInPage(page).signIn(DEMO.teacher, DEMO_PASSWORD);
    await page.getByRole('heading', { name: t('learners:title') }).waitFor();
    await page.getByLabel(t('common:school.label')).selectOption({ label: 'Ezerkalnu vidusskola' });
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    const before = (await learners.rows().first().locator('.learner-row__name').innerText()).trim();

    // Added offline just before the move: it must reach the server before the local copy is rebuilt.
    await app.devices.tablet.context.setOffline(true);
    await learners.addLearner({ firstName: 'Pēdējā', lastName: 'Pievienotā', className: '5.a' });
    await app.devices.tablet.context.setOffline(false);
    // Once the move is on the server, a learner of the first school is no longer hers to add (the server refuses
    // it, and the device keeps it as a refused change): the move comes after the tablet has sent it.
    await expect.poll(() => page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);

    await asAdministrator('/api/users/demo-user-maths', 'PATCH', { schoolIds: ['demo-school-tehnikums'] });

    await expect
      .poll(() => page.getByLabel(t('common:school.label')).locator('option').allInnerTexts(), { timeout: 60_000 })
      .toEqual(['Ezerkalnu tehnikums']);
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await expect.poll(() => learners.row(before).count()).toBe(0);

    // Nothing of the first school is left in this browser's storage.
    const stored = await readIndexedDb(page, 'learners');
    const leftovers = stored.split('demo-school-vidusskola').length - 1;
    expect(leftovers).toBe(0);
    await page.screenshot({ path: `${screenshots}reach-change-1024x768.png` });

    // What she added offline reached the server before the rebuild.
    const all = (await asAdministrator('/api/sync/learners/pull?seq=0&limit=500')) as {
      documents: { lastName: string }[];
    };
    expect(all.documents.map((d) => d.lastName)).toContain('Pievienotā');
  });
});
