import { mkdir, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as vocational from '../fixtures/reports/vocational2020s1';
import { openDevice, type Device } from './harness/browser';
import { A4_POINTS, pdfPages, pdfText, type PdfPage } from './harness/pdfText';
import type { RunningServer } from './harness/server';
import { startVocationalServer } from './harness/vocationalSchool';
import { DEMO_TEACHER, SignInPage } from './pages/SignInPage';

const lines = (text: string) => text.split('\n').map((l) => l.trim());

const results = new URL('../../test-results/', import.meta.url).pathname;
const DIRECTOR = vocational.director.username;

/**
 * The page as the browser prints it: Chromium's print to PDF with the print media, and no paper size asked for, so
 * Chromium's default (Letter) is overridden only by the print CSS's `@page { size: A4 }`.
 */
async function printed(page: Page, name: string): Promise<PdfPage[]> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  await writeFile(`${results}${name}.pdf`, pdf);
  return pdfPages(pdf);
}

/**
 * The texts of the app around a screen (nav, top bar, buttons, choices) as the screen shows them, less those the
 * printed part also says (the school's name is both a choice and the report's heading): none of these is printed.
 */
async function chromeTexts(page: Page, controls: string, printedPart: string): Promise<string[]> {
  const own = new Set(lines((await page.locator(printedPart).allInnerTexts()).join('\n')));
  const texts = await page.locator(`.topbar, .nav, ${controls}`).allInnerTexts();
  return lines(texts.join('\n')).filter((t) => t.length > 1 && !own.has(t));
}

/** 15 mm, the print CSS's page margin, in points. */
const MARGIN = (15 / 25.4) * 72;

/**
 * Every page A4 (Chromium rounds its size to a point or so; Letter, its default, is 612 × 792), and no text past the
 * right margin: a table wider than the paper would be cut there.
 */
function expectA4(pages: readonly PdfPage[]) {
  expect(pages.length).toBeGreaterThan(0);
  for (const p of pages) {
    expect(Math.abs(p.width - A4_POINTS.width)).toBeLessThan(1.5);
    expect(Math.abs(p.height - A4_POINTS.height)).toBeLessThan(1.5);
    expect(p.rightmost).toBeGreaterThan(0);
    // A right-aligned last column ends at the margin itself; a glyph may reach a point or two past it.
    expect(p.rightmost).toBeLessThanOrEqual(p.width - MARGIN + 3);
  }
}

/**
 * Seed 004's vocational school on a device (the director's), 2020/21 semester 1: the browser's clock set to January
 * 2021, when the school would hand the report in. The figures are the seed's (fixture header), read from the PDF
 * Chromium prints.
 */
