import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import readXlsxFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryDatabase } from '../../../test/fixtures/memoryDatabase';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { formatOf } from '../../../test/fixtures/xlsxFormat';
import { SEMESTER, school, vocational2020s1 } from '../../../test/fixtures/reports/vocational2020s1';
import type { Actor } from '../../domain';
import { DatabaseProvider, type AtbalstsDatabase } from '../../db';
import { ReportView } from './ReportView';

const director: Actor = { userId: 'vtdt-director', roles: ['director'], schoolIds: [school.id], municipalityIds: [] };
const plainJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

let db: AtbalstsDatabase;
let blobs: Blob[];
beforeEach(async () => {
  db = await memoryDatabase(['learners', 'plans', 'consultations', 'compensations', 'users', 'staffevents']);
  const { learners, plans, consultations, compensations, users } = vocational2020s1;
  await db.learners.bulkInsert(plainJson([...learners]));
  await db.plans.bulkInsert(plainJson([...plans]));
  await db.consultations.bulkInsert(plainJson([...consultations]));
  await db.compensations.bulkInsert(plainJson([...compensations]));
  await db.users.bulkInsert(plainJson([...users]));
  blobs = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob);
    return 'blob:report';
  };
  URL.revokeObjectURL = () => undefined;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.close();
});

/** The workbook the "Lejupielādēt XLSX" button gives, as bytes. */
async function downloadedWorkbook(actor: Actor): Promise<Buffer> {
  renderWithI18n(
    <DatabaseProvider database={db}>
      <ReportView
        actor={actor}
        semester={SEMESTER}
        level={{ kind: 'school', school }}
        today={new Date('2021-01-15T12:00:00')}
      />
    </DatabaseProvider>,
  );
  const user = userEvent.setup();
  await screen.findByRole('table', { name: 'Plāni un atbalstītie skolēni' });
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Lejupielādēt XLSX' })).toHaveProperty('disabled', false),
  );
  await user.click(screen.getByRole('button', { name: 'Lejupielādēt XLSX' }));
  await waitFor(() => expect(blobs).toHaveLength(1));
  return Buffer.from(await (blobs[0] as Blob).arrayBuffer());
}

type Rows = unknown[][];
const rowOf = (data: Rows, label: string) => data.find((row) => row[0] === label);

