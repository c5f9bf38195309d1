/**
 * The Latvian school calendar as plans use it: a school year runs from September to August; semester 1 is
 * September–December, semester 2 January–August (lessons end in May or June; summer work still counts as 2).
 */
export interface SchoolSemester {
  schoolYear: string;
  semester: 1 | 2;
}

/** The semester a date (YYYY-MM-DD) or month (YYYY-MM) falls in. */
export function semesterOf(dateOrMonth: string): SchoolSemester {
  const year = Number(dateOrMonth.slice(0, 4));
  const month = Number(dateOrMonth.slice(5, 7));
  return month >= 9
    ? { schoolYear: `${year}/${year + 1}`, semester: 1 }
    : { schoolYear: `${year - 1}/${year}`, semester: 2 };
}

export function sameSemester(a: SchoolSemester, b: SchoolSemester): boolean {
  return a.schoolYear === b.schoolYear && a.semester === b.semester;
}

/** The months (YYYY-MM) of a semester, in order. */
export function monthsOf({ schoolYear, semester }: SchoolSemester): string[] {
  const first = Number(schoolYear.slice(0, 4));
  const months =
    semester === 1 ? [9, 10, 11, 12].map((m) => [first, m]) : [1, 2, 3, 4, 5, 6, 7, 8].map((m) => [first + 1, m]);
  return months.map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
}

/** The semester before, for starting a plan from the previous one. */
export function previousSemester({ schoolYear, semester }: SchoolSemester): SchoolSemester {
  if (semester === 2) return { schoolYear, semester: 1 };
  const first = Number(schoolYear.slice(0, 4));
  return { schoolYear: `${first - 1}/${first}`, semester: 2 };
}

export function nextSemester({ schoolYear, semester }: SchoolSemester): SchoolSemester {
  if (semester === 1) return { schoolYear, semester: 2 };
  const second = Number(schoolYear.slice(5, 9));
  return { schoolYear: `${second}/${second + 1}`, semester: 1 };
}

/** A moment's local calendar date (YYYY-MM-DD): a school day is the day on the wall, not in UTC. */
export function localDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** The calendar date `days` before `date` (both YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** A stretch of calendar days, both ends included (YYYY-MM-DD). */
export interface DateRange {
  from: string;
  to: string;
}

/** The days of a month (YYYY-MM), up to its real last day (28, 29, 30 or 31). */
export function monthRange(month: string): DateRange {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  // Day 0 of the next month is this month's last day.
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The days of a semester: from the first day of its first month to the last day of its last. */
export function semesterRange(semester: SchoolSemester): DateRange {
  const months = monthsOf(semester);
  return { from: monthRange(months[0] ?? '').from, to: monthRange(months.at(-1) ?? '').to };
}

/** Whole minutes as hours and the minutes left over, two digits wide (95 → 1 h 35, 5 → 0 h 05), for hours.duration. */
export function durationParts(minutes: number): { h: number; m: string } {
  return { h: Math.floor(minutes / 60), m: String(minutes % 60).padStart(2, '0') };
}
