import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { t } from './harness/labels';
import { seededApp, TABLET } from './harness/seededApp';

const DIRECTOR = 'juris.berzins';

/** The report's workbook as a director downloads it in Chromium, under the app's CSP, read back. */
describe('the semester report as XLSX', () => {
  const app = seededApp({ device: TABLET });

  it('gives the screen’s figures as numbers, a sheet a section and the learner lists', async () => {
    const page = app.page('device');
    await app.signInAs('device', DIRECTOR);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: t('reports:nav') })
      .click();
    await page.getByRole('heading', { name: 'Ezerkalnu vidusskola', level: 2 }).waitFor();
    const cell = (caption: string, row: string, column = 0) =>
      page
        .getByRole('table', { name: caption })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
        .locator('td')
        .nth(column)
        .innerText();
    const support = 'Plāni un atbalstītie skolēni';
    await expect
      .poll(async () => Number(await cell(support, 'Izveidoti un īstenoti plāni')), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const plans = Number(await cell(support, 'Izveidoti un īstenoti plāni'));
    // "1 234,56 €" on the screen is 1234.56 in the workbook.
    const paid = await cell('Kompensācijas (eiro)', 'Kopā', 2);
    const paidEuros = Number(paid.replace(/[^\d,]/g, '').replace(',', '.'));

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Lejupielādēt XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^atskaite-\d{4}-\d{4}-[12]\.xlsx$/);
    const sheets = await readXlsxFile((await download.path()) ?? '');
    expect(sheets[0]?.sheet).toBe(support);
    expect(sheets.at(-1)?.sheet).toBe('Skolēni');
    const rowOf = (sheet: string, label: string) =>
      sheets.find((s) => s.sheet === sheet)?.data.find((row) => row[0] === label);
    expect(rowOf(support, 'Izveidoti un īstenoti plāni')?.[1]).toBe(plans);
    expect(rowOf('Kompensācijas (eiro)', 'Kopā')?.[3]).toBe(paidEuros);
    expect(paidEuros).toBeGreaterThan(0);
    expect(sheets.find((s) => s.sheet === 'Skolēni')?.data.length).toBeGreaterThan(5);
  });
});
