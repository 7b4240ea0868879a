import PDFDocument from 'pdfkit';
import type { FontSet } from '../../layout/fonts.ts';

export interface PdfMeta {
  title: string;
  author: string;
  lang: string;
  subject?: string;
  /** Embedded as creation and modification date: fixed input, fixed bytes. */
  date: Date;
}

export interface PdfOptions {
  tagged: boolean;
}

/** A pdfkit document with the theme's fonts registered, fixed dates, and no standard-14 font. */
export function createPdf(fonts: FontSet, meta: PdfMeta, options: PdfOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    tagged: options.tagged,
    displayTitle: true,
    lang: meta.lang,
    font: null, // no default Helvetica: every text run names an embedded face
    info: {
      Title: meta.title,
      Author: meta.author,
      ...(meta.subject ? { Subject: meta.subject } : {}),
      Creator: 'briefkit',
      Producer: 'briefkit',
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  for (const faces of Object.values(fonts.styles)) {
    for (const face of faces) doc.registerFont(face.id, face.data);
  }
  return doc;
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}
