import { readFile } from 'node:fs/promises';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { type Attendance } from '../../src/domain';
import { attendee, consultation, newRow } from '../fixtures/documents';
import { DEMO, DEMO_PASSWORD } from './harness/demo';
import { t } from './harness/labels';
import { PINNED_DAY, PINNED_NOW } from './harness/pinnedDate';
import { screenshots, seededApp, TABLET } from './harness/seededApp';

const SCHOOL = 'demo-school-vidusskola';

/** A demo teacher opens her month for payroll, checks a session she logged, and downloads it as a workbook. */
describe('a staff member’s monthly timesheet', () => {
  // Today's sessions on today's timesheet: the month and the day are the pinned ones, not the day it runs.
  const app = seededApp({ device: TABLET }, { pinned: true });

  it('lists her held sessions with date, learners and minutes, totals them and gives the same as XLSX', async () => {
    // Ilze's sessions of today, logged from her account: a held one (one learner came), a group both came to, and
    // a cancelled one that is not paid. Their times are early so they are not the demo's own.
    const login = await fetch(`${app.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: DEMO.teacher, password: DEMO_PASSWORD }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const learners = (await (
      await fetch(`${app.server.url}/api/sync/learners/pull?seq=0&limit=500`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { documents: { id: string; schoolId: string; firstName: string; lastName: string }[] };
    const [first, second] = learners.documents.filter((l) => l.schoolId === SCHOOL);
    if (!first || !second) throw new Error('the demo school has no learners');
    const today = PINNED_DAY;
    const at = PINNED_NOW.toISOString();
    const logged = (id: string, startTime: string, minutes: number, attendance: Attendance[]) =>
      consultation({
        id,
        createdAt: at,
        updatedAt: at,
        schoolId: SCHOOL,
        staffId: 'demo-user-maths',
        date: today,
        startTime,
        minutes,
        attendees: [attendee(first.id, attendance[0]), attendee(second.id, attendance[1])],
      });
    const pushed = await fetch(`${app.server.url}/api/sync/consultations/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        [
          logged('e2e-timesheet-1', '06:15', 40, ['attended', 'absent_unexcused']),
          logged('e2e-timesheet-2', '06:55', 45, ['attended', 'attended']),
          logged('e2e-timesheet-3', '06:05', 60, ['cancelled', 'cancelled']),
        ].map(newRow),
      ),
    });
    expect(pushed.status).toBe(200);

    const page = app.page('device');
    const signedIn = await app.signInAs('device', DEMO.teacher);
    const timesheet = await (await signedIn.nav.today()).ownTimesheet();
    expect(new URL(page.url()).pathname).toBe('/hours/demo-user-maths/2026-10');

    const [year, month, day] = today.split('-');
    const date = `${day}.${month}.${year}.`;
    const name = (l: { firstName: string; lastName: string }) => `${l.lastName} ${l.firstName}`;
    const rowAt = async (time: string) => (await timesheet.sessionRows()).find((r) => r[0]?.includes(time));
    await expect.poll(() => rowAt('06:55'), { timeout: 30_000 }).toBeDefined();
    expect(await rowAt('06:15')).toEqual([`${date}\n06:15`, `Matemātika\n${name(first)}`, '40 min']);
    expect(await rowAt('06:55')).toEqual([`${date}\n06:55`, `Matemātika\n${name(first)}, ${name(second)}`, '45 min']);
    // Cancelled: not on the timesheet.
    expect(await rowAt('06:05')).toBeUndefined();

    // The total is the rows' sum, added up here from what the screen shows.
    const rows = await timesheet.sessionRows();
    const summed = rows.reduce((sum, r) => sum + Number(/(\d+) min/.exec(r[2] ?? '')?.[1]), 0);
    expect(await timesheet.totalMinutes()).toBe(summed);
    await page.screenshot({ path: `${screenshots}timesheet-1024x768.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      timesheet.downloadXlsx().click(),
    ]);
    expect(download.suggestedFilename()).toBe('darba-laiks-Ilze-Kalniņa-2026-10.xlsx');
    const sheets = await readXlsxFile((await download.path()) ?? '');
    expect(sheets.map((s) => s.sheet)).toEqual([t('hours:timesheet.title')]);
    const data = sheets[0]?.data ?? [];
    expect(data.slice(0, 3).map((r) => r[0])).toEqual([
      'Ezerkalnu vidusskola',
      'Ilze Kalniņa',
      'Darba laika uzskaite, 2026. gada oktobris',
    ]);
    const known = data.find((r) => r[1] === '06:15');
    expect(known?.[0]).toEqual(new Date(`${today}T00:00:00.000Z`));
    expect(known?.slice(1, 6)).toEqual(['06:15', 'Matemātika', name(first), 1, 40]);
    expect(known?.[6]).toBeCloseTo(40 / 60, 4);
    expect(data.at(-1)).toEqual(['Kopā', null, rows.length, null, null, summed, summed / 60]);

    // The same as CSV, in Latvian formats: 40 minutes are 0,67 hours.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      timesheet.downloadCsv().click(),
    ]);
    const csv = await readFile((await csvDownload.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFDatums;Sākums;Priekšmets vai loma;Izglītojamie;Ieradās;Minūtes;Stundas');
    expect(csv).toContain(`\r\n${date};06:15;Matemātika;${name(first)};1;40;0,67\r\n`);

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}timesheet-360x740.png`, fullPage: true });

    // The printed page: A4's width at 96 dpi, only the sheet (no nav, no buttons, no other months).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${screenshots}timesheet-print-a4.png`, fullPage: true });
    expect(await timesheet.printButton().isVisible()).toBe(false);
    expect(await page.getByRole('navigation').first().isVisible()).toBe(false);
    expect(await timesheet.table.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1024, height: 768 });
  });
});
