import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDevice, readIndexedDb, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { LearnersPage } from './pages/LearnersPage';
import { DEMO_TEACHER, SignInPage } from './pages/SignInPage';

const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;

/**
 * An administrator moves a teacher to the other school just after her tablet has sent a learner added offline. The
 * tablet notices at its next pull and rebuilds its copy: the first school's learners leave the device, the new school's arrive.
 */
describe('a teacher moved to another school', () => {
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

  async function asAdministrator(path: string, method = 'GET', body?: object): Promise<unknown> {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_TEACHER.password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response.json();
  }

  it('keeps what she added, and then holds only the new school’s learners', async () => {
    const page = tablet.page;
    const learners = new LearnersPage(page);
    await page.goto(server.url);
    await new SignInPage(page).signIn(DEMO_TEACHER.username, DEMO_TEACHER.password);
    await page.getByRole('heading', { name: 'Izglītojamie' }).waitFor();
    await page.getByLabel('Skola').selectOption({ label: 'Ezerkalnu vidusskola' });
    await expect.poll(() => learners.rows().count(), { timeout: 30_000 }).toBeGreaterThan(10);
    const before = (await learners.rows().first().locator('.learner-row__name').innerText()).trim();

    // Added offline just before the move: it must reach the server before the local copy is rebuilt.
    await tablet.context.setOffline(true);
    await learners.addLearner({ firstName: 'Pēdējā', lastName: 'Pievienotā', className: '5.a' });
    await tablet.context.setOffline(false);
    // Once the move is on the server, a learner of the first school is no longer hers to add (the server refuses
    // it, and the device keeps it as a refused change): the move comes after the tablet has sent it.
    await expect.poll(() => page.getByTestId('sync-pending').count(), { timeout: 30_000 }).toBe(0);

    await asAdministrator('/api/users/demo-user-maths', 'PATCH', { schoolIds: ['demo-school-tehnikums'] });

    await expect
      .poll(() => page.getByLabel('Skola').locator('option').allInnerTexts(), { timeout: 60_000 })
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
