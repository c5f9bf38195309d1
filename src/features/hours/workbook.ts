import { sheetName, XLSX_FORMAT, type SheetData, type WorkbookSheet } from '../ui';

export interface HoursWorkbookRow {
  name: string;
  /** The subjects or roles, already in the person's language. */
  activities: string;
  sessions: number;
  learners: number;
  minutes: number;
}

export interface HoursWorkbookInput {
  /** The lines above the table: the school first, then the period. */
  heading: string[];
  sheet: string;
  columns: { name: string; activity: string; sessions: string; learners: string; minutes: string; hours: string };
  total: string;
  rows: readonly HoursWorkbookRow[];
}

const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
const count = (value: number) => ({ value, type: Number, format: XLSX_FORMAT.count });
const hours = (minutes: number) => ({ value: minutes / 60, type: Number, format: XLSX_FORMAT.hoursPaid });

/**
 * The staff hours page as a workbook for payroll: one row a staff member, sessions, learners and minutes as
 * integers and hours as a number, so a spreadsheet can sum and multiply them; a total of sessions, minutes and
 * hours (not of learners: one learner may have met several staff members).
 */
export function hoursWorkbook({ heading, sheet, columns, total, rows }: HoursWorkbookInput): WorkbookSheet[] {
  const sum = (pick: (r: HoursWorkbookRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const minutes = sum((r) => r.minutes);
  const data: SheetData = [
    ...heading.map((line, i) => [i === 0 ? bold(line) : line]),
    [],
    [columns.name, columns.activity, columns.sessions, columns.learners, columns.minutes, columns.hours].map(bold),
    ...rows.map((r) => [
      r.name,
      r.activities,
      count(r.sessions),
      count(r.learners),
      count(r.minutes),
      hours(r.minutes),
    ]),
    [bold(total), null, count(sum((r) => r.sessions)), null, count(minutes), hours(minutes)],
  ];
  return [
    {
      sheet: sheetName(sheet, new Set()),
      data,
      columns: [{ width: 32 }, { width: 36 }, { width: 14 }, { width: 14 }, { width: 12 }, { width: 12 }],
    },
  ];
}
