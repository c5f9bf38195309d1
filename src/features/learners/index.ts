export { LearnerListPage } from './LearnerListPage';
export { LearnerEditPage } from './LearnerEditPage';
