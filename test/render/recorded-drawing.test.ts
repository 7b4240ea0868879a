import SVGtoPDF from 'svg-to-pdfkit';
import { describe, expect, it } from 'vitest';
import { type FontFace, loadFontSet } from '../../src/layout/fonts.ts';
import { createPdf, finishPdf, useFace } from '../../src/render/pdf/pdf-document.ts';
import { drawRecorded } from '../../src/render/pdf/recorded-drawing.ts';

const fonts = loadFontSet('carlito');
const [latin, , , , , , cjk] = fonts.styles.regular as FontFace[];
const meta = { title: 't', author: 'a', lang: 'en', date: new Date(Date.UTC(2026, 0, 1)) };

// Synthetic SVG: text in two faces, translucent fills, a path and a rotated label.
const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
  <rect x="0" y="0" width="200" height="100" fill="#eeeeee"/>
  <path d="M10,90L60,20L110,60Z" fill="#336699" fill-opacity="0.6" stroke="#000" stroke-opacity="0.3"/>
  <text x="10" y="15" font-family="latin" font-size="9">Samples: 12 kg</text>
  <text x="120" y="40" font-family="cjk" font-size="9" transform="rotate(-30 120 40)">科学实验</text>
</svg>`;
const gradient = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/><stop offset="1" stop-color="#00f"/></linearGradient></defs>
  <rect width="100" height="50" fill="url(#g)"/><text x="5" y="20" font-family="latin">Hi</text>
</svg>`;

/** A page with text before and after the drawing, so resource order matters. */
async function page(scope: object, svg: string, draws: { count: number }): Promise<Buffer> {
  const doc = createPdf(meta, { tagged: false });
  doc.addPage({ size: [300, 200] });
  useFace(doc, latin as FontFace)
    .fontSize(10)
    .text('Before: Tiangong', 10, 10, { lineBreak: false });
  drawRecorded(doc, scope, `20 30 ${svg}`, (selectFace) => {
    draws.count++;
    SVGtoPDF(doc, svg, 20, 30, {
      assumePt: true,
      fontCallback: (family) => {
        const face = (family === 'cjk' ? cjk : latin) as FontFace;
        selectFace(face);
        return face.id;
      },
    });
  });
  doc.fillColor('#000000').text('After: 空间站', 10, 180, { lineBreak: false });
  return Buffer.from(await finishPdf(doc));
}

describe('recorded drawings', () => {
  it('replays a drawing as the same bytes as drawing it live', async () => {
    const scope = {};
    const draws = { count: 0 };
    const live = await page(scope, chart, draws);
    const replayed = await page(scope, chart, draws);
    expect(draws.count).toBe(1);
    expect(replayed.equals(live)).toBe(true);
    // A fresh scope draws live again: the same bytes once more.
    expect((await page({}, chart, draws)).equals(live)).toBe(true);
    expect(draws.count).toBe(2);
  });

  it('draws live each time what replay cannot redo (here a gradient)', async () => {
    const scope = {};
    const draws = { count: 0 };
    const first = await page(scope, gradient, draws);
    const second = await page(scope, gradient, draws);
    expect(draws.count).toBe(2);
    expect(second.equals(first)).toBe(true);
  });
});
