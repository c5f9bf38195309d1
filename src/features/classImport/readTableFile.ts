import type { ImportCell } from '../../domain';

export type ReadProblem = 'tooLarge' | 'oldExcel' | 'unknownType' | 'unreadable';
export type ReadResult = { ok: true; table: ImportCell[][] } | { ok: false; problem: ReadProblem };

/** A class list is a few kilobytes; a whole school's a few hundred. Anything far larger is the wrong file. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Latvian Excel saves CSV in Windows-1257 unless told otherwise; text that is not valid UTF-8 is read that way,
 * so "Bērziņa" does not arrive as "B?rzi?a".
 */
export function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1257').decode(bytes);
  }
}

function kindOf(file: File): 'csv' | 'xlsx' | 'xls' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || name.endsWith('.txt') || file.type === 'text/csv') return 'csv';
  if (name.endsWith('.xlsx') || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    return 'xlsx';
  if (name.endsWith('.xls') || file.type === 'application/vnd.ms-excel') return 'xls';
  return null;
}

/** Reads the first sheet of an .xlsx or a CSV (comma, semicolon or tab) into rows of cells. Parsers load on demand. */
export async function readTableFile(file: File): Promise<ReadResult> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, problem: 'tooLarge' };
  const kind = kindOf(file);
  if (kind === 'xls') return { ok: false, problem: 'oldExcel' };
  if (!kind) return { ok: false, problem: 'unknownType' };
  try {
    const bytes = await file.arrayBuffer();
    if (kind === 'xlsx') {
      const { readSheet } = await import('read-excel-file/universal');
      // The library's types say `typeof Date` for date cells; it returns Date objects.
      return { ok: true, table: (await readSheet(bytes)) as unknown as ImportCell[][] };
    }
    const { default: Papa } = await import('papaparse');
    // Blank lines are kept (and skipped later) so row numbers in the preview are the spreadsheet's own.
    const parsed = Papa.parse<string[]>(decodeText(bytes).replace(/\r?\n$/, ''), { skipEmptyLines: false });
    // A stray quote or ragged row is reported by Papa but the rows are still usable; each row is checked later.
    return { ok: true, table: parsed.data };
  } catch {
    // A damaged file, or (offline before the app was ever cached) a parser that cannot load: either way unreadable.
    return { ok: false, problem: 'unreadable' };
  }
}
