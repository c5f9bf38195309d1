// UI parts shared by features (a feature imports them from here like any other feature's index).
export { ReadProblem, readFailed } from './ReadProblem';
export { XLSX_FORMAT, downloadBlob, sheetName, xlsxBlob, type SheetData, type WorkbookSheet } from './xlsx';
export { intlLocale, longDateAfterPreposition, monthInWords } from './dates';
export {
  ChunkBoundary,
  ChunkFailure,
  ChunkLoadError,
  forgetFailedChunks,
  isChunkLoadError,
  retryableLazy,
} from './chunks';
export { screen, suspended, type FeaturePlace, type FeatureScreen, type NavEntry } from './places';
