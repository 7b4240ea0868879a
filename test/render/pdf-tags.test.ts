import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/layout/fonts.ts';
import type { Frame } from '../../src/layout/frames.ts';
import { layoutTable } from '../../src/layout/table.ts';
import { drawFrames } from '../../src/render/pdf/draw-frames.ts';
import { createPdf, finishPdf } from '../../src/render/pdf/pdf-document.ts';
import {
  attributes,
  numbers,
  type RawStructElement,
  structElements,
} from '../helpers/pdf-struct.ts';

const fonts = loadFontSet('carlito');
const meta = { title: 't', author: 'a', lang: 'en-US', date: new Date(Date.UTC(2026, 0, 1)) };
const A4 = { width: 595.28, height: 841.89 };

/** Frames drawn on a tagged A4 page, under `transform` (as the handout draws slides). */
async function tagged(frames: Frame[], transform = (_doc: PDFKit.PDFDocument) => {}) {
  const doc = createPdf(meta, { tagged: true });
  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.addPage({ size: [A4.width, A4.height], margin: 0 });
  doc.save();
  transform(doc);
  drawFrames(doc, frames, fonts, root);
  doc.restore();
  root.end();
  return structElements(await finishPdf(doc));
}

const picture = (box: Frame['box']): Frame => ({
  kind: 'image',
  box,
  alt: 'Plan of the garden',
  image: {
    src: 'garden-plan.png',
    format: 'png',
    data: new Uint8Array(
      readFileSync('docs/examples/synthetic-tour/template/images/garden-plan.png'),
    ),
    width: 4,
    height: 3,
  },
});

function figureIn(elements: RawStructElement[]): RawStructElement {
  const figure = elements.find((e) => e.role === 'Figure');
  if (!figure) throw new Error('no Figure element');
  return figure;
}

describe('tagged figures', () => {
  it('bound a figure in PDF user space: lower-left, then upper-right corner', async () => {
    const figure = figureIn(await tagged([picture({ x: 50, y: 100, w: 200, h: 150 })]));
    // 100 and 250 pt from the top of the page are 741.89 and 591.89 pt from its bottom.
    expect(numbers(attributes(figure).get('BBox'))).toEqual([50, 591.89, 250, 741.89]);
  });

  it('bound a figure where a transform puts it (a slide drawn small on a handout page)', async () => {
    const figure = figureIn(
      await tagged([picture({ x: 0, y: 0, w: 100, h: 50 })], (doc) =>
        doc.translate(40, 60).scale(0.5),
      ),
    );
    expect(numbers(attributes(figure).get('BBox'))).toEqual([40, 756.89, 90, 781.89]);
  });
});

const table = layoutTable(
  {
    name: 'table',
    box: { x: 50, y: 50, w: 400, h: 100 },
    header: [[{ text: 'Figure' }], [{ text: 'What it counts' }]],
    rows: [
      [[{ text: '31' }], [{ text: 'new projects' }]],
      [[{ text: '50' }], [{ text: 'patents' }]],
    ],
    align: ['right', 'left'],
    size: 10,
    colors: {
      text: '000000',
      header: '0B3D91',
      headerText: 'FFFFFF',
      body: 'FFFFFF',
      stripe: 'EEEEEE',
      rule: '999999',
    },
  },
  fonts,
);

describe('tagged tables', () => {
  it("mark the header row's cells as headers of their columns", async () => {
    const cells = (await tagged([table])).filter((e) => e.role === 'TH' || e.role === 'TD');
    expect(cells.map((e) => e.role)).toEqual(['TH', 'TH', 'TD', 'TD', 'TD', 'TD']);
    for (const th of cells.filter((e) => e.role === 'TH')) {
      expect(attributes(th).get('O')).toBe('/Table');
      expect(attributes(th).get('Scope')).toBe('/Column');
    }
  });
});
