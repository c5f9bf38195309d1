export { ReportsPage, useReadsReports } from './ReportsPage';
