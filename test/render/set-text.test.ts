import { describe, expect, it } from 'vitest';
import { type FontFace, loadFontSet } from '../../src/layout/fonts.ts';
import { segmentByFace, textWidth } from '../../src/layout/measure.ts';
import { createPdf, finishPdf, useFace } from '../../src/render/pdf/pdf-document.ts';
import { setText } from '../../src/render/pdf/set-text.ts';
import { pdfTextRuns } from '../helpers/pdf-text.ts';

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

  it.each(['regular', 'bold'] as const)(
    'sets %s text after a character no face has where layout measured it',
    async (style) => {
      // An emoji, a math letter (both beyond U+FFFF) and Thai: each drawn as the missing box.
      const text = 'emoji 🚀 and ✓ check 𝑥 and ก done';
      const doc = createPdf(meta, { tagged: false });
      doc.addPage({ size: 'A4' });
      let cursor = 40;
      for (const segment of segmentByFace(text, fonts.styles[style])) {
        setText(doc, segment.face, 24, segment.text, cursor, 100);
        cursor += textWidth(segment.text, fonts, style, 24, 0);
      }
      const runs = await pdfTextRuns(await finishPdf(doc), 1);
      expect(runs.map((r) => r.text.trim())).toContain('✓');
      // Each run ends where the next begins, and the line ends where layout said it would.
      const ends = runs.map((r) => r.x + r.width);
      for (const [i, run] of runs.slice(1).entries()) expect(ends[i]).toBeCloseTo(run.x, 2);
      expect(ends.at(-1)).toBeCloseTo(cursor, 2);
    },
  );
});
