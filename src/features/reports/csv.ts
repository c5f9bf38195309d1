import { cellText, type Section } from './sections';
import type { Formats } from './format';

/** One table after another, as on the screen: the section's title, its header, its rows, a blank line between. */
export function csvRows(heading: string[], sections: readonly Section[], fmt: Formats): string[][] {
  const rows: string[][] = heading.map((line) => [line]);
  for (const section of sections) {
    rows.push([], [section.title], ['', ...section.columns]);
    for (const row of section.rows) rows.push([row.label, ...row.cells.map((c) => cellText(c, fmt))]);
  }
  return rows;
}

/** The report as CSV text: `;`-separated (a Latvian spreadsheet reads `,` as the decimal sign), BOM for Excel. */
export async function reportCsv(heading: string[], sections: readonly Section[], fmt: Formats): Promise<string> {
  // Loaded when asked for: the parser stays out of the screen's first load.
  const { default: Papa } = await import('papaparse');
  // A label starting with = + - @ must stay text in a spreadsheet, not become a formula.
  return `\uFEFF${Papa.unparse(csvRows(heading, sections, fmt), { delimiter: ';', escapeFormulae: true })}\r\n`;
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  // Revoked only after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
