import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SceneDrawing } from '../../src/charts/scene-drawing.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { textWidth } from '../../src/layout/measure.ts';
import { drawChartScene } from '../../src/render/pdf/draw-chart.ts';
import { createPdf, finishPdf } from '../../src/render/pdf/pdf-document.ts';
import { pdfTextRuns } from '../helpers/pdf-text.ts';

const fonts = loadFontSet('carlito');
const meta = { title: 't', author: 'a', lang: 'en', date: new Date(Date.UTC(2026, 0, 1)) };
const black = { color: '#000000', opacity: 1 };

async function drawn(drawing: SceneDrawing, box = { x: 0, y: 0, w: 400, h: 200 }) {
  const doc = createPdf(meta, { tagged: false });
  doc.addPage({ size: 'A4' });
  drawChartScene(doc, drawing, box, fonts);
  return finishPdf(doc);
}

/** The page's content operators, inflated. */
function content(pdf: Uint8Array): string {
  const text = Buffer.from(pdf).toString('latin1');
  const streams = [...text.matchAll(/stream\n([\s\S]*?)\nendstream/g)];
  return streams
    .map(([, body]) => {
      try {
        return inflateSync(Buffer.from(body as string, 'latin1')).toString('latin1');
      } catch {
        return '';
      }
    })
    .filter((s) => s.includes(' re') || s.includes(' Tf'))
    .join('\n');
}

describe('drawChartScene', () => {
  it('sets each run of a label in the face that has its characters, centred as a whole', async () => {
    const text = 'Mass 质量 (kg)';
    const drawing: SceneDrawing = {
      width: 400,
      height: 200,
      ops: [
        {
          op: 'text',
          text,
          x: 200,
          y: 100,
          size: 10,
          bold: false,
          italic: false,
          align: 'center',
          paint: black,
        },
      ],
    };
    const runs = await pdfTextRuns(await drawn(drawing), 1);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.length).toBeGreaterThan(1);
    // Centred by the width the text is set at: no office script gaps (measure.ts).
    const width = textWidth(text, fonts, 'regular', 10, 0);
    expect(runs[0]?.x).toBeCloseTo(200 - width / 2, 1);
    const last = runs.at(-1);
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(200 + width / 2, 1);
  });

  it('fits the drawing in its box, centred, at the scale that keeps its shape', async () => {
    const drawing: SceneDrawing = {
      width: 100,
      height: 100,
      ops: [{ op: 'fill', path: ['R', 0, 0, 100, 100], paint: black }],
    };
    const ops = content(await drawn(drawing, { x: 10, y: 20, w: 400, h: 200 }));
    // 200 / 100: scaled by 2, and (400 - 200) / 2 in from the box's left edge.
    expect(ops).toContain('2 0 0 2 110 20 cm');
    expect(ops).toContain('0 0 100 100 re');
  });

  it('writes dotted dashes, which start with zero-length dashes, as PDF has them', async () => {
    const drawing: SceneDrawing = {
      width: 10,
      height: 10,
      ops: [
        {
          op: 'stroke',
          path: ['M', 0, 5, 'L', 10, 5],
          paint: { color: '#336699', opacity: 0.5 },
          style: {
            width: 1,
            cap: 'round',
            join: 'miter',
            miterLimit: 4,
            dash: [0, 3],
            dashOffset: 1,
          },
        },
      ],
    };
    const ops = content(await drawn(drawing));
    // Line style and colour come first: PDF allows neither inside a path.
    expect(ops).toMatch(/\n1 w\n1 J\n0 j\n4 M\n\[0 3\] 1 d\n[^m]*\/Gs\d+ gs\n0 5 m\n10 5 l\nS\n/);
  });

  it('outlines text drawn with a stroke, in its colour and its own line style', async () => {
    const drawing: SceneDrawing = {
      width: 100,
      height: 100,
      ops: [
        {
          op: 'text',
          text: 'Halo',
          x: 0,
          y: 50,
          size: 10,
          bold: false,
          italic: false,
          align: 'left',
          paint: { color: '#ff0000', opacity: 1 },
          outline: { width: 2, cap: 'butt', join: 'miter', miterLimit: 4, dash: [], dashOffset: 0 },
        },
      ],
    };
    const ops = content(await drawn(drawing));
    // Solid, whatever the stroke before it was: the style is written for the text itself.
    expect(ops).toMatch(
      /\n2 w\n0 J\n0 j\n4 M\n\[\] 0 d\n[^q]*1 0 0 SCN\n\/Gs\d+ gs\nq\n.*\nBT\n1 Tr\n/,
    );
  });

  it('draws nothing for a drawing of no size', async () => {
    const empty = await drawn({
      width: 0,
      height: 10,
      ops: [{ op: 'fill', path: ['R', 0, 0, 1, 1], paint: black }],
    });
    expect(content(empty)).not.toContain(' re');
  });
});
