import { sheetName, XLSX_FORMAT, type SheetData, type WorkbookSheet } from '../ui';

export interface TimesheetWorkbookRow {
  date: string;
  startTime: string;
  /** The subject or role, already in the person's language. */
  activity: string;
  /** The names of the learners who came, or a count for those the reader may not see. */
  learners: string;
  learnerCount: number;
  minutes: number;
}

export interface TimesheetWorkbookInput {
  /** The lines above the table: the school, the person, the month. */
  heading: string[];
  sheet: string;
  columns: {
    date: string;
    start: string;
    activity: string;
    learners: string;
    learnerCount: string;
    minutes: string;
    hours: string;
  };
  total: string;
  /** Excel's date format in the person's language (Latvian `dd.mm.yyyy"."`). */
  dateFormat: string;
  rows: readonly TimesheetWorkbookRow[];
  /** The month's indirect work (domain/indirectWork.ts), under the sessions with its own heading and total. */
  indirect?: {
    title: string;
    what: string;
    total: string;
    rows: readonly { what: string; minutes: number }[];
  };
}

const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
const count = (value: number) => ({ value, type: Number, format: XLSX_FORMAT.count });
const hours = (minutes: number) => ({ value: minutes / 60, type: Number, format: XLSX_FORMAT.hoursPaid });

/** Indirect work in the same columns as the sessions' time, so minutes and hours stay one column each. */
function indirectRows(
  indirect: NonNullable<TimesheetWorkbookInput['indirect']>,
  columns: TimesheetWorkbookInput['columns'],
): SheetData {
  const minutes = indirect.rows.reduce((s, r) => s + r.minutes, 0);
  return [
    [],
    [bold(indirect.title)],
    [bold(indirect.what), null, null, null, null, bold(columns.minutes), bold(columns.hours)],
    ...indirect.rows.map((r) => [r.what, null, null, null, null, count(r.minutes), hours(r.minutes)]),
    [bold(indirect.total), null, null, null, null, count(minutes), hours(minutes)],
  ];
}

/**
 * A staff member's month as one sheet for payroll: a row a held session with its date as a real date, minutes as
 * an integer and hours as a number, then the month's total, so a spreadsheet can sort, sum and multiply.
 */
export function timesheetWorkbook(input: TimesheetWorkbookInput): WorkbookSheet[] {
  const { heading, sheet, columns, total, dateFormat, rows, indirect } = input;
  const minutes = rows.reduce((s, r) => s + r.minutes, 0);
  const day = (date: string) => ({ value: new Date(`${date}T00:00:00Z`), type: Date, format: dateFormat });
  const data: SheetData = [
    ...heading.map((line, i) => [i === 0 ? bold(line) : line]),
    [],
    [
      columns.date,
      columns.start,
      columns.activity,
      columns.learners,
      columns.learnerCount,
      columns.minutes,
      columns.hours,
    ].map(bold),
    ...rows.map((r) => [
      day(r.date),
      r.startTime || null,
      r.activity,
      r.learners,
      count(r.learnerCount),
      count(r.minutes),
      hours(r.minutes),
    ]),
    [bold(total), null, count(rows.length), null, null, count(minutes), hours(minutes)],
    ...(indirect && indirect.rows.length > 0 ? indirectRows(indirect, columns) : []),
  ];
  return [
    {
      sheet: sheetName(sheet, new Set()),
      data,
      columns: [{ width: 13 }, { width: 8 }, { width: 26 }, { width: 40 }, { width: 12 }, { width: 10 }, { width: 10 }],
    },
  ];
}
