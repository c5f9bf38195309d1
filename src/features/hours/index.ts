export { StaffHoursPage } from './StaffHoursPage';
export { TimesheetPage } from './TimesheetPage';
