import { mkdir, readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hoursByStaff, localDate, type Consultation } from '../../src/domain';
import { openDevice, type Device } from './harness/browser';
import { startServer, type RunningServer } from './harness/server';
import { DEMO_TEACHER, SignInPage } from './pages/SignInPage';

const screenshots = new URL('../../test-results/screenshots/', import.meta.url).pathname;
const SCHOOL = 'demo-school-vidusskola';
const DIRECTOR = 'juris.berzins';

/** The director sees every teacher's held hours for the month, the same figures the server holds, and downloads them. */
describe('staff hours for whoever pays them', () => {
  let server: RunningServer;
  let device: Device;

  async function tokenOf(username: string): Promise<string> {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_TEACHER.password }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  beforeAll(async () => {
    await mkdir(screenshots, { recursive: true });
    server = await startServer();
    device = await openDevice({ width: 1024, height: 768 });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await device?.page
        .screenshot({ path: `${screenshots}FAILED-${task.name.replace(/\W+/g, '-')}.png`, fullPage: true })
        .catch(() => {});
    }
  });

  afterAll(async () => {
    await device?.close();
    await server?.stop();
  });

  it('shows the month of every staff member as the server counts it, and as CSV', async () => {
    const today = localDate(new Date());
    const teacher = await tokenOf(DEMO_TEACHER.username);
    const learners = (await (
      await fetch(`${server.url}/api/sync/learners/pull?seq=0&limit=500`, {
        headers: { authorization: `Bearer ${teacher}` },
      })
    ).json()) as { documents: { id: string; schoolId: string }[] };
    const [first, second] = learners.documents.filter((l) => l.schoolId === SCHOOL);
    if (!first || !second) throw new Error('the demo school has no learners');
    const at = new Date().toISOString();
    const held = (id: string, minutes: number, attendance: 'attended' | 'absent_unexcused'): Consultation => ({
      id,
      createdAt: at,
      updatedAt: at,
      schoolId: SCHOOL,
      staffId: 'demo-user-maths',
      staffRole: 'subject_teacher',
      subject: 'maths',
      planId: '',
      date: today,
      startTime: '',
      minutes,
      mode: 'in_person',
      attendees: [
        { learnerId: first.id, attendance },
        { learnerId: second.id, attendance: 'attended' },
      ],
      notes: '',
    });
    const pushed = await fetch(`${server.url}/api/sync/consultations/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teacher}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        [held('e2e-hours-1', 40, 'attended'), held('e2e-hours-2', 45, 'absent_unexcused')].map((doc) => ({
          assumedMasterState: null,
          newDocumentState: { ...doc, _deleted: false },
        })),
      ),
    });
    expect(pushed.status).toBe(200);

    const { page } = device;
    await page.goto(server.url);
    await new SignInPage(page).signIn(DIRECTOR, DEMO_TEACHER.password);
    await page.locator('.learner-row').first().waitFor({ timeout: 30_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Šodien' }).click();
    await page.getByRole('link', { name: 'Visu pedagogu stundas' }).click();
    await page.getByRole('heading', { name: 'Pedagogu stundas' }).waitFor();

    const director = await tokenOf(DIRECTOR);
    const all = (await (
      await fetch(`${server.url}/api/sync/consultations/pull?seq=0&limit=500`, {
        headers: { authorization: `Bearer ${director}` },
      })
    ).json()) as { documents: Consultation[] };
    const month = today.slice(0, 7);
    const expected = hoursByStaff(
      all.documents.filter((c) => c.schoolId === SCHOOL),
      `${month}-01`,
      `${month}-31`,
    ).find((h) => h.staffId === 'demo-user-maths');
    expect(expected?.minutes).toBeGreaterThanOrEqual(85);
    const row = page.getByRole('row').filter({ hasText: 'Ilze Kalniņa' });
    const minutes = expected?.minutes ?? 0;
    await expect
      .poll(() => row.locator('td').allInnerTexts())
      .toEqual([
        String(expected?.sessions),
        `${Math.floor(minutes / 60)} st. ${String(minutes % 60).padStart(2, '0')} min`,
      ]);
    await page.screenshot({ path: `${screenshots}staff-hours-1024x768.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lejupielādēt CSV' }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFDarbinieks;Priekšmets vai loma;Konsultācijas;Izglītojamie;Minūtes;Stundas',
    );
    expect(csv).toContain(`Ilze Kalniņa;Matemātika;${expected?.sessions};`);
    expect(download.suggestedFilename()).toBe(`stundas-${month}.csv`);

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}staff-hours-360x740.png`, fullPage: true });
  });

  it('is not offered to a teacher', async () => {
    const { page } = device;
    await page.getByRole('button', { name: 'Iziet' }).click();
    await new SignInPage(page).signIn(DEMO_TEACHER.username, DEMO_TEACHER.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Šodien' }).click();
    await page.getByRole('heading', { name: 'Šodien', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Visu pedagogu stundas' }).count()).toBe(0);
  });
});
