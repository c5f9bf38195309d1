export { RefusalNotice } from './RefusalNotice';
export { RefusalList } from './RefusalList';
export { refusalText } from './refusalText';
export { ConflictNotes, valueInWords } from './ConflictNotes';