describe('the printed semester report and timesheet of seed 004', () => {
  let server: RunningServer;
  let device: Device;

  beforeAll(async () => {
    await mkdir(`${results}screenshots/`, { recursive: true });
    server = await startVocationalServer();
    device = await openDevice({ width: 1024, height: 768 });
    await device.context.clock.install({ time: new Date('2021-01-15T09:00:00') });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await device?.page
        .screenshot({ path: `${results}screenshots/FAILED-${task.name.replace(/\W+/g, '-')}.png`, fullPage: true })
        .catch(() => {});
    }
  });

  afterAll(async () => {
    await device?.close();
    await server?.stop();
  });

  it('prints the school’s figures on A4 in Latvian formats, without the app around them', async () => {
    const { page } = device;
    await page.goto(server.url);
    await new SignInPage(page).signIn(DIRECTOR, DEMO_TEACHER.password);
    await page.locator('.learner-row').first().waitFor({ timeout: 60_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Atskaites' }).click();
    await page.getByRole('heading', { name: vocational.school.name, level: 2 }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Periods').selectOption('2020/2021-1');
    const plans = page
      .getByRole('table', { name: 'Plāni un atbalstītie skolēni' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Izveidoti un īstenoti plāni', exact: true }) })
      .locator('td')
      .first();
    // Every record synced (680 held consultations of them), and the trend read after the semester.
    await expect.poll(() => plans.innerText(), { timeout: 60_000 }).toBe('45');
    const staff = page.getByRole('table', { name: 'Darbinieki un tiešās darba stundas' });
    await expect
      .poll(() => staff.innerText(), { timeout: 60_000 })
      .toMatch(/Netieši iesaistīto darbinieku stundas\s+68/);
    await page.getByRole('table', { name: 'Pa semestriem' }).waitFor({ timeout: 30_000 });
    const chrome = await chromeTexts(
      page,
      '.report__actions, .reports-page__choices, .page__lead',
      '#report-name, .report-table',
    );

    const pages = await printed(page, 'reports-print-004');
    const text = pdfText(pages);
    const printedLines = lines(text);
    // A long row header wraps in its column on paper: the money rows are read with white space as one space.
    const flat = text.replace(/\s+/g, ' ');
    expectA4(pages);
    // The heading: the school, the period, the day it was made in dd.mm.gggg.
    expect(text).toContain(vocational.school.name);
    expect(text).toContain('2020/2021. m. g. 1. semestris · sagatavota 15.01.2021.');
    // 004: 45 plans; 51 % consultations only, 44 % economic only, 5 % both (of the 43 supported).
    expect(printedLines).toContain('Izveidoti un īstenoti plāni 45');
    expect(text).toMatch(/Tikai konsultācijas 22 51 %/);
    expect(text).toMatch(/Tikai ekonomiskais atbalsts 19 44 %/);
    expect(text).toMatch(/Abi atbalsta veidi 2 5 %/);
    // Meals 362,45 €, transport 126,64 €, dormitory 504,72 €: requested, approved, paid, still owed, learners…
    expect(flat).toMatch(/Ēdināšana 0,00 € 362,45 € 362,45 € 0,00 € 8 0/);
    expect(flat).toMatch(/Starppilsētu sabiedriskais transports 0,00 € 126,64 € 126,64 € 0,00 €/);
    expect(flat).toMatch(/Dienesta viesnīca 0,00 € 504,72 € 504,72 € 0,00 €/);
    // 20 teachers and 2 accountants; 455 teachers' hours; 68 indirect hours.
    expect(printedLines).toContain('Pedagogu tiešās darba stundas 455');
    expect(printedLines).toContain('Netieši iesaistīto darbinieku stundas 68');
    expect(printedLines).toContain('Iesaistītie darbinieki kopā (tieši un netieši) 22');
    expect(printedLines).toContain('– pedagogi 20');
    expect(printedLines).toContain('– grāmatveži 2');
    // None of the app around the report: nav, top bar, the buttons, the period and level choices, the lead.
    expect(chrome).toContain('Drukāt');
    expect(chrome).toContain('Atskaites');
    for (const t of chrome) expect(printedLines, t).not.toContain(t);
    for (const t of ['Drukāt', 'Lejupielādēt CSV', 'Lejupielādēt XLSX', 'Periods', 'Iziet'])
      expect(text, t).not.toContain(t);
  });

  it('prints a teacher’s month for payroll on A4: each held session, its date, the month’s minutes', async () => {
    const { page } = device;
    const teacher = vocational.teachers[0] as (typeof vocational.teachers)[number];
    // The oracle: the fixture's own records of her October, sessions someone came to.
    const october = vocational.consultations.filter(
      (c) =>
        c.staffId === teacher.id &&
        c.date.startsWith('2020-10') &&
        c.attendees.some((a) => a.attendance === 'attended'),
    );
    const minutes = october.reduce((sum, c) => sum + c.minutes, 0);
    expect(october.length).toBeGreaterThan(0);

    await page.goto(`${server.url}/hours/${teacher.id}/2020-10`);
    await new SignInPage(page).unlock(DEMO_TEACHER.password);
    await page.getByRole('heading', { name: 'Darba laika uzskaite', level: 1 }).waitFor({ timeout: 30_000 });
    const total = page.locator('table.timesheet-table .timesheet-table__total');
    await expect.poll(() => total.innerText(), { timeout: 30_000 }).toContain(`${minutes} min`);
    const chrome = await chromeTexts(
      page,
      '.timesheet__actions, .timesheet__months, .timesheet .page__lead',
      'table.timesheet-table',
    );

    const pages = await printed(page, 'timesheet-print-004');
    const text = pdfText(pages);
    const printedLines = lines(text);
    expectA4(pages);
    expect(text).toContain(teacher.displayName);
    expect(text).toContain(vocational.school.name);
    // Every session's day in dd.mm.gggg. and the month's minutes, as the records add up.
    for (const c of october) {
      const [year, month, day] = c.date.split('-');
      expect(text).toContain(`${day}.${month}.${year}.`);
    }
    expect(text).toContain(`${minutes} min`);
    expect(chrome).toContain('Drukāt');
    for (const t of chrome) expect(printedLines, t).not.toContain(t);
    for (const t of ['Drukāt', 'Lejupielādēt XLSX', 'Iziet']) expect(text, t).not.toContain(t);
  });
});
