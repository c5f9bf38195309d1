import './compensations.css';
export { LearnerCompensations } from './LearnerCompensations';
