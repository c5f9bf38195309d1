export { ProgrammeProfilesPage } from './ProgrammeProfilesPage';
export { ProfileEditPage } from './ProfileEditPage';
