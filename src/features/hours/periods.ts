import { monthsOf, previousSemester, semesterOf, type SchoolSemester } from '../../domain';

/** A period hours are counted over: a month or a whole semester, as inclusive dates. */
export interface HoursPeriod {
  value: string;
  kind: 'month' | 'semester';
  month?: string;
  semester: SchoolSemester;
  from: string;
  to: string;
}

const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y ?? 0, m ?? 1, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** This semester and the one before, each as a whole and month by month, up to the current month. */
export function hoursPeriods(today: string): HoursPeriod[] {
  const current = semesterOf(today);
  return [current, previousSemester(current)].flatMap((semester) => {
    const months = monthsOf(semester).filter((m) => m <= today.slice(0, 7));
    const first = monthsOf(semester)[0] ?? today.slice(0, 7);
    const last = monthsOf(semester).at(-1) ?? first;
    return [
      {
        value: `${semester.schoolYear}-${semester.semester}`,
        kind: 'semester' as const,
        semester,
        from: `${first}-01`,
        to: lastDay(last),
      },
      ...months.reverse().map((month) => ({
        value: month,
        kind: 'month' as const,
        month,
        semester,
        from: `${month}-01`,
        to: lastDay(month),
      })),
    ];
  });
}
