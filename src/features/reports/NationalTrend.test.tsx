import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { SEMESTER, school, vocational2020s1 } from '../../../test/fixtures/reports/vocational2020s1';
import { formatOf } from '../../../test/fixtures/xlsxFormat';
import { publishedFigures, semesterFigures, type PublishedFigures, type SchoolSemester } from '../../domain';
import { OfflineError, type NationalReportResponse } from '../../sync';
import { NationalReportView } from './NationalReportView';

const sync = vi.hoisted(() => ({
  fetchNationalReport: vi.fn<(s: SchoolSemester) => Promise<NationalReportResponse>>(),
  keptNationalReport: vi.fn<(s: SchoolSemester) => NationalReportResponse | null>(),
}));
vi.mock('../../sync', async (original) => ({ ...(await original<typeof import('../../sync')>()), ...sync }));

/** Seed 004's school as the whole country: 45 plans, 43 supported, 51/44/5 %, 993,81 € paid, 455 hours, 680 held. */
const chosen = publishedFigures(semesterFigures(vocational2020s1, SEMESTER, { schoolIds: new Set([school.id]) }));
/**
 * By hand, 2019/20 semester 2 (kept on the device; the server cannot be reached): 12 plans, learners supported
 * below 5 (so their split is not published), 100,00 € paid, 600 minutes (10 hours), 15 held, half the plans at
 * the target. 2019/20 semester 1: nothing anywhere (left out, as the trend starts with the first active semester).
 * 2018/19 semester 2: neither the server nor a kept copy (left out).
 */
const earlier: PublishedFigures = {
  ...chosen,
  plansMade: 12,
  learnersSupported: '<5',
  consultationsOnly: { count: '<5', share: null },
  economicOnly: { count: 'withheld', share: null },
  both: { count: 0, share: null },
  compensationsTotal: { ...chosen.compensationsTotal, paidCents: 10000 },
  directMinutes: 600,
  consultationsHeld: 15,
  meetsTarget: { count: 6, share: 0.5 },
  noShowRate: 0.1,
};
const nothing: PublishedFigures = { ...earlier, plansMade: 0, consultationsHeld: 0 };

const report = (semester: SchoolSemester, total: PublishedFigures): NationalReportResponse => ({
  generatedAt: '2021-01-15T10:15:00.000Z',
  semester,
  threshold: 5,
  municipalities: [{ municipalityId: 'municipality-priekuli', name: 'Priekuļu novads', schools: 1, figures: total }],
  total,
  youthProjects: { projects: 0, municipalities: 0 },
});
const key = (s: SchoolSemester) => `${s.schoolYear}-${s.semester}`;
const fromServer: Record<string, NationalReportResponse> = {
  '2020/2021-1': report(SEMESTER, chosen),
  '2019/2020-1': report({ schoolYear: '2019/2020', semester: 1 }, nothing),
};
const kept: Record<string, NationalReportResponse> = {
  '2019/2020-2': report({ schoolYear: '2019/2020', semester: 2 }, earlier),
};

let blobs: Blob[];
beforeEach(() => {
  sync.fetchNationalReport.mockImplementation(async (s) => {
    const found = fromServer[key(s)];
    if (!found) throw new OfflineError('offline');
    return found;
  });
  sync.keptNationalReport.mockImplementation((s) => kept[key(s)] ?? null);
  blobs = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return 'blob:report';
  };
  URL.revokeObjectURL = () => undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
});

const TREND = 'Pa semestriem';

async function renderTrend() {
  renderWithI18n(<NationalReportView semester={SEMESTER} />);
  const table = await screen.findByRole('table', { name: TREND });
  return { table, user: userEvent.setup() };
}

/** A row's cells as the screen writes them, no-break spaces as spaces. */
function cellsOf(table: HTMLElement, row: string): string[] {
  const header = within(table).getByRole('rowheader', { name: row });
  return within(header.closest('tr') as HTMLElement)
    .getAllByRole('cell')
    .map((c) => (c.textContent ?? '').replace(/\s/g, ' '));
}

async function download(user: ReturnType<typeof userEvent.setup>, button: string): Promise<Blob> {
  await user.click(screen.getByRole('button', { name: button }));
  await waitFor(() => expect(blobs).toHaveLength(1));
  return blobs[0] as Blob;
}

