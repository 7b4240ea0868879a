import { describe, expect, it } from 'vitest';
import { layoutText } from '../../src/layout/fit-text.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { drawFrames } from '../../src/render/pdf/draw-frames.ts';
import { createPdf, finishPdf } from '../../src/render/pdf/pdf-document.ts';
import { pdfTextRuns } from '../helpers/pdf-text.ts';

const fonts = loadFontSet('carlito');
const meta = { title: 't', author: 'a', lang: 'zh-CN', date: new Date(Date.UTC(2026, 0, 1)) };

/** One text frame drawn at 10 pt on a page of its own, read back as pdf.js sees it. */
async function drawn(text: string, width: number) {
  const request = {
    name: 'body',
    box: { x: 0, y: 0, w: width, h: 200 },
    paragraphs: [{ runs: [{ text }], bullet: null }],
    maxSize: 10,
    minSize: 10,
    color: '000000',
  };
  const frame = layoutText(request, fonts, 10);
  const doc = createPdf(meta, { tagged: false });
  doc.addPage({ size: 'A4' });
  drawFrames(doc, [frame], fonts, null);
  return { frame, runs: await pdfTextRuns(await finishPdf(doc), 1) };
}

describe('drawing Chinese text with punctuation Carlito also has', () => {
  it('sets quotes and the ellipsis full width, in one run with the Chinese around them', async () => {
    const { runs } = await drawn('空间站“天宫”…实验', 500);
    expect(runs.map((r) => r.text)).toEqual(['空间站“天宫”…实验']);
    expect(runs[0]?.width).toBeCloseTo(100);
  });

  it('sets dashes that start a line in the face of the text on the line before', async () => {
    const { frame, runs } = await drawn('天宫空间站实验——ISS', 80);
    const line = frame.paragraphs[0]?.lines[1];
    expect(line?.pieces[0]?.text).toBe('——ISS');
    const dashes = runs.find((r) => r.text === '——');
    const iss = runs.find((r) => r.text === 'ISS');
    // Noto's em dash is 0.894 em; Carlito's, 0.905 em, would be set in a run with "ISS".
    expect(dashes?.width).toBeCloseTo(2 * 8.94);
    expect(iss?.x).toBeCloseTo((dashes?.x ?? 0) + (dashes?.width ?? 0));
  });
});
