import { STORAGE_KEYS } from '../../db';

/** Where a person's kept national reports are (keptNationalReports.ts); apart, so the session needs no schema. */
export const keptNationalReportsKey = (owner: string) => `${STORAGE_KEYS.nationalReportPrefix}${owner}`;

/** The kept reports of a person leave with their data (wipe, rebuild after their reach changed). */
export function forgetNationalReportsOf(owner: string): void {
  globalThis.localStorage?.removeItem(keptNationalReportsKey(owner));
}
