export { LearnerNotes } from './LearnerNotes';
