import type { SchoolSemester } from '../../domain';
import { nationalReportResponseSchema, type NationalReportResponse } from '../protocol/reports';
import { keptNationalReportsKey as keyOf } from './forgetNationalReports';

export { forgetNationalReportsOf } from './forgetNationalReports';

/**
 * The state's report on a national coordinator's device (issue 11). It is computed by the server (a national device
 * holds no school's records to compute it from), fetched when online, and the last one fetched for each semester is
 * kept for reading offline.
 *
 * Where it is kept: in localStorage, per person (the key names the person's database, as their refusals and chosen
 * school do, and it is forgotten when their data leaves the device), as plain JSON — not sealed with the person's
 * data key like the records in their encrypted database. That is safe because it holds nothing learner-level: the
 * server sends published figures only (counts with small ones suppressed, sums of money, municipality names), and
 * a response that carries anything more fails the strict schema and is neither shown nor kept. Not a collection:
 * it is the server's answer, not a record anyone edits or replicates.
 */
export const semesterKey = (s: SchoolSemester) => `${s.schoolYear}-${s.semester}`;
/** Enough for the semesters the reports screen offers (the current one and five before it). */
const KEPT_SEMESTERS = 6;

type Kept = Record<string, NationalReportResponse>;

export function keptNationalReports(owner: string): Kept {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(keyOf(owner)) ?? '{}') as unknown;
    if (typeof raw !== 'object' || raw === null) return {};
    const kept: Kept = {};
    for (const [key, value] of Object.entries(raw)) {
      const parsed = nationalReportResponseSchema.safeParse(value);
      if (parsed.success) kept[key] = parsed.data;
    }
    return kept;
  } catch {
    return {};
  }
}

export function keepNationalReport(owner: string, report: NationalReportResponse): void {
  const kept = { ...keptNationalReports(owner), [semesterKey(report.semester)]: report };
  const newest = Object.entries(kept)
    .sort(([, a], [, b]) => b.generatedAt.localeCompare(a.generatedAt))
    .slice(0, KEPT_SEMESTERS);
  try {
    globalThis.localStorage?.setItem(keyOf(owner), JSON.stringify(Object.fromEntries(newest)));
  } catch {
    // Storage full: the report is still shown, only not kept.
  }
}
