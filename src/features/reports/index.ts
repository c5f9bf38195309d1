import { retryableLazy } from '../ui';

export { useReadsReports } from './useReadsReports';

/** In a chunk of its own: the shell imports this feature for the nav's rule, and the report waits (issue 13.11). */
export const ReportsPage = retryableLazy(async () => (await import('./ReportsPage')).ReportsPage);
