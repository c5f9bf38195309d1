export { StaffHoursPage } from './StaffHoursPage';
