import { describe, expect, it } from 'vitest';
import type { Learner } from '../learner';
import { planClassImport, type ImportDefaults, type ImportPlan, type ImportRow } from './classImport';
import { columnsOf, splitName, type ImportCell } from './classImportColumns';

const TODAY = '2026-11-25';
const defaults: ImportDefaults = { className: '', programme: 'general' };

const learner = (overrides: Partial<Learner>): Learner => ({
  id: 'l1',
  schoolId: 's1',
  firstName: 'Anna',
  lastName: 'Bērziņa',
  className: '7.b',
  programme: 'general',
  guardians: [],
  archived: false,
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-01T08:00:00.000Z',
  ...overrides,
});

function rowsOf(plan: ImportPlan): ImportRow[] {
  if (!plan.ok) throw new Error(`expected a plan, got ${plan.problem}`);
  return plan.rows;
}
const kinds = (plan: ImportPlan) => rowsOf(plan).map((r) => r.kind);

describe('class list headers', () => {
  it.each<[string, ImportCell[], ReturnType<typeof columnsOf>]>([
    ['Latvian, two name columns', ['Uzvārds', 'Vārds', 'Klase'], { lastName: 0, firstName: 1, className: 2 }],
    ['without diacritics and in capitals', ['UZVARDS', 'VARDS'], { lastName: 0, firstName: 1 }],
    ['E-klase style one column', ['Nr.', 'Skolēns', 'Dzimšanas datums'], { nameLastFirst: 1, birthDate: 2 }],
    [
      'English',
      ['First name', 'Last name', 'Class', 'Programme'],
      { firstName: 0, lastName: 1, className: 2, programme: 3 },
    ],
    ['"Name" beside "Surname" is the first name', ['Name', 'Surname'], { firstName: 0, lastName: 1 }],
    ['"Name" alone is a whole name', ['Name', 'Class'], { nameFirstLast: 0, className: 1 }],
    [
      'Russian',
      ['Фамилия', 'Имя', 'Класс', 'Дата рождения'],
      { lastName: 0, firstName: 1, className: 2, birthDate: 3 },
    ],
    ['unknown columns are left out', ['Piezīmes', 'Vārds', 'Vārds'], { firstName: 1 }],
  ])('%s', (_case, header, expected) => {
    expect(columnsOf(header)).toEqual(expected);
  });

  it.each<[string, 'lastFirst' | 'firstLast', { firstName: string; lastName: string }]>([
    ['Bērziņa Anna Marija', 'lastFirst', { lastName: 'Bērziņa', firstName: 'Anna Marija' }],
    ['Anna Marija Bērziņa', 'firstLast', { firstName: 'Anna Marija', lastName: 'Bērziņa' }],
    ['Kalniņš-Ozols Jānis', 'lastFirst', { lastName: 'Kalniņš-Ozols', firstName: 'Jānis' }],
    ['Jānis', 'firstLast', { firstName: 'Jānis', lastName: '' }],
  ])('splits "%s" (%s)', (full, order, expected) => {
    expect(splitName(full, order)).toEqual(expected);
  });
});

