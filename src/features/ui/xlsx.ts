import type { SheetData } from 'write-excel-file/universal';

export type { SheetData };

/**
 * Excel number formats. A format code is the same in every language's Excel (`,` groups thousands, `.` is the
 * decimal point); the spreadsheet shows it with the reader's own separators, so a Latvian Excel shows `362,45 €`.
 */
export const XLSX_FORMAT = {
  euros: '#,##0.00 "€"',
  percent: '0%',
  count: '0',
  hours: '0.0',
  /** Payroll's hours, to the hundredth as the CSV gives them. */
  hoursPaid: '0.00',
} as const;

export interface WorkbookSheet {
  /** At most 31 characters, none of []/\:*? (see `sheetName`). */
  sheet: string;
  data: SheetData;
  columns?: { width: number }[];
}

const ILLEGAL_IN_SHEET_NAME = /[[\]/\\:*?]+/g;

/**
 * A sheet's name from a title: Excel refuses names over 31 characters or with []/\:*?, and two sheets of one name.
 * A long title is cut at a word and marked with an ellipsis.
 */
export function sheetName(title: string, taken: Set<string>): string {
  let name = title.replace(ILLEGAL_IN_SHEET_NAME, ' ').replace(/\s+/g, ' ').trim() || '-';
  if (name.length > 31) {
    const cut = name.slice(0, 30);
    const space = cut.lastIndexOf(' ');
    name = `${(space > 15 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  let unique = name;
  for (let n = 2; taken.has(unique.toLowerCase()); n += 1) unique = `${name.slice(0, 31 - ` ${n}`.length)} ${n}`;
  taken.add(unique.toLowerCase());
  return unique;
}

/**
 * The workbook as an .xlsx file. The writer is loaded when someone exports, so it stays out of the first load; its
 * universal build is the same in the browser and in Node, so a test reads back exactly what a person downloads.
 */
export async function xlsxBlob(sheets: WorkbookSheet[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  return writeXlsxFile(sheets).toBlob();
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  // Revoked only after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
