import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { DEMO_PASSWORD } from './harness/demo';
import { screenshots, seededApp, TABLET } from './harness/seededApp';
import { waitForServiceWorker } from './harness/browser';
import { SignInPage } from './pages/SignInPage';

const NATIONAL = 'liga.rozite';
/** "Dati no 02.12.2026. 05:07": the Latvian date with its full stop, then hours and minutes. */
const DATA_FROM = /Dati no \d\d\.\d\d\.\d{4}\. \d\d:\d\d/;

/** The state's report on the demo data: from the server online, the kept copy offline after a reload. */
describe('the national report', () => {
  const app = seededApp({ device: TABLET }, { pinned: true });

  const cellsOf = (caption: string, row: string) =>
    app
      .page('device')
      .getByRole('table', { name: caption })
      .getByRole('row')
      .filter({ has: app.page('device').getByRole('rowheader', { name: row, exact: true }) })
      .locator('td')
      .allInnerTexts();
  /** A published count: a number, "<5" or "slēpts". */
  const PUBLISHED = /^(\d[\d\s]*|<5|slēpts)$/;

  async function openReports() {
    const page = app.page('device');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: t('reports:nav') })
      .click();
    await page.getByRole('heading', { name: 'Valsts kopsavilkums', level: 2 }).waitFor({ timeout: 30_000 });
  }

  it('shows the national coordinator the country’s totals and a row per municipality', async () => {
    const page = app.page('device');
    await app.signIn('device', NATIONAL);
    await openReports();
    await page.getByRole('table', { name: 'Valstī kopā' }).waitFor({ timeout: 30_000 });
    const [plans = ''] = await cellsOf('Valstī kopā', 'Izveidoti un īstenoti plāni');
    expect(plans).toMatch(PUBLISHED);
    const [supported = ''] = await cellsOf('Valstī kopā', 'Atbalstu saņēmušie skolēni');
    expect(supported).toMatch(PUBLISHED);
    // The demo's two municipalities side by side: Ezerkalni's two schools, Rudzupe's one (demoRudzupe.ts), each with
    // plans above the small-count threshold (mid-semester: 9 and 11 made), adding up to the country's.
    const [schools, municipalityPlans, , held] = await cellsOf('Pa pašvaldībām', 'Ezerkalnu novads');
    expect(schools).toBe('2');
    expect(Number(held?.replace(/\s/g, ''))).toBeGreaterThan(0);
    const [secondSchools, secondPlans, , secondHeld] = await cellsOf('Pa pašvaldībām', 'Rudzupes novads');
    expect(secondSchools).toBe('1');
    expect(Number(secondHeld?.replace(/\s/g, ''))).toBeGreaterThan(0);
    expect(Number(municipalityPlans)).toBeGreaterThanOrEqual(5);
    expect(Number(secondPlans)).toBeGreaterThanOrEqual(5);
    expect(Number(plans)).toBe(Number(municipalityPlans) + Number(secondPlans));
    const [, paid = ''] = await cellsOf('Kompensācijas (eiro)', 'Kopā');
    expect(paid).toMatch(/^\d[\d\s]*,\d\d\s€$/);
    // Staff development: the demo's events of the semester (Ezerkalni's schools' and the municipality's own), about
    // staff, so shown as they are; Ezerkalni's row carries the same count, Rudzupe has none.
    const [events = ''] = await cellsOf('Darbinieku profesionālā pilnveide', 'Pilnveides pasākumi');
    expect(Number(events)).toBeGreaterThan(0);
    expect((await cellsOf('Pa pašvaldībām', 'Ezerkalnu novads'))[6]).toBe(events);
    expect((await cellsOf('Pa pašvaldībām', 'Rudzupes novads'))[6]).toBe('0');
    // The demo's youth competition: of six applications, one finished, one running and one approved (README).
    const youth = 'Jauniešu iniciatīvu projekti kopš programmas sākuma';
    expect(await cellsOf(youth, 'Atbalstītie projekti')).toEqual(['3']);
    expect(await cellsOf(youth, 'Pašvaldības ar projektiem')).toEqual(['1']);
    // The trend: this semester last, beside the demo's semester before it; the same as one sheet of a workbook.
    const trend = page.getByRole('table', { name: 'Pa semestriem' });
    await trend.waitFor({ timeout: 30_000 });
    expect((await trend.getByRole('columnheader').allInnerTexts()).length).toBeGreaterThanOrEqual(2);
    const trendPlans = await cellsOf('Pa semestriem', 'Izveidoti un īstenoti plāni');
    expect(trendPlans.at(-1)).toBe(plans);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Pa semestriem: XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^valsts-atskaite-pa-semestriem-\d{4}-\d{4}-[12]\.xlsx$/);
    const sheets = await readXlsxFile((await download.path()) ?? '');
    expect(sheets.map((s) => s.sheet)).toEqual(['Pa semestriem']);
    const plansRow = sheets[0]?.data.find((row) => row[0] === 'Izveidoti un īstenoti plāni');
    expect(plansRow?.slice(1).map(String)).toEqual(trendPlans.map((p) => p.replace(/\s/g, '')));
    expect(typeof plansRow?.at(-1)).toBe(/^\d/.test(plans ?? '') ? 'number' : 'string');
    await expect.poll(() => page.locator('.report__period').innerText()).toMatch(DATA_FROM);
    await page.screenshot({ path: `${screenshots}reports-national-1024x768.png`, fullPage: true });

    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}reports-national-360x740.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
  });

  it('offline after a reload, still shows the kept report with its date; says so when nothing is kept', async () => {
    const { page, context } = app.devices.device;
    const period = await page.locator('.report__period').innerText();
    const [plans] = await cellsOf('Pa pašvaldībām', 'Ezerkalnu novads');
    await waitForServiceWorker(page);
    await app.server.halt();
    await context.setOffline(true);

    await page.reload();
    await new SignInPage(page).unlock(DEMO_PASSWORD);
    await openReports();
    await page.getByText('Nav savienojuma: rādīta pēdējā saņemtā atskaite.').waitFor({ timeout: 30_000 });
    // The same report, the same time it was made.
    expect(await page.locator('.report__period').innerText()).toBe(period);
    expect((await cellsOf('Pa pašvaldībām', 'Ezerkalnu novads'))[0]).toBe(plans);
    await page.screenshot({ path: `${screenshots}reports-national-offline-1024x768.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${screenshots}reports-national-offline-360x740.png`, fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });

    // A semester never fetched: a clear error, no figures.
    const choices = page.getByLabel('Periods');
    const options = await choices.locator('option').allInnerTexts();
    await choices.selectOption({ label: options[options.length - 1] ?? '' });
    await expect
      .poll(() => page.getByRole('alert').allInnerTexts())
      .toContain(
        'Nav savienojuma ar serveri, un šajā ierīcē vēl nav saglabātas šī semestra valsts atskaites. Pieslēdzieties tīklam, lai to saņemtu.',
      );
    expect(await page.getByRole('table', { name: 'Valstī kopā' }).count()).toBe(0);
    await context.setOffline(false);
  });
});