describe('the semester report of seed 004 as a workbook', () => {
  it('has a sheet a section, the seed’s figures as numbers, euros as currency, shares as per cent', async () => {
    const xlsx = await downloadedWorkbook(director);
    const sheets = await readXlsxFile(xlsx);
    expect(sheets.map((s) => s.sheet)).toEqual([
      'Plāni un atbalstītie skolēni',
      'Kompensācijas (eiro)',
      'Darbinieki un tiešās darba…',
      'Darbinieku profesionālā…',
      'Rezultāti novērtējumā',
      'Iemesli, kāpēc nav uzlabojumu',
      'Riski',
      'Konsultāciju mācību…',
      'Sniegtā atbalsta daļa (mērķis…',
      'Konsultācijas un neierašanās',
      'Pa semestriem',
      'Kopš programmas sākuma',
      'Skolēni',
    ]);
    const [support, money, staff] = sheets.map((s) => s.data as Rows);

    // The title rows: the school, the semester, the day.
    expect((support as Rows).slice(0, 3).map((row) => row[0])).toEqual([
      'Vidzemes Tehnoloģiju un dizaina tehnikums',
      'Semestra atskaite, 2020/2021. m. g. 1. semestris',
      'sagatavota 15.01.2021.',
    ]);
    expect(rowOf(support as Rows, 'Izveidoti un īstenoti plāni')?.slice(0, 2)).toEqual([
      'Izveidoti un īstenoti plāni',
      45,
    ]);
    // 22 of the 43 supported: the share is the number 22/43, shown as 51 %.
    const consultationsOnly = rowOf(support as Rows, 'Tikai konsultācijas');
    expect(consultationsOnly?.[1]).toBe(22);
    expect(consultationsOnly?.[2]).toBeCloseTo(0.5116, 4);
    expect(rowOf(support as Rows, 'Tikai ekonomiskais atbalsts')?.slice(1)).toEqual([19, expect.closeTo(0.4419, 4)]);
    expect(rowOf(support as Rows, 'Abi atbalsta veidi')?.slice(1)).toEqual([2, expect.closeTo(0.0465, 4)]);

    // Requested, approved, paid, still owed (euros), learners.
    expect(rowOf(money as Rows, 'Ēdināšana')).toEqual(['Ēdināšana', 0, 362.45, 362.45, 0, 8, 0]);
    expect(rowOf(money as Rows, 'Starppilsētu sabiedriskais transports')?.[3]).toBe(126.64);
    expect(rowOf(money as Rows, 'Dienesta viesnīca')?.[3]).toBe(504.72);
    expect(rowOf(money as Rows, 'Kopā')?.[3]).toBe(993.81);

    expect(rowOf(staff as Rows, 'Iesaistītie darbinieki')).toEqual(['Iesaistītie darbinieki', 20]);
    expect(rowOf(staff as Rows, 'Pedagogu tiešās darba stundas')).toEqual(['Pedagogu tiešās darba stundas', 455]);
    expect(rowOf(staff as Rows, 'Notikušās konsultācijas')).toEqual(['Notikušās konsultācijas', 680]);

    // The cells' own formats: euros as currency, counts as integers, shares as per cent.
    const meals = `${(money as Rows).findIndex((row) => row[0] === 'Ēdināšana') + 1}`;
    for (const column of 'BCDE') expect(formatOf(xlsx, 1, column + meals)).toBe('#,##0.00 "€"');
    expect(formatOf(xlsx, 1, `F${meals}`)).toBe('0');
    const only = `${(support as Rows).findIndex((row) => row[0] === 'Tikai konsultācijas') + 1}`;
    expect(formatOf(xlsx, 0, `B${only}`)).toBe('0');
    expect(formatOf(xlsx, 0, `C${only}`)).toBe('0%');
  });

  it('lists the learners behind the figures for a person who may read them', async () => {
    const sheets = await readXlsxFile(await downloadedWorkbook(director));
    const learners = sheets.find((s) => s.sheet === 'Skolēni')?.data as Rows;
    expect(learners[4]).toEqual(['Sadaļa', 'Rādītājs', 'Aile', 'Skolēns']);
    const noSupport = learners.filter((row) => row[1] === 'Ar plānu, bet bez atbalsta');
    expect(noSupport).toEqual([
      ['Plāni un atbalstītie skolēni', 'Ar plānu, bet bez atbalsta', 'Skaits', 'Audzēknis44 Priekulis'],
      ['Plāni un atbalstītie skolēni', 'Ar plānu, bet bez atbalsta', 'Skaits', 'Audzēknis45 Priekulis'],
    ]);
    // Meals were paid to 8 learners (Audzēknis29–36 of the fixture).
    expect(learners.filter((row) => row[1] === 'Ēdināšana')).toHaveLength(8);
  });

  it('gives a person who may not read the learners no learner sheet', async () => {
    const sheets = await readXlsxFile(await downloadedWorkbook({ ...director, schoolIds: [] }));
    expect(sheets.map((s) => s.sheet)).not.toContain('Skolēni');
    // The nine sections of the semester and the two over time (by semester, since the programme began).
    expect(sheets).toHaveLength(12);
    // The figures themselves are the same.
    const money = sheets.find((s) => s.sheet === 'Kompensācijas (eiro)')?.data as Rows;
    expect(rowOf(money, 'Ēdināšana')?.[3]).toBe(362.45);
    const text = JSON.stringify(sheets);
    expect(text).not.toContain('Audzēknis');
  });
});
