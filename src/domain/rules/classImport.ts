import { learnerFieldsSchema, type Learner, type LearnerFields } from '../learner';
import { dateSchema, isStorableText } from '../primitives';
import { cellText, findHeader, splitName, type ColumnMap, type ImportCell } from './classImportColumns';
import { normaliseForSearch } from './learnerSearch';

export type ImportField = 'firstName' | 'lastName' | 'className' | 'programme' | 'birthDate';
export type RowProblemCode =
  'missing' | 'tooLong' | 'badDate' | 'futureDate' | 'badProgramme' | 'ambiguousName' | 'badText';
export interface RowProblem {
  field: ImportField;
  code: RowProblemCode;
  /** The cell as it was written, so the message can quote it. */
  value: string;
}

/** What confirming the import would do with one row of the file. `row` is the spreadsheet's own row number. */
export type ImportRow =
  | { row: number; kind: 'add'; fields: LearnerFields }
  | {
      row: number;
      kind: 'update';
      fields: LearnerFields;
      learnerId: string;
      changes: ImportField[];
      /** Moved class and matched on the name alone (no birth date on either side): worth a look before confirming. */
      byNameOnly: boolean;
    }
  | { row: number; kind: 'same'; fields: LearnerFields; learnerId: string }
  | { row: number; kind: 'repeat'; fields: LearnerFields; firstRow: number }
  | { row: number; kind: 'error'; problems: RowProblem[]; shown: Record<ImportField, string> };

export type ImportFileProblem = 'empty' | 'noHeader' | 'tooManyRows';
export const MAX_IMPORT_ROWS = 3000;

export interface ImportDefaults {
  /** For rows without a class (a list of one class often has no class column). */
  className: string;
  programme: LearnerFields['programme'];
}

export type ImportPlan =
  | { ok: false; problem: ImportFileProblem }
  | { ok: true; columns: ColumnMap; rows: ImportRow[]; counts: Record<ImportRow['kind'], number> };

const MAX_LENGTH: Partial<Record<ImportField, number>> = { firstName: 80, lastName: 80, className: 40 };

/** "7.b", "7b" and "7. B" are one class. */
const classKey = (className: string) => normaliseForSearch(className).replace(/[\s.]/g, '');
const nameKey = (fields: Pick<LearnerFields, 'firstName' | 'lastName'>) =>
  `${normaliseForSearch(fields.lastName)}|${normaliseForSearch(fields.firstName)}`;

function programmeOf(text: string): LearnerFields['programme'] | null {
  const value = normaliseForSearch(text);
  if (/^(visp|gen|общ)/.test(value)) return 'general';
  if (/^(prof|voc|проф)/.test(value)) return 'vocational';
  return null;
}

/** Accepts what Latvian spreadsheets hold: a date cell, 2012-09-01, or 01.09.2012 (with or without the closing dot). */
function birthDateOf(cell: ImportCell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  const text = cellText(cell);
  const latvian = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\.?$/.exec(text);
  const iso = latvian ? `${latvian[3]}-${latvian[2]?.padStart(2, '0')}-${latvian[1]?.padStart(2, '0')}` : text;
  return dateSchema.safeParse(iso).success ? iso : null;
}

interface ReadRow {
  row: number;
  shown: Record<ImportField, string>;
  fields?: LearnerFields;
  problems: RowProblem[];
}

function readRow(
  cells: readonly ImportCell[],
  row: number,
  columns: ColumnMap,
  defaults: ImportDefaults,
  today: string,
): ReadRow {
  const at = (index: number | undefined) => (index === undefined ? '' : cellText(cells[index]));
  const name =
    columns.firstName !== undefined
      ? { firstName: at(columns.firstName), lastName: at(columns.lastName) }
      : columns.nameLastFirst !== undefined
        ? splitName(at(columns.nameLastFirst), 'lastFirst')
        : splitName(at(columns.nameFirstLast), 'firstLast');
  const birthCell = columns.birthDate === undefined ? undefined : cells[columns.birthDate];
  const birthText = at(columns.birthDate);
  const shown: Record<ImportField, string> = {
    ...name,
    className: at(columns.className) || defaults.className.trim(),
    programme: at(columns.programme),
    birthDate: birthCell instanceof Date ? cellText(birthCell) : birthText,
  };
  const problems: RowProblem[] = [];
  for (const field of ['lastName', 'firstName', 'className'] as const) {
    const limit = MAX_LENGTH[field] ?? Infinity;
    if (!shown[field]) problems.push({ field, code: 'missing', value: '' });
    else if (shown[field].length > limit) problems.push({ field, code: 'tooLong', value: shown[field] });
    // A NUL or a broken character from a badly exported file: said plainly, not as "missing".
    else if (!isStorableText(shown[field])) problems.push({ field, code: 'badText', value: shown[field] });
  }
  const programme = shown.programme ? programmeOf(shown.programme) : defaults.programme;
  if (!programme) problems.push({ field: 'programme', code: 'badProgramme', value: shown.programme });
  const birthDate = birthText ? birthDateOf(birthCell) : undefined;
  if (birthDate === null) problems.push({ field: 'birthDate', code: 'badDate', value: birthText });
  else if (birthDate && (birthDate > today || birthDate < '1900-01-01'))
    problems.push({ field: 'birthDate', code: 'futureDate', value: birthText });
  if (problems.length > 0 || !programme) return { row, shown, problems };
  const parsed = learnerFieldsSchema.safeParse({ ...name, className: shown.className, programme, birthDate });
  if (parsed.success) return { row, shown, fields: parsed.data, problems };
  const refused = parsed.error.issues.map((issue) => ({
    field: (issue.path[0] ?? 'lastName') as ImportField,
    code: 'missing' as const,
    value: '',
  }));
  return { row, shown, problems: refused };
}

