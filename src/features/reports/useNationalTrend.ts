import { useEffect, useState } from 'react';
import type { SchoolSemester } from '../../domain';
import { fetchNationalReport, keptNationalReport, type NationalReportResponse } from '../../sync';
import { trendSemesters } from './trendSections';

export type NationalTrendState =
  | { status: 'loading'; reports: [] }
  /** The semesters before the chosen one that could be had, oldest first: from the server, or the kept copy. */
  | { status: 'ready'; reports: NationalReportResponse[] };

/**
 * The state's reports of the semesters before `semester` (the trend's other columns): each asked of the server,
 * the copy kept on this device when it cannot answer, and left out when there is neither. Asked again when the
 * chosen semester's report is (`asked` changes).
 */
export function useNationalTrend(semester: SchoolSemester, asked: unknown): NationalTrendState {
  const [state, setState] = useState<NationalTrendState>({ status: 'loading', reports: [] });
  const { schoolYear, semester: number } = semester;

  useEffect(() => {
    let current = true;
    const before = trendSemesters({ schoolYear, semester: number }).slice(0, -1);
    setState({ status: 'loading', reports: [] });
    void Promise.all(
      before.map((s) => fetchNationalReport(s).catch((): NationalReportResponse | null => keptNationalReport(s))),
    ).then((reports) => {
      if (current) setState({ status: 'ready', reports: reports.filter((r): r is NationalReportResponse => !!r) });
    });
    return () => {
      current = false;
    };
  }, [schoolYear, number, asked]);

  return state;
}
