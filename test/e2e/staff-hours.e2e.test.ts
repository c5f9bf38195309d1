import { readFile } from 'node:fs/promises';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { localDate, semesterOf, type Attendance } from '../../src/domain';
import { attendee, consultation, newRow } from '../fixtures/documents';
import { SignInPage, signOut } from './pages/SignInPage';
import { TimesheetPage } from './pages/TimesheetPage';

const SCHOOL = 'demo-school-vidusskola';
const DIRECTOR = 'juris.berzins';

/** The director sees every teacher's held hours for the semester as they arrive, and downloads them for payroll. */
describe('staff hours for whoever pays them', () => {
  const app = seededApp({ device: TABLET });

  async function tokenOf(username: string): Promise<string> {
    const response = await fetch(`${app.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  it('counts what a teacher holds this semester the moment it arrives, and gives it as CSV', async () => {
    const page = app.page('device');
    await app.signInAs('device', DIRECTOR);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: t('common:nav.today') })
      .click();
    await page.getByRole('link', { name: 'Visu pedagogu stundas' }).click();
    await page.getByRole('heading', { name: 'Pedagogu stundas' }).waitFor();
    // It opens on the semester (issue 13.7): the current month is empty on its first days.
    const semester = semesterOf(localDate(new Date()));
    expect(await page.getByLabel('Periods').inputValue()).toBe(`${semester.schoolYear}-${semester.semester}`);

    // What the month shows for Ilze before (nothing, or what the demo semester holds).
    const row = page.getByRole('row').filter({ hasText: 'Ilze Kalniņa' });
    const figures = async () => {
      if ((await row.count()) === 0) return { sessions: 0, minutes: 0 };
      const [sessions = '0', time = ''] = await row.locator('td').allInnerTexts();
      const [, h = '0', m = '0'] = /(\d+) st\. (\d+) min/.exec(time) ?? [];
      return { sessions: Number(sessions), minutes: Number(h) * 60 + Number(m) };
    };
    await page.waitForTimeout(1_000);
    const before = await figures();

    // Ilze logs two sessions today on her own device: one both learners attended (40 min), one only the second
    // (45 min, still held), one nobody attended (60 min, not worked time).
    const today = localDate(new Date());
    const teacher = await tokenOf(DEMO.teacher);
    const learners = (await (
      await fetch(`${app.server.url}/api/sync/learners/pull?seq=0&limit=500`, {
        headers: { authorization: `Bearer ${teacher}` },
      })
    ).json()) as { documents: { id: string; schoolId: string }[] };
    const [first, second] = learners.documents.filter((l) => l.schoolId === SCHOOL);
    if (!first || !second) throw new Error('the demo school has no learners');
    const at = new Date().toISOString();
    const held = (id: string, minutes: number, attendance: Attendance[]) =>
      consultation({
        id,
        createdAt: at,
        updatedAt: at,
        schoolId: SCHOOL,
        staffId: 'demo-user-maths',
        date: today,
        minutes,
        attendees: [attendee(first.id, attendance[0]), attendee(second.id, attendance[1])],
      });
    const pushed = await fetch(`${app.server.url}/api/sync/consultations/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teacher}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        [
          held('e2e-hours-1', 40, ['attended', 'attended']),
          held('e2e-hours-2', 45, ['absent_unexcused', 'attended']),
          held('e2e-hours-3', 60, ['absent_excused', 'cancelled']),
        ].map(newRow),
      ),
    });
    expect(pushed.status).toBe(200);

    await expect
      .poll(figures, { timeout: 30_000 })
      .toEqual({ sessions: before.sessions + 2, minutes: before.minutes + 85 });
    await page.screenshot({ path: `${screenshots}staff-hours-1024x768.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lejupielādēt CSV' }).click(),
    ]);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFDarbinieks;Priekšmets vai loma;Konsultācijas;Izglītojamie;Minūtes;Stundas',
    );
    expect(csv).toContain(`Ilze Kalniņa;Matemātika;${before.sessions + 2};`);
    expect(download.suggestedFilename()).toBe(
      `stundas-${semester.schoolYear.replace('/', '-')}-${semester.semester}.csv`,
    );

    // The same as a workbook: numbers as numbers, so payroll can sum them.
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lejupielādēt XLSX' }).click(),
    ]);
    expect(workbook.suggestedFilename()).toBe(
      `stundas-${semester.schoolYear.replace('/', '-')}-${semester.semester}.xlsx`,
    );
    const [sheet] = await readXlsxFile((await workbook.path()) ?? '');
    const ilze = sheet?.data.find((row) => row[0] === 'Ilze Kalniņa');
    expect(ilze?.slice(1, 3)).toEqual(['Matemātika', before.sessions + 2]);

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}staff-hours-360x740.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });

    // Her row opens her timesheet of this month (the semester's latest so far), with today's two held sessions.
    await row.getByRole('link', { name: 'Ilze Kalniņa' }).click();
    await page.getByRole('heading', { name: 'Darba laika uzskaite', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/hours/demo-user-maths/${today.slice(0, 7)}`);
    const [year, month, day] = today.split('-');
    const todays = async () =>
      (await new TimesheetPage(page).sessionRows())
        .filter((r) => r[0]?.startsWith(`${day}.${month}.${year}.`))
        .map((r) => r[2])
        .sort();
    await expect.poll(todays, { timeout: 30_000 }).toEqual(expect.arrayContaining(['40 min', '45 min']));
  });

  it('is not offered to a teacher', async () => {
    const page = app.page('device');
    await signOut(page);
    await new SignInPage(page).signIn(DEMO.teacher, DEMO_PASSWORD);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: t('common:nav.today') })
      .click();
    await page.getByRole('heading', { name: t('consultations:today.title'), level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'Visu pedagogu stundas' }).count()).toBe(0);
  });
});
