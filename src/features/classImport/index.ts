export { ClassImportPage } from './ClassImportPage';