const sameBirth = (a?: string, b?: string) => !a || !b || a === b;

/**
 * Decides row by row what importing a class list would do, without writing anything: add a learner, update one
 * already there (moved class, birth date added), leave one as it is, or refuse the row with its problems.
 * A learner already there is the one of the same name whose birth date does not differ; among several, the one in
 * the same class. Rows matching in class go first, so "Anna Bērziņa 7.a" and a new "Anna Bērziņa 8.a" in one file
 * do not both claim the 7.a Anna. Importing the same file twice therefore changes nothing the second time.
 */
export function planClassImport(
  table: readonly (readonly ImportCell[])[],
  existing: readonly Learner[],
  defaults: ImportDefaults,
  today: string,
): ImportPlan {
  const nonEmpty = table.filter((cells) => cells.some((c) => cellText(c) !== ''));
  if (nonEmpty.length === 0) return { ok: false, problem: 'empty' };
  const header = findHeader(table);
  if (!header) return { ok: false, problem: 'noHeader' };
  const read = table
    .map((cells, index) => ({ cells, index }))
    .slice(header.index + 1)
    .filter(({ cells }) => cells.some((c) => cellText(c) !== ''))
    .map(({ cells, index }) => readRow(cells, index + 1, header.columns, defaults, today));
  if (read.length > MAX_IMPORT_ROWS) return { ok: false, problem: 'tooManyRows' };

  const byName = new Map<string, Learner[]>();
  for (const learner of existing) {
    const key = nameKey(learner);
    byName.set(key, [...(byName.get(key) ?? []), learner]);
  }
  const claimed = new Set<string>();
  const matchOf = new Map<number, Learner | 'ambiguous'>();
  const candidatesOf = (fields: LearnerFields) =>
    (byName.get(nameKey(fields)) ?? []).filter((l) => !claimed.has(l.id) && sameBirth(l.birthDate, fields.birthDate));
  // First the rows naming a learner in the same class, then the rest among the learners not yet claimed.
  for (const pass of ['sameClass', 'anyClass'] as const) {
    for (const { row, fields } of read) {
      if (!fields || matchOf.has(row)) continue;
      const candidates = candidatesOf(fields);
      const inClass = candidates.filter((l) => classKey(l.className) === classKey(fields.className));
      const pick = pass === 'sameClass' ? inClass : candidates;
      if (pick.length === 1 && pick[0]) {
        matchOf.set(row, pick[0]);
        claimed.add(pick[0].id);
      } else if (pass === 'anyClass' && pick.length > 1) matchOf.set(row, 'ambiguous');
    }
  }

  const seen = new Map<string, number>();
  const rows = read.map((r): ImportRow => {
    if (!r.fields) return { row: r.row, kind: 'error', problems: r.problems, shown: r.shown };
    const fields = r.fields;
    const key = `${nameKey(fields)}|${classKey(fields.className)}|${fields.birthDate ?? ''}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) return { row: r.row, kind: 'repeat', fields, firstRow };
    seen.set(key, r.row);
    const match = matchOf.get(r.row);
    if (match === 'ambiguous')
      return {
        row: r.row,
        kind: 'error',
        problems: [{ field: 'birthDate', code: 'ambiguousName', value: `${fields.firstName} ${fields.lastName}` }],
        shown: r.shown,
      };
    if (!match) return { row: r.row, kind: 'add', fields };
    const changes: ImportField[] = [];
    if (match.className !== fields.className) changes.push('className');
    if (header.columns.programme !== undefined && match.programme !== fields.programme) changes.push('programme');
    if (fields.birthDate && match.birthDate !== fields.birthDate) changes.push('birthDate');
    return changes.length > 0
      ? {
          row: r.row,
          kind: 'update',
          fields,
          learnerId: match.id,
          changes,
          byNameOnly: changes.includes('className') && !fields.birthDate && !match.birthDate,
        }
      : { row: r.row, kind: 'same', fields, learnerId: match.id };
  });
  const counts = { add: 0, update: 0, same: 0, repeat: 0, error: 0 };
  for (const r of rows) counts[r.kind]++;
  return { ok: true, columns: header.columns, rows, counts };
}
