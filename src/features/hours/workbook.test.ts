import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { formatOf } from '../../../test/fixtures/xlsxFormat';
import { vocational2020s1 } from '../../../test/fixtures/reports/vocational2020s1';
import { hoursByStaff } from '../../domain';
import { xlsxBlob } from '../ui';
import { hoursWorkbook } from './workbook';

const names = new Map(vocational2020s1.users.map((u) => [u.id, u.displayName]));

/** Seed 004's semester through the same path as the page: held hours per teacher, written and read back. */
async function seedWorkbook() {
  const rows = hoursByStaff(vocational2020s1.consultations, '2020-09-01', '2020-12-31').map((r) => ({
    name: names.get(r.staffId) ?? r.staffId,
    activities: Object.keys(r.byActivity).join(', '),
    sessions: r.sessions,
    learners: r.learners,
    minutes: r.minutes,
  }));
  const sheets = hoursWorkbook({
    heading: ['Vidzemes Tehnoloģiju un dizaina tehnikums', 'Pedagogu stundas, 2020/2021. m. g., 1. semestris'],
    sheet: 'Pedagogu stundas',
    columns: {
      name: 'Darbinieks',
      activity: 'Priekšmets vai loma',
      sessions: 'Konsultācijas',
      learners: 'Izglītojamie',
      minutes: 'Minūtes',
      hours: 'Stundas',
    },
    total: 'Kopā',
    rows,
  });
  const xlsx = Buffer.from(await (await xlsxBlob(sheets)).arrayBuffer());
  return { xlsx, sheets: await readXlsxFile(xlsx) };
}

describe('the staff hours as a workbook', () => {
  it('gives seed 004’s 680 sessions and 455 hours as numbers', async () => {
    const { xlsx, sheets } = await seedWorkbook();
    expect(sheets.map((s) => s.sheet)).toEqual(['Pedagogu stundas']);
    const data = sheets[0]?.data as unknown[][];
    expect(data[0]?.[0]).toBe('Vidzemes Tehnoloģiju un dizaina tehnikums');
    expect(data[3]).toEqual([
      'Darbinieks',
      'Priekšmets vai loma',
      'Konsultācijas',
      'Izglītojamie',
      'Minūtes',
      'Stundas',
    ]);
    // 20 teachers, then the total: 680 held sessions of 40 minutes (675) or 60 (5) = 27 300 minutes = 455 hours.
    expect(data).toHaveLength(4 + 20 + 1);
    expect(data.at(-1)).toEqual(['Kopā', null, 680, null, 27300, 455]);
    // Teacher 1 met learners 1 (29 sessions, one of 60 minutes) and 21 (28 of 40): 57 sessions, 2 300 minutes.
    const first = data.find((row) => row[0] === 'Pedagogs 1');
    expect(first?.slice(0, 5)).toEqual(['Pedagogs 1', 'maths', 57, 2, 2300]);
    expect(first?.[5]).toBeCloseTo(38.33, 2);

    const total = data.length;
    expect(formatOf(xlsx, 0, `C${total}`)).toBe('0');
    expect(formatOf(xlsx, 0, `E${total}`)).toBe('0');
    expect(formatOf(xlsx, 0, `F${total}`)).toBe('0.00');
  });
});
