import { useCallback, useEffect, useState } from 'react';
import type { SchoolSemester } from '../../domain';
import {
  AuthError,
  fetchNationalReport,
  keptNationalReport,
  OfflineError,
  type NationalReportResponse,
} from '../../sync';

export type NationalReportState =
  | { status: 'loading'; report: null }
  /** The server's answer of just now. */
  | { status: 'fresh'; report: NationalReportResponse }
  /** The copy kept on this device: while asking (`asking`), or because the server could not be reached or refused. */
  | { status: 'kept'; report: NationalReportResponse; reason: 'asking' | 'offline' | string }
  /** Offline, and nothing kept for this semester. */
  | { status: 'offline'; report: null }
  | { status: 'error'; report: null; code: string };

/**
 * The state's report for a semester: the kept copy at once (if any), then the server's when it answers; asked again
 * when the network returns, or on `refresh`.
 */
export function useNationalReport(semester: SchoolSemester): NationalReportState & { refresh: () => void } {
  const [state, setState] = useState<NationalReportState>({ status: 'loading', report: null });
  const [attempt, setAttempt] = useState(0);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  const { schoolYear, semester: number } = semester;

  useEffect(() => {
    let current = true;
    const wanted = { schoolYear, semester: number };
    const kept = keptNationalReport(wanted);
    setState(kept ? { status: 'kept', report: kept, reason: 'asking' } : { status: 'loading', report: null });
    fetchNationalReport(wanted).then(
      (report) => {
        if (current) setState({ status: 'fresh', report });
      },
      (error: unknown) => {
        if (!current) return;
        const code = error instanceof OfflineError ? 'offline' : error instanceof AuthError ? error.code : 'unknown';
        if (kept) setState({ status: 'kept', report: kept, reason: code });
        else
          setState(code === 'offline' ? { status: 'offline', report: null } : { status: 'error', report: null, code });
      },
    );
    return () => {
      current = false;
    };
  }, [schoolYear, number, attempt]);

  useEffect(() => {
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [refresh]);

  return { ...state, refresh };
}
