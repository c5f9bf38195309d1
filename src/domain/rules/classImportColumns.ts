import { normaliseForSearch } from './learnerSearch';

/** What a spreadsheet cell can hold once read: CSV gives text, XLSX also numbers, booleans and dates. */
export type ImportCell = string | number | boolean | Date | null | undefined;

/**
 * The columns a class list may have. A name may come as two columns or as one: E-klase and most school registers
 * write the surname first ("Bērziņa Anna"), a list typed by hand often the other way round.
 */
export type ImportColumn =
  'firstName' | 'lastName' | 'nameLastFirst' | 'nameFirstLast' | 'className' | 'programme' | 'birthDate';
export type ColumnMap = Partial<Record<ImportColumn, number>>;

/** Header texts in Latvian, English and Russian, compared without case, diacritics or punctuation. */
const headerNames: Record<ImportColumn, readonly string[]> = {
  firstName: ['vards', 'first name', 'firstname', 'given name', 'forename', 'имя'],
  lastName: ['uzvards', 'last name', 'lastname', 'surname', 'family name', 'фамилия'],
  nameLastFirst: [
    'uzvards vards',
    'skolens',
    'izglitojamais',
    'audzeknis',
    'last name first name',
    'surname first name',
    'фамилия имя',
    'фио',
    'ученик',
  ],
  nameFirstLast: [
    'vards uzvards',
    'name',
    'full name',
    'first name last name',
    'learner',
    'pupil',
    'student',
    'имя фамилия',
  ],
  className: ['klase', 'class', 'grupa', 'kurss', 'kurss grupa', 'group', 'course', 'класс', 'группа', 'курс'],
  programme: ['programma', 'izglitibas programma', 'programme', 'program', 'программа'],
  birthDate: ['dzimsanas datums', 'dzim datums', 'birth date', 'date of birth', 'birthdate', 'dob', 'дата рождения'],
};

export function normaliseHeader(text: string): string {
  return normaliseForSearch(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const columnByHeader = new Map<string, ImportColumn>(
  (Object.entries(headerNames) as [ImportColumn, readonly string[]][]).flatMap(([column, names]) =>
    names.map((name) => [normaliseHeader(name), column] as const),
  ),
);

export function cellText(cell: ImportCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).replace(/\s+/g, ' ').trim();
}

/** Which known column each header cell names; the first of two cells naming the same column wins. */
export function columnsOf(header: readonly ImportCell[]): ColumnMap {
  const columns: ColumnMap = {};
  header.forEach((cell, index) => {
    const column = columnByHeader.get(normaliseHeader(cellText(cell)));
    if (column && columns[column] === undefined) columns[column] = index;
  });
  // "Name" beside "Surname" is the first name, not a whole name.
  if (columns.lastName !== undefined && columns.firstName === undefined && columns.nameFirstLast !== undefined) {
    columns.firstName = columns.nameFirstLast;
    delete columns.nameFirstLast;
  }
  return columns;
}

export function hasNameColumns(columns: ColumnMap): boolean {
  return (
    (columns.firstName !== undefined && columns.lastName !== undefined) ||
    columns.nameLastFirst !== undefined ||
    columns.nameFirstLast !== undefined
  );
}

/** Lists often start with a title line ("7.b klases saraksts"): the header is the first of the top rows naming a name. */
export const HEADER_SEARCH_ROWS = 10;

export function findHeader(rows: readonly (readonly ImportCell[])[]): { index: number; columns: ColumnMap } | null {
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const columns = columnsOf(rows[index] ?? []);
    if (hasNameColumns(columns)) return { index, columns };
  }
  return null;
}

/**
 * Splits a one-column name in the order its header announced. Latvian surnames are one word (double ones take a
 * hyphen) while two first names are common, so the surname is the single word at its end of the name.
 */
export function splitName(full: string, order: 'lastFirst' | 'firstLast'): { firstName: string; lastName: string } {
  const words = full.split(' ').filter(Boolean);
  if (words.length < 2)
    return order === 'lastFirst' ? { lastName: full, firstName: '' } : { firstName: full, lastName: '' };
  return order === 'lastFirst'
    ? { lastName: words[0] ?? '', firstName: words.slice(1).join(' ') }
    : { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1) ?? '' };
}
