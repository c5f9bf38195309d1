export { YouthProjectsPage } from './YouthProjectsPage';
export { CompetitionEditPage } from './CompetitionEditPage';
export { CompetitionPage } from './CompetitionPage';
export { ApplicationEditPage } from './ApplicationEditPage';
export { ApplicationPage } from './ApplicationPage';
