import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** All text of a PDF, page by page, as pdf.js extracts it. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages;
}

/** One text run of a page as pdf.js reads it: where it starts and how wide the PDF sets it. */
export interface PdfTextRun {
  text: string;
  x: number;
  width: number;
}

/** The text runs of one page (1-based), in content order, without pdf.js's empty markers. */
export async function pdfTextRuns(bytes: Uint8Array, pageNumber: number): Promise<PdfTextRun[]> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const content = await (await doc.getPage(pageNumber)).getTextContent();
  await doc.destroy();
  return content.items.flatMap((item) =>
    'str' in item && item.str
      ? [{ text: item.str, x: item.transform[4] as number, width: item.width }]
      : [],
  );
}
