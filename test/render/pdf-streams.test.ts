import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/render/pdf/pdf-document.ts';
import { quickerStreams } from '../../src/render/pdf/pdf-streams.ts';

const date = new Date(Date.UTC(2026, 0, 1));

/** Pages of shapes, text in a standard font, a link and raw bytes of content. */
function draw(doc: PDFKit.PDFDocument): void {
  for (let page = 1; page <= 3; page++) {
    doc.addPage({ size: 'A4' });
    doc.rect(40, 40, 200, 100 * page).fill('#0b5cab');
    doc.fillColor('#222222').fontSize(12).text(`Synthetic page ${page}: 867.5 kg`, 60, 200);
    doc.moveTo(40, 400).lineTo(500, 420).lineWidth(2).stroke('#888888');
    doc.link(60, 200, 120, 14, 'https://example.org/');
    doc.addContent(Buffer.from('0 0 m 10 10 l S'));
  }
}

function newDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  return new PDFDocument({ info: { CreationDate: date, ModDate: date }, ...options });
}

/** The file as pdfkit writes it, through its own stream as any reader gets it. */
function bytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return finishPdf(doc).then((file) => Buffer.from(file));
}

describe('quickerStreams', () => {
  it.each([
    ['compressed', { autoFirstPage: false, compress: true }],
    ['uncompressed', { autoFirstPage: false, compress: false }],
    ['with a first page made before it', { autoFirstPage: true }],
    ['with pages buffered and revisited', { autoFirstPage: false, bufferPages: true }],
  ] as const)('leaves the file byte for byte as pdfkit writes it, %s', async (_, options) => {
    const make = (quicker: boolean) => {
      const doc = newDocument(options);
      if (quicker) quickerStreams(doc);
      draw(doc);
      if (options.autoFirstPage !== true && 'bufferPages' in options) {
        doc.switchToPage(0);
        doc.text('Revisited', 100, 700);
      }
      return bytes(doc);
    };
    const [expected, actual] = await Promise.all([make(false), make(true)]);
    expect(expected.length).toBeGreaterThan(1000);
    expect(actual.equals(expected)).toBe(true);
  });
});
