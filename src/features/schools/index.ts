export { SchoolPicker } from './SchoolPicker';
export { useSelectedSchool } from './selectedSchool';
