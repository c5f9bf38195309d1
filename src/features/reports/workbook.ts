import { sheetName, XLSX_FORMAT, type SheetData, type WorkbookSheet } from '../ui';
import type { Cell, Section } from './sections';

type XlsxCell = SheetData[number][number];

export interface ReportWorkbookLabels {
  /** The learner sheet's name and its columns. */
  learners: string;
  section: string;
  figure: string;
  column: string;
  learner: string;
  /** "N more learners whose data you cannot see". */
  notShown: (count: number) => string;
}

export interface ReportWorkbookInput {
  /** The lines above every sheet's table: the school's or municipality's name first, then the semester. */
  heading: string[];
  sections: readonly Section[];
  /** The screen's rule: the learner's name, or null when this person may not read it. */
  learnerName: (id: string) => string | null;
  labels: ReportWorkbookLabels;
}

const bold = (value: string): XlsxCell => ({ value, fontWeight: 'bold' });

/** A figure as a number with its format: what the screen writes as `362,45 €` is 362.45 formatted as euros. */
function xlsxCell(cell: Cell): XlsxCell {
  switch (cell.kind) {
    case 'count':
      return { value: cell.figure.count, type: Number, format: XLSX_FORMAT.count };
    case 'money':
      return { value: cell.figure.cents / 100, type: Number, format: XLSX_FORMAT.euros };
    case 'share':
      return cell.share === null ? '–' : { value: cell.share, type: Number, format: XLSX_FORMAT.percent };
    case 'hours':
      return { value: cell.hours, type: Number, format: XLSX_FORMAT.hours };
    case 'text':
      return cell.text === '' ? null : cell.text;
  }
}

function sectionSheet(section: Section, heading: readonly string[], taken: Set<string>): WorkbookSheet {
  const data: SheetData = [
    ...heading.map((line, i) => [i === 0 ? bold(line) : line]),
    [],
    [bold(section.title)],
    [null, ...section.columns.map(bold)],
    ...section.rows.map((row) => [row.label, ...row.cells.map(xlsxCell)]),
    ...(section.note ? [[], [{ value: section.note, fontStyle: 'italic' as const }]] : []),
  ];
  return {
    sheet: sheetName(section.title, taken),
    data,
    columns: [{ width: 48 }, ...section.columns.map(() => ({ width: 16 }))],
  };
}

// Numeric: "Audzēknis2" before "Audzēknis10", as on the screen.
const latvianCollator = new Intl.Collator('lv', { numeric: true });

/**
 * The learners behind each count, one row a learner: only those this person may read, and only when there is at
 * least one, so a person who may read no learner gets no such sheet.
 */
function learnerSheet(input: ReportWorkbookInput, taken: Set<string>): WorkbookSheet | null {
  const { heading, sections, learnerName, labels } = input;
  const rows: SheetData = [];
  let readable = 0;
  for (const section of sections)
    for (const row of section.rows)
      row.cells.forEach((cell, c) => {
        if (cell.kind !== 'count' || cell.figure.idsOf !== 'learners' || cell.figure.count === 0) return;
        const names = cell.figure.ids.map(learnerName).filter((n): n is string => n !== null);
        const where = [section.title, row.label, section.columns[c] ?? ''];
        for (const name of names.sort(latvianCollator.compare)) rows.push([...where, name]);
        const hidden = cell.figure.count - names.length;
        if (hidden > 0) rows.push([...where, { value: labels.notShown(hidden), fontStyle: 'italic' }]);
        readable += names.length;
      });
  if (readable === 0) return null;
  return {
    sheet: sheetName(labels.learners, taken),
    data: [
      ...heading.map((line, i) => [i === 0 ? bold(line) : line]),
      [],
      [labels.section, labels.figure, labels.column, labels.learner].map(bold),
      ...rows,
    ],
    columns: [{ width: 36 }, { width: 36 }, { width: 16 }, { width: 32 }],
  };
}

/** The report as a workbook: one sheet a section, as on the screen, and the learner lists for those allowed. */
export function reportWorkbook(input: ReportWorkbookInput): WorkbookSheet[] {
  const taken = new Set<string>();
  const sheets = input.sections.map((section) => sectionSheet(section, input.heading, taken));
  const learners = learnerSheet(input, taken);
  return learners ? [...sheets, learners] : sheets;
}