describe('planning a class import', () => {
  it('refuses a file with no rows or no recognisable header', () => {
    expect(planClassImport([], [], defaults, TODAY)).toEqual({ ok: false, problem: 'empty' });
    expect(planClassImport([['', null]], [], defaults, TODAY)).toEqual({ ok: false, problem: 'empty' });
    expect(
      planClassImport(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        [],
        defaults,
        TODAY,
      ),
    ).toEqual({ ok: false, problem: 'noHeader' });
  });

  it('finds the header under a title line and numbers rows as the spreadsheet does', () => {
    const plan = planClassImport(
      [
        ['7.b klases saraksts'],
        [],
        ['Uzvārds', 'Vārds', 'Klase'],
        ['Bērziņa', 'Anna', '7.b'],
        ['', '', ''],
        ['Ozols', 'Jānis', '7.b'],
      ],
      [],
      defaults,
      TODAY,
    );
    expect(rowsOf(plan).map((r) => [r.row, r.kind])).toEqual([
      [4, 'add'],
      [6, 'add'],
    ]);
  });

  it('reads the fields of a row', () => {
    const plan = planClassImport(
      [
        ['Skolēns', 'Klase', 'Programma', 'Dzimšanas datums'],
        ['  Bērziņa   Anna ', '7.b', 'Vispārējā', '01.09.2013.'],
        ['Ozols Jānis', '2. kurss', 'profesionālā', new Date(Date.UTC(2009, 4, 17))],
        ['Liepa Ieva', '7.b', '', '2013-02-28'],
      ],
      [],
      defaults,
      TODAY,
    );
    expect(rowsOf(plan).map((r) => (r.kind === 'error' ? r.problems : r.fields))).toEqual([
      { lastName: 'Bērziņa', firstName: 'Anna', className: '7.b', programme: 'general', birthDate: '2013-09-01' },
      {
        lastName: 'Ozols',
        firstName: 'Jānis',
        className: '2. kurss',
        programme: 'vocational',
        birthDate: '2009-05-17',
      },
      { lastName: 'Liepa', firstName: 'Ieva', className: '7.b', programme: 'general', birthDate: '2013-02-28' },
    ]);
  });

  it('takes the class and programme from the defaults when the file has none', () => {
    const plan = planClassImport(
      [
        ['Vārds', 'Uzvārds'],
        ['Anna', 'Bērziņa'],
      ],
      [],
      { className: ' 7.b ', programme: 'vocational' },
      TODAY,
    );
    expect(rowsOf(plan)[0]).toMatchObject({ kind: 'add', fields: { className: '7.b', programme: 'vocational' } });
  });

  it.each<[string, ImportCell[], { field: string; code: string }[]]>([
    ['no surname', ['', 'Anna', '7.b', '', ''], [{ field: 'lastName', code: 'missing' }]],
    ['no class and no default', ['Bērziņa', 'Anna', '', '', ''], [{ field: 'className', code: 'missing' }]],
    ['a name too long', ['B'.repeat(81), 'Anna', '7.b', '', ''], [{ field: 'lastName', code: 'tooLong' }]],
    ['a NUL in a name', ['Bērzi\u0000ņa', 'Anna', '7.b', '', ''], [{ field: 'lastName', code: 'badText' }]],
    [
      'a broken character in a class',
      ['Bērziņa', 'Anna', '7.\ud800', '', ''],
      [{ field: 'className', code: 'badText' }],
    ],
    [
      'an unknown programme',
      ['Bērziņa', 'Anna', '7.b', 'speciālā', ''],
      [{ field: 'programme', code: 'badProgramme' }],
    ],
    ['a date that is not one', ['Bērziņa', 'Anna', '7.b', '', '31.02.2013'], [{ field: 'birthDate', code: 'badDate' }]],
    ['a number for a date', ['Bērziņa', 'Anna', '7.b', '', 41500], [{ field: 'birthDate', code: 'badDate' }]],
    [
      'a birth date in the future',
      ['Bērziņa', 'Anna', '7.b', '', '01.01.2030'],
      [{ field: 'birthDate', code: 'futureDate' }],
    ],
    [
      'several problems at once',
      ['', '', '', 'x', ''],
      [
        { field: 'lastName', code: 'missing' },
        { field: 'firstName', code: 'missing' },
        { field: 'className', code: 'missing' },
        { field: 'programme', code: 'badProgramme' },
      ],
    ],
  ])('refuses a row with %s', (_case, cells, problems) => {
    const plan = planClassImport(
      [['Uzvārds', 'Vārds', 'Klase', 'Programma', 'Dzimšanas datums'], cells],
      [],
      defaults,
      TODAY,
    );
    const row = rowsOf(plan)[0];
    expect(row?.kind).toBe('error');
    if (row?.kind === 'error') expect(row.problems.map(({ field, code }) => ({ field, code }))).toEqual(problems);
  });

  it('marks a row repeated in the file instead of adding it twice', () => {
    const plan = planClassImport(
      [
        ['Uzvārds', 'Vārds', 'Klase'],
        ['Bērziņa', 'Anna', '7.b'],
        ['BĒRZIŅA', 'anna', '7b'],
      ],
      [],
      defaults,
      TODAY,
    );
    expect(rowsOf(plan)[1]).toMatchObject({ kind: 'repeat', firstRow: 2 });
  });

  describe('against the learners already there', () => {
    const header = ['Uzvārds', 'Vārds', 'Klase', 'Dzimšanas datums'];
    it.each<[string, Learner[], ImportCell[], ImportRow['kind'], string[]?]>([
      ['the same learner is left as is', [learner({})], ['Bērziņa', 'Anna', '7.b', ''], 'same'],
      ['without diacritics it is still her', [learner({})], ['Berzina', 'Anna', '7.b', ''], 'same'],
      ['a new name is added', [learner({})], ['Ozols', 'Jānis', '7.b', ''], 'add'],
      ['a move to another class updates her', [learner({})], ['Bērziņa', 'Anna', '8.b', ''], 'update', ['className']],
      [
        'a birth date is added to her',
        [learner({})],
        ['Bērziņa', 'Anna', '7.b', '01.09.2013'],
        'update',
        ['birthDate'],
      ],
      [
        'a different birth date is a different learner',
        [learner({ birthDate: '2013-09-01' })],
        ['Bērziņa', 'Anna', '7.b', '02.09.2013'],
        'add',
      ],
      [
        'two namesakes are told apart by class',
        [learner({ id: 'a', className: '7.a' }), learner({ id: 'b', className: '7.b' })],
        ['Bērziņa', 'Anna', '7.b', ''],
        'same',
      ],
      [
        'two namesakes in other classes need a birth date',
        [learner({ id: 'a', className: '7.a' }), learner({ id: 'b', className: '7.c' })],
        ['Bērziņa', 'Anna', '8.b', ''],
        'error',
      ],
    ])('%s', (_case, existing, cells, kind, changes) => {
      const row = rowsOf(planClassImport([header, cells], existing, defaults, TODAY))[0];
      expect(row?.kind).toBe(kind);
      if (row?.kind === 'update') expect(row.changes).toEqual(changes);
      if (row?.kind === 'update') expect(row.byNameOnly).toBe(_case === 'a move to another class updates her');
      if (row?.kind === 'error') expect(row.problems[0]?.code).toBe('ambiguousName');
    });

    it('does not let a new namesake in another class claim the learner already there', () => {
      const plan = planClassImport(
        [header, ['Bērziņa', 'Anna', '8.a', ''], ['Bērziņa', 'Anna', '7.a', '']],
        [learner({ id: 'a', className: '7.a' })],
        defaults,
        TODAY,
      );
      expect(rowsOf(plan).map((r) => r.kind)).toEqual(['add', 'same']);
    });

    it('changes nothing when the same file is planned again after importing it', () => {
      const file = [
        header,
        ['Bērziņa', 'Anna', '7.b', '01.09.2013'],
        ['Ozols', 'Jānis', '7.b', ''],
        ['Liepa', 'Ieva', '7.b', ''],
      ];
      const first = rowsOf(planClassImport(file, [], defaults, TODAY));
      const imported = first.flatMap((r, i) => (r.kind === 'add' ? [learner({ id: `n${i}`, ...r.fields })] : []));
      expect(kinds(planClassImport(file, imported, defaults, TODAY))).toEqual(['same', 'same', 'same']);
    });

    it('counts each kind of row', () => {
      const plan = planClassImport(
        [
          header,
          ['Bērziņa', 'Anna', '8.b', ''],
          ['Ozols', 'Jānis', '7.b', ''],
          ['Ozols', 'Jānis', '7.b', ''],
          ['', 'X', '', ''],
        ],
        [learner({})],
        defaults,
        TODAY,
      );
      expect(plan.ok && plan.counts).toEqual({ add: 1, update: 1, same: 0, repeat: 1, error: 1 });
    });
  });
});