describe('the national report’s trend', () => {
  it('shows the semesters the state has figures for, the small counts as the server published them', async () => {
    const { table } = await renderTrend();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['2019/20 2. sem.', '2020/21 1. sem.']);
    expect(cellsOf(table, 'Izveidoti un īstenoti plāni')).toEqual(['12', '45']);
    expect(cellsOf(table, 'Atbalstu saņēmušie skolēni')).toEqual(['<5', '43']);
    expect(cellsOf(table, '– Tikai konsultācijas')).toEqual(['–', '51 %']);
    // 2 with both is below 5, and 19 economic only would give it away (43 − 22 − 19): neither share is published.
    expect([chosen.both.count, chosen.economicOnly.count]).toEqual(['<5', 'withheld']);
    expect(cellsOf(table, '– Tikai ekonomiskais atbalsts')).toEqual(['–', '–']);
    expect(cellsOf(table, '– Abi atbalsta veidi')).toEqual(['–', '–']);
    expect(cellsOf(table, 'Izmaksātās kompensācijas')).toEqual(['100,00 €', '993,81 €']);
    expect(cellsOf(table, 'Pedagogu tiešās darba stundas')).toEqual(['10', '455']);
    expect(cellsOf(table, 'Notikušās konsultācijas')).toEqual(['15', '680']);
    // The server was asked for each earlier semester; the kept copy stood in where it could not answer.
    expect(sync.fetchNationalReport.mock.calls.map(([s]) => key(s)).sort()).toEqual([
      '2018/2019-2',
      '2019/2020-1',
      '2019/2020-2',
      '2020/2021-1',
    ]);
  });

  it('gives the trend as one sheet of a workbook: counts, euros, hours and shares as numbers', async () => {
    const { user } = await renderTrend();
    const xlsx = Buffer.from(await (await download(user, 'Pa semestriem: XLSX')).arrayBuffer());
    const sheets = await readXlsxFile(xlsx);
    expect(sheets.map((s) => s.sheet)).toEqual([TREND]);
    const data = sheets[0]?.data ?? [];
    expect(data.slice(0, 3).map((r) => r[0])).toEqual([
      'Valsts kopsavilkums',
      '2020/2021. m. g. 1. semestris',
      expect.stringMatching(/^Dati no 15\.01\.2021\. \d\d:15$/),
    ]);
    const rowOf = (label: string) => data.find((r) => r[0] === label);
    expect(data.find((r) => r[1] === '2019/20 2. sem.')?.slice(1)).toEqual(['2019/20 2. sem.', '2020/21 1. sem.']);
    expect(rowOf('Izveidoti un īstenoti plāni')?.slice(1)).toEqual([12, 45]);
    // "<5" is not a number, and stays the words the screen shows.
    expect(rowOf('Atbalstu saņēmušie skolēni')?.slice(1)).toEqual(['<5', 43]);
    // 22 of the 43 supported; 993,81 € as 993.81 in euros; 455 hours.
    const [, none, share] = rowOf('– Tikai konsultācijas') ?? [];
    expect(none).toBe('–');
    expect(share).toBeCloseTo(22 / 43, 10);
    expect(rowOf('Izmaksātās kompensācijas')?.slice(1)).toEqual([100, 993.81]);
    expect(rowOf('Pedagogu tiešās darba stundas')?.slice(1)).toEqual([10, 455]);
    expect(rowOf('Notikušās konsultācijas')?.slice(1)).toEqual([15, 680]);
    const rowNumber = (label: string) => data.findIndex((r) => r[0] === label) + 1;
    expect(formatOf(xlsx, 0, `C${rowNumber('Izmaksātās kompensācijas')}`)).toBe('#,##0.00 "€"');
    expect(formatOf(xlsx, 0, `C${rowNumber('– Tikai konsultācijas')}`)).toBe('0%');
    expect(formatOf(xlsx, 0, `B${rowNumber('Izveidoti un īstenoti plāni')}`)).toBe('0');
  });

  it('gives the same trend as CSV in Latvian formats', async () => {
    const { user } = await renderTrend();
    const csv = Buffer.from(await (await download(user, 'Pa semestriem: CSV')).arrayBuffer()).toString('utf8');
    const lines = csv.replace(/\u00a0/g, ' ').split('\r\n');
    expect(lines[0]).toBe('\uFEFFValsts kopsavilkums');
    expect(lines).toContain(';2019/20 2. sem.;2020/21 1. sem.');
    expect(lines).toContain('Izveidoti un īstenoti plāni;12;45');
    expect(lines).toContain('Atbalstu saņēmušie skolēni;<5;43');
    expect(lines).toContain('– Tikai konsultācijas;–;51 %');
    expect(lines).toContain('Izmaksātās kompensācijas;100,00 €;993,81 €');
  });
});
