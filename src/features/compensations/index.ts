export { LearnerCompensations } from './LearnerCompensations';
