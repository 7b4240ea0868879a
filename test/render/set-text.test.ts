import { describe, expect, it } from 'vitest';
import { type FontFace, loadFontSet } from '../../src/layout/fonts.ts';
import { createPdf, finishPdf, useFace } from '../../src/render/pdf/pdf-document.ts';
import { setText } from '../../src/render/pdf/set-text.ts';

const fonts = loadFontSet('carlito');
const latin = fonts.styles.regular[0] as FontFace;
const bold = fonts.styles.bold[0] as FontFace;
const cjk = fonts.styles.regular.at(-1) as FontFace;
const meta = { title: 't', author: 'a', lang: 'en', date: new Date(Date.UTC(2026, 0, 1)) };

const runs: [FontFace, number, string, number, number][] = [
  [latin, 11, 'Tiangong: 86 experiments', 40.25, 60.5],
  [bold, 24.5, 'Science in orbit', 40, 120.123456789],
  [cjk, 10, '中国空间站 2025', 300.5, 400],
  [latin, 9, 'Tiangong again', 12, 800],
];

async function page(set: (doc: PDFKit.PDFDocument, run: (typeof runs)[number]) => void) {
  const doc = createPdf(meta, { tagged: false });
  doc.addPage({ size: 'A4' });
  for (const run of runs) set(doc, run);
  return Buffer.from(await finishPdf(doc));
}

describe('setText', () => {
  it("writes the same bytes as pdfkit's text() on an alphabetic baseline", async () => {
    const viaPdfkit = await page((doc, [face, size, text, x, y]) => {
      useFace(doc, face).fontSize(size);
      doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic' });
    });
    const direct = await page((doc, [face, size, text, x, y]) =>
      setText(doc, face, size, text, x, y),
    );
    expect(direct.equals(viaPdfkit)).toBe(true);
  });
});
