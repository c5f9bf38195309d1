export { StaffHoursPage } from './StaffHoursPage';
export { TimesheetPage } from './TimesheetPage';
export { IndirectWorkPage } from './IndirectWorkPage';
