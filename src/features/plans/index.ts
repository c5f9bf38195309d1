export { PlanPage } from './PlanPage';
export { PlansListPage } from './PlansListPage';
export { LearnerPlans } from './LearnerPlans';
export { formatEuros, parseEuros } from './money';
