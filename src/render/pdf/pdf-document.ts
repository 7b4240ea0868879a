import PDFDocument from 'pdfkit';
import type { FontFace } from '../../layout/fonts.ts';

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

/** A pdfkit document with fixed dates and no standard-14 font; faces register on first use. */
export function createPdf(meta: PdfMeta, options: PdfOptions): PDFKit.PDFDocument {
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
  return doc;
}

const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/** Selects a face, registering it on first use: unused fallback faces are never read. */
export function useFace(doc: PDFKit.PDFDocument, face: FontFace): PDFKit.PDFDocument {
  let ids = registered.get(doc);
  if (!ids) {
    ids = new Set();
    registered.set(doc, ids);
  }
  if (!ids.has(face.id)) {
    doc.registerFont(face.id, face.data);
    ids.add(face.id);
  }
  return doc.font(face.id);
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
