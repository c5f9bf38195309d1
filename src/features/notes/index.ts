import './notes.css';
export { LearnerNotes } from './LearnerNotes';
