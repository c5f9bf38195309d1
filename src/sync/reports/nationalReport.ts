import type { SchoolSemester } from '../../domain';
import { AuthError, OfflineError } from '../auth/api';
import { signedFetch, useSession } from '../auth/session';
import { NATIONAL_REPORT_PATH, nationalReportResponseSchema, type NationalReportResponse } from '../protocol/reports';
import { keepNationalReport, keptNationalReports, semesterKey } from './keptNationalReports';

/**
 * The state's report on a national coordinator's device (issue 11): computed by the server (a national device holds
 * no school's records to compute it from), fetched when online; the last one fetched per semester is kept for reading
 * offline (keptNationalReports.ts says where and why it may be kept plainly).
 */

const ownerNow = () => {
  const session = useSession.getState();
  return session.status === 'unlocked' ? session.account.databaseName : null;
};

/** The copy kept on this device for this person and semester, if any. */
export function keptNationalReport(semester: SchoolSemester): NationalReportResponse | null {
  const owner = ownerNow();
  return owner ? (keptNationalReports(owner)[semesterKey(semester)] ?? null) : null;
}

/** What the server said (kept for reading offline), or why it could not be asked: OfflineError, AuthError. */
export async function fetchNationalReport(semester: SchoolSemester): Promise<NationalReportResponse> {
  const doFetch = signedFetch();
  if (!doFetch) throw new AuthError('signed_out', 401);
  const url = `${NATIONAL_REPORT_PATH}?schoolYear=${encodeURIComponent(semester.schoolYear)}&semester=${semester.semester}`;
  let response: Response;
  try {
    response = await doFetch(url, { cache: 'no-store' });
  } catch (error) {
    if (error instanceof AuthError) throw error;
    throw new OfflineError('offline');
  }
  if ([502, 503, 504].includes(response.status)) throw new OfflineError('offline');
  const payload = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) throw new AuthError((payload as { error?: string }).error ?? 'server_error', response.status);
  const parsed = nationalReportResponseSchema.safeParse(payload);
  if (!parsed.success) throw new AuthError('invalid_response', response.status);
  // Kept for the person who asked, unless they locked the device meanwhile.
  const owner = ownerNow();
  if (owner) keepNationalReport(owner, parsed.data);
  return parsed.data;
}
