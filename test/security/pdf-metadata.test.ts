/**
 * The report title, author and subject come from the data, and pdfkit copies them into the
 * PDF's XMP metadata packet: they must stay text there, never markup.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createPdf, finishPdf } from '../../src/render/pdf/pdf-document.ts';

const hostile = 'A & B </rdf:li></rdf:Alt></dc:title><pdfaid:part>1</pdfaid:part> "x" ]]>';

async function xmpPacket(meta: { title: string; author: string; subject: string }) {
  const doc = createPdf({ ...meta, lang: 'en', date: new Date(0) }, { tagged: true });
  doc.addPage();
  const pdf = Buffer.from(await finishPdf(doc)).toString('utf8');
  const start = pdf.indexOf('<x:xmpmeta');
  const end = pdf.indexOf('</x:xmpmeta>') + '</x:xmpmeta>'.length;
  return pdf.slice(start, end);
}

describe('PDF metadata from the data', () => {
  it('is escaped in the XMP packet, which stays well-formed and reads back as the text', async () => {
    const xmp = await xmpPacket({ title: hostile, author: hostile, subject: hostile });
    expect(XMLValidator.validate(xmp)).toBe(true);
    expect(xmp).not.toContain('<pdfaid:part>');
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(xmp);
    const dc = parsed['x:xmpmeta']['rdf:RDF']['rdf:Description'].find(
      (d: Record<string, unknown>) => 'dc:title' in d,
    );
    expect(dc['dc:title']['rdf:Alt']['rdf:li']['#text']).toBe(hostile);
    expect(dc['dc:creator']['rdf:Seq']['rdf:li']).toBe(hostile);
  });

  it('keeps the plain text in the Info dictionary', async () => {
    const doc = createPdf(
      { title: hostile, author: 'a', lang: 'en', date: new Date(0) },
      { tagged: false },
    );
    doc.addPage();
    await finishPdf(doc);
    expect((doc as unknown as { info: { Title: string } }).info.Title).toBe(hostile);
  });
});
