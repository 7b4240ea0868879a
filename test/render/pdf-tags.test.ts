import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { layoutText } from '../../src/layout/fit-text.ts';
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
import { syntheticTable } from '../helpers/synthetic-table.ts';

const fonts = loadFontSet('carlito');
const meta = { title: 't', author: 'a', lang: 'en-US', date: new Date(Date.UTC(2026, 0, 1)) };
const A4 = { width: 595.28, height: 841.89 };

/** Frames drawn on a tagged A4 page, under `transform` (as the handout draws slides). */
async function taggedPdf(frames: Frame[], transform = (_doc: PDFKit.PDFDocument) => {}) {
  const doc = createPdf(meta, { tagged: true });
  const root = doc.struct('Document');
  doc.addStructure(root);
  doc.addPage({ size: [A4.width, A4.height], margin: 0 });
  doc.save();
  transform(doc);
  drawFrames(doc, frames, fonts, root);
  doc.restore();
  root.end();
  return finishPdf(doc);
}

async function tagged(frames: Frame[], transform?: (doc: PDFKit.PDFDocument) => void) {
  return structElements(await taggedPdf(frames, transform));
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

const table = layoutTable(syntheticTable, fonts);

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

type Node = { role?: string; type?: string; id?: string; children?: Node[] };

/** The structure tree as a screen reader walks it: roles, with the text each holds. */
async function readTree(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice() }).promise;
  const page = await pdf.getPage(1);
  const texts = new Map<string, string>();
  let open: string | undefined;
  for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
    const mark = item as { type?: string; id?: string; str?: string };
    if (mark.type === 'beginMarkedContentProps') open = mark.id;
    else if (mark.type === 'endMarkedContent') open = undefined;
    else if (open && mark.str) texts.set(open, (texts.get(open) ?? '') + mark.str);
  }
  const lines: string[] = [];
  const walk = (node: Node, depth: number) => {
    if (!node.role) return; // marked content, or a link's annotation
    const text = (node.children ?? [])
      .map((c) => (c.type === 'content' ? (texts.get(c.id ?? '') ?? '') : ''))
      .join('')
      .trim(); // pdf.js adds a space for the gap between a marker and its text
    lines.push(`${'  '.repeat(depth)}${node.role}${text ? ` ${text}` : ''}`);
    for (const child of node.children ?? []) walk(child, depth + 1);
  };
  for (const child of ((await page.getStructTree()) as Node).children ?? []) walk(child, 0);
  await pdf.destroy();
  return lines;
}

describe('tagged lists', () => {
  it("put the bullet or number in a label beside the item's body", async () => {
    const frame = layoutText(
      {
        name: 'body',
        box: { x: 50, y: 50, w: 400, h: 200 },
        paragraphs: [
          { runs: [{ text: 'Cosmology' }], bullet: 'disc' },
          { runs: [{ text: 'Dark matter' }], bullet: 'disc' },
          { runs: [{ text: 'Then' }], bullet: null },
          { runs: [{ text: 'First step' }], bullet: 1 },
        ],
        maxSize: 10,
        minSize: 10,
        color: '000000',
      },
      fonts,
      10,
    );
    expect(await readTree(await taggedPdf([frame]))).toEqual([
      'Document',
      '  L',
      '    LI',
      '      Lbl •',
      '      LBody Cosmology',
      '    LI',
      '      Lbl •',
      '      LBody Dark matter',
      '  P Then',
      '  L',
      '    LI',
      '      Lbl 1.',
      '      LBody First step',
    ]);
  });
});

describe('tagged links', () => {
  const linked = (runs: { text: string; link?: string }[]) =>
    layoutText(
      {
        name: 'body',
        box: { x: 50, y: 50, w: 400, h: 200 },
        paragraphs: [{ runs, bullet: null }],
        maxSize: 10,
        minSize: 10,
        color: '000000',
      },
      fonts,
      10,
    );

  it('put linked text in a Link element that holds its click area, with what it reads', async () => {
    // The link's text sat in its paragraph and its annotation nowhere in the structure:
    // PDF/UA checkers fail that, and screen readers do not announce the link.
    const frame = linked([
      { text: 'Read the ' },
      { text: 'full report', link: 'https://example.org/r' },
      { text: ' today.' },
    ]);
    const bytes = await taggedPdf([frame]);
    expect(await readTree(bytes)).toEqual([
      'Document',
      '  P Read the today.',
      '    Link full report',
    ]);
    const link = structElements(bytes).find((e) => e.role === 'Link');
    expect(link?.entries.get('K')).toMatch(/\/Type \/OBJR/);
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text).toMatch(/\/Subtype \/Link[\s\S]*?\/StructParent \d+/);
    expect(text).toMatch(/\/Contents \(full report\)/);
  });

  it('tag a link in a table cell the same way', async () => {
    const cell = layoutTable(
      {
        ...syntheticTable,
        rows: [[[{ text: 'CGTN', link: 'https://example.org/c' }], [{ text: 'x' }]]],
      },
      fonts,
    );
    const tree = await readTree(await taggedPdf([cell]));
    expect(tree).toContain('        Link CGTN');
  });
});
