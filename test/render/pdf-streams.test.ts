import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { finishPdf, quickerStreams } from '../../src/render/pdf/pdf-streams.ts';

const date = new Date(Date.UTC(2026, 0, 1));

/** A few pages of shapes, text in a standard font and a link: what pdfkit writes as pieces. */
function draw(doc: PDFKit.PDFDocument): void {
  for (let page = 1; page <= 3; page++) {
    doc.addPage({ size: 'A4' });
    doc.rect(40, 40, 200, 100 * page).fill('#0b5cab');
    doc.fillColor('#222222').fontSize(12).text(`Synthetic page ${page}: 867.5 kg`, 60, 200);
    doc.moveTo(40, 400).lineTo(500, 420).lineWidth(2).stroke('#888888');
    doc.link(60, 200, 120, 14, 'https://example.org/');
  }
}

function newDocument(): PDFKit.PDFDocument {
  return new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { CreationDate: date, ModDate: date },
  });
}

/** The file as pdfkit writes it through its own stream. */
function plainBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

describe('quickerStreams', () => {
  it('leaves the file byte for byte as pdfkit writes it', async () => {
    const plain = newDocument();
    draw(plain);
    const quicker = newDocument();
    quickerStreams(quicker);
    draw(quicker);
    const [expected, actual] = await Promise.all([plainBytes(plain), finishPdf(quicker)]);
    expect(expected.length).toBeGreaterThan(1000);
    expect(Buffer.from(actual).equals(expected)).toBe(true);
  });
});
