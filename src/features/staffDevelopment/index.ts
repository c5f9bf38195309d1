export { StaffDevelopmentPage } from './StaffDevelopmentPage';
export { StaffEventEditPage } from './StaffEventEditPage';
export { OwnDevelopmentHours } from './OwnDevelopmentHours';
