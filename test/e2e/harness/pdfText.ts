import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One printed page: its size in PostScript points (A4 is 595 × 842) and its text, a line per line of the page. */
export interface PdfPage {
  width: number;
  height: number;
  text: string;
  /** Where the page's text reaches furthest right, in points from its left edge: beyond `width`, it is cut off. */
  rightmost: number;
}

/** A4 in points: 210 × 297 mm at 72 points to the inch. */
export const A4_POINTS = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

/**
 * The text of a PDF as a reader's copy-and-paste would give it, page by page (pdf.js, its legacy build for Node:
 * in Node it parses on the calling thread, so no worker is set up). Runs of text on one line are joined as the page
 * sets them; a line ends where pdf.js sees one end.
 */
export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  // pdf.js takes ownership of the buffer it is given: a copy, so the caller's bytes stay readable.
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false })
    .promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      let text = '';
      let rightmost = 0;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
        // transform[4] is the run's x on the page (unrotated: Chromium prints upright text).
        if (item.str.trim()) rightmost = Math.max(rightmost, (item.transform[4] as number) + item.width);
      }
      pages.push({ width, height, text, rightmost });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** Every page's text as one, pages apart by a blank line; white space as on a page (no-break spaces are spaces). */
export function pdfText(pages: readonly PdfPage[]): string {
  return pages.map((p) => p.text.replace(/[\u00a0\u202f]/g, ' ')).join('\n\n');
}
