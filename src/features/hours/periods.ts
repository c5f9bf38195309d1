import { monthRange, monthsOf, previousSemester, semesterOf, semesterRange, type SchoolSemester } from '../../domain';

/** A period hours are counted over: a month or a whole semester, as inclusive dates. */
export interface HoursPeriod {
  value: string;
  kind: 'month' | 'semester';
  month?: string;
  semester: SchoolSemester;
  from: string;
  to: string;
}

/** This semester and the one before, each as a whole and month by month, up to the current month. */
export function hoursPeriods(today: string): HoursPeriod[] {
  const current = semesterOf(today);
  return [current, previousSemester(current)].flatMap((semester) => {
    const months = monthsOf(semester).filter((m) => m <= today.slice(0, 7));
    return [
      {
        value: `${semester.schoolYear}-${semester.semester}`,
        kind: 'semester' as const,
        semester,
        ...semesterRange(semester),
      },
      ...months
        .reverse()
        .map((month) => ({ value: month, kind: 'month' as const, month, semester, ...monthRange(month) })),
    ];
  });
}
