export { PlanPage } from './PlanPage';
export { LearnerPlans } from './LearnerPlans';
