import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { formatOf } from '../../../test/fixtures/xlsxFormat';
import { xlsxBlob } from '../ui';
import { shiftMonth, timesheetDate, timesheetHours } from './timesheetFormat';
import { timesheetWorkbook } from './timesheetWorkbook';

describe('the timesheet as a workbook', () => {
  it('gives a row a held session with a real date and minutes and hours as numbers, then the total', async () => {
    const sheets = timesheetWorkbook({
      heading: ['Ezerkalnu vidusskola', 'Ilze Kalniņa', 'Darba laika uzskaite, 2026. gada novembris'],
      sheet: 'Darba laika uzskaite',
      columns: {
        date: 'Datums',
        start: 'Sākums',
        activity: 'Priekšmets vai loma',
        learners: 'Izglītojamie',
        learnerCount: 'Ieradās',
        minutes: 'Minūtes',
        hours: 'Stundas',
      },
      total: 'Kopā',
      dateFormat: 'dd.mm.yyyy"."',
      rows: [
        {
          date: '2026-11-24',
          startTime: '09:30',
          activity: 'Matemātika',
          learners: 'Kalna Anna',
          learnerCount: 1,
          minutes: 40,
        },
        {
          date: '2026-11-24',
          startTime: '',
          activity: 'Matemātika',
          learners: 'Kalna Anna, Kalna Baiba',
          learnerCount: 2,
          minutes: 45,
        },
      ],
    });
    const xlsx = Buffer.from(await (await xlsxBlob(sheets)).arrayBuffer());
    const [sheet] = await readXlsxFile(xlsx);
    expect(sheet?.sheet).toBe('Darba laika uzskaite');
    const data = sheet?.data ?? [];
    expect(data[4]).toEqual([
      'Datums',
      'Sākums',
      'Priekšmets vai loma',
      'Izglītojamie',
      'Ieradās',
      'Minūtes',
      'Stundas',
    ]);
    expect(data[5]?.[0]).toEqual(new Date('2026-11-24T00:00:00.000Z'));
    expect(data[5]?.slice(1, 6)).toEqual(['09:30', 'Matemātika', 'Kalna Anna', 1, 40]);
    expect(data[6]?.slice(1, 6)).toEqual([null, 'Matemātika', 'Kalna Anna, Kalna Baiba', 2, 45]);
    // 40 + 45 = 85 minutes = 1,4166… hours, two sessions.
    expect(data[7]?.slice(0, 6)).toEqual(['Kopā', null, 2, null, null, 85]);
    expect(data[7]?.[6]).toBeCloseTo(1.4167, 4);
    expect(data).toHaveLength(8);
    expect(formatOf(xlsx, 0, 'A6')).toBe('dd.mm.yyyy"."');
    expect(formatOf(xlsx, 0, 'F8')).toBe('0');
    expect(formatOf(xlsx, 0, 'G8')).toBe('0.00');
  });
});

describe('the timesheet’s indirect work', () => {
  it('follows the sessions with its own rows and total in the same minutes and hours columns', async () => {
    const sheets = timesheetWorkbook({
      heading: ['Priekuļu tehnikums', 'Līga Ozola', 'Darba laika uzskaite, 2020. gada oktobris'],
      sheet: 'Darba laika uzskaite',
      columns: {
        date: 'Datums',
        start: 'Sākums',
        activity: 'Priekšmets vai loma',
        learners: 'Izglītojamie',
        learnerCount: 'Ieradās',
        minutes: 'Minūtes',
        hours: 'Stundas',
      },
      total: 'Kopā',
      dateFormat: 'dd.mm.yyyy"."',
      rows: [],
      indirect: {
        title: 'Netiešais darbs',
        what: 'Ko darīja',
        total: 'Netiešais darbs kopā',
        rows: [
          { what: 'Kompensāciju aprēķins', minutes: 600 },
          { what: 'Izmaksu saraksti', minutes: 90 },
        ],
      },
    });
    const xlsx = Buffer.from(await (await xlsxBlob(sheets)).arrayBuffer());
    const data = (await readXlsxFile(xlsx))[0]?.data ?? [];
    // Heading (3), blank, columns, the sessions' total; blank, title, columns, 2 rows, total.
    expect(data).toHaveLength(12);
    expect(data[5]?.slice(0, 6)).toEqual(['Kopā', null, 0, null, null, 0]);
    expect(data[7]?.[0]).toBe('Netiešais darbs');
    expect(data[9]).toEqual(['Kompensāciju aprēķins', null, null, null, null, 600, 10]);
    expect(data[10]?.slice(0, 6)).toEqual(['Izmaksu saraksti', null, null, null, null, 90]);
    // 600 + 90 = 690 minutes = 11,5 hours.
    expect(data[11]).toEqual(['Netiešais darbs kopā', null, null, null, null, 690, 11.5]);
  });
});

describe('the timesheet’s formats', () => {
  it.each([
    ['lv', '24.11.2026.'],
    ['ru', '24.11.2026'],
    ['en', '24/11/2026'],
  ])('writes a day in %s as %s', (language, text) => {
    expect(timesheetDate(language, '2026-11-24')).toBe(text);
  });

  it.each([
    ['lv', 145, '2,42\u00a0h'],
    ['en', 145, '2.42\u00a0h'],
    ['lv', 60, '1,00\u00a0h'],
  ])('writes %s %i minutes as %s', (language, minutes, text) => {
    expect(timesheetHours(language, minutes)).toBe(text);
  });

  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-03', -14, '2025-01'],
  ])('%s moved by %i is %s', (month, by, expected) => {
    expect(shiftMonth(month, by)).toBe(expected);
  });
});
