import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { isBriefkitError } from '../../src/errors/briefkit-error.ts';
import { formatInspection, inspect, inspectPdf, inspectPptx } from '../../src/inspect/index.ts';
import { readFonts } from '../../src/inspect/pdf-fonts.ts';
import { groupLines, readingOrder } from '../../src/inspect/pdf-text.ts';
import { testContext } from '../cli/helpers/context.ts';
import { tempDir } from '../helpers/sample.ts';
import { hasTool, run } from '../helpers/tools.ts';

const require = createRequire(import.meta.url);
const CARLITO = require.resolve('@fontsource/carlito/files/carlito-latin-400-normal.woff');

// 1×1 transparent PNG.
const PIXEL =
  'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==';

interface DeckValues {
  down: number;
}

/** A one-slide deck exercising each shape kind inspect reports. */
async function tinyDeck({ down }: DeckValues = { down: 83.92 }): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = 'Tiny deck';
  const slide = pptx.addSlide();
  slide.addText(
    [
      { text: 'Bold part', options: { bold: true } },
      { text: ' and ' },
      { text: 'a link', options: { hyperlink: { url: 'https://example.com/source' } } },
    ],
    { x: 0.5, y: 0.5, w: 4, h: 1 },
  );
  slide.addText('First point', { x: 5, y: 0.5, w: 4, h: 1, bullet: true });
  slide.addShape(pptx.ShapeType.rect, { x: 0.5, y: 1.6, w: 1, h: 0.1, fill: { color: 'D97706' } });
  slide.addChart(
    pptx.ChartType.bar,
    [{ name: 'Mass (kg)', labels: ['Up', 'Down'], values: [867.5, down] }],
    { x: 0.5, y: 2, w: 4, h: 3, barDir: 'col', altText: 'Mass moved, in kg' },
  );
  slide.addTable(
    [
      [{ text: 'Figure' }, { text: 'Meaning' }],
      [{ text: '31' }, { text: 'new projects' }],
    ],
    { x: 5, y: 2, w: 4 },
  );
  slide.addImage({ data: PIXEL, x: 5, y: 4, w: 1, h: 1, altText: 'A dot' });
  slide.addNotes('Say the numbers slowly.');
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

async function twoSlideDeck(): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.addSlide().addText('Alpha', { x: 1, y: 1, w: 3, h: 1 });
  pptx.addSlide().addText('Beta', { x: 1, y: 1, w: 3, h: 1 });
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

/** A small PDF with an embedded font, a standard (not embedded) font, an outline and a link. */
function tinyPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    info: { Title: 'Tiny report', Author: 'Test', CreationDate: new Date(Date.UTC(2020, 0, 1)) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  doc.registerFont('Carlito', CARLITO);
  doc.font('Carlito').fontSize(20).text('Key figures', 72, 72);
  const top = doc.outline.addItem('Key figures');
  top.addItem('Mass moved');
  doc.fontSize(12).text('Left', 72, 200);
  doc.text('Right', 300, 200);
  doc.text('Source', 72, 240, { link: 'https://example.com/source' });
  doc.font('Helvetica').text('Plain Helvetica', 72, 300);
  doc.end();
  return done;
}

/**
 * A one-page PDF written by hand, as no PDF library here writes an info date as a raw string:
 * the Info dictionary holds `info`'s values as literal strings.
 */
function pdfWithInfo(info: Record<string, string>): Uint8Array {
  const entries = Object.entries(info).map(([key, value]) => `/${key} (${value})`);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< ${entries.join(' ')} >>`,
  ];
  let text = '%PDF-1.7\n';
  const offsets = objects.map((object, i) => {
    const offset = text.length;
    text += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  text += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\n`;
  return new Uint8Array(Buffer.from(`${text}startxref\n${xref}\n%%EOF\n`, 'latin1'));
}

describe('inspect PPTX', () => {
  it('escapes Markdown marker characters in text, so literal **x** does not read as bold', async () => {
    const pptx = new PptxGenJS();
    pptx
      .addSlide()
      .addText(
        [
          { text: 'Bold', options: { bold: true } },
          { text: ' then **not bold**, a_b and [x] \\ y' },
        ],
        { x: 0.5, y: 0.5, w: 4, h: 1 },
      );
    const text = await inspect((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);
    expect(text).toContain('    ¶ **Bold** then \\*\\*not bold\\*\\*, a\\_b and \\[x\\] \\\\ y');
  });

  it('shows text runs with bold and link markers, bullets, shapes, tables, images', async () => {
    const text = await inspect(await tinyDeck());
    const lines = text.split('\n');
    expect(lines[0]).toBe('PPTX  1 slide  720×405 pt');
    expect(lines[1]).toBe('meta Title: Tiny deck');
    expect(text).toMatch(/\nslide 1\n {2}text "[^"]*" @36,36 288×72\n/);
    expect(text).toContain('    ¶ **Bold part** and [a link](https://example.com/source)');
    expect(text).toContain('    • First point');
    expect(text).toContain('  rect @36,115.2 72×7.2 fill D97706');
    expect(text).toMatch(
      / {2}table "[^"]*" @360,144 288×\S+ 2×2\n {4}\| Figure \| Meaning \|\n {4}\| 31 \| new projects \|/,
    );
    expect(text).toMatch(/ {2}image "[^"]*" @360,288 72×72 alt="A dot" ppt\/media\/\S+\.png/);
  });

  it('shows the chart type, alt text, series, categories and cached values', async () => {
    const text = await inspect(await tinyDeck());
    expect(text).toMatch(/ {2}chart "[^"]*" bar\/col @36,144 288×216 alt="Mass moved, in kg"\n/);
    expect(text).toContain('    series "Mass (kg)": Up=867.5; Down=83.92\n');
  });

  it('shows speaker notes but not the notes page number', async () => {
    const text = await inspect(await tinyDeck());
    expect(text).toMatch(/ {2}notes\n {4}¶ Say the numbers slowly\.\n$/);
    const deck = await inspectPptx(await tinyDeck());
    expect(deck.slides[0]?.notes).toEqual([
      { level: 0, runs: [{ text: 'Say the numbers slowly.' }] },
    ]);
  });

  it('is stable, and one changed value changes only the line that shows it', async () => {
    // pptxgenjs writes the current time into docProps/core.xml (briefkit's normalizer fixes
    // it). The view shows those dates as stored, so they are left out of this comparison;
    // the random ids and chart part numbers pptxgenjs also varies must not show at all.
    const view = async (deck: Uint8Array) =>
      (await inspect(deck)).split('\n').filter((line) => !/^meta (Created|Modified):/.test(line));
    const before = await view(await tinyDeck());
    const again = await view(await tinyDeck());
    const after = await view(await tinyDeck({ down: 90 }));
    expect(again).toEqual(before);
    expect(after).toHaveLength(before.length);
    const changed = after.filter((line, i) => line !== before[i]);
    expect(changed).toEqual(['    series "Mass (kg)": Up=867.5; Down=90']);
  });

  it('orders slides by the presentation’s slide list, not by part name', async () => {
    const zip = await JSZip.loadAsync(await twoSlideDeck());
    const xml = (await zip.file('ppt/presentation.xml')?.async('string')) ?? '';
    const ids = xml.match(/<p:sldId [^>]*\/>/g) ?? [];
    expect(ids).toHaveLength(2);
    zip.file('ppt/presentation.xml', xml.replace(ids.join(''), [...ids].reverse().join('')));
    const deck = await inspectPptx(await zip.generateAsync({ type: 'uint8array' }));
    expect(deck.slides.map((s) => s.part)).toEqual([
      'ppt/slides/slide2.xml',
      'ppt/slides/slide1.xml',
    ]);
    expect(formatInspection(deck)).toMatch(/slide 1\n.*\n {4}¶ Beta\nslide 2\n.*\n {4}¶ Alpha\n/);
  });

  it('gives the same data as JSON', async () => {
    const json = JSON.parse(await inspect(await tinyDeck(), { json: true }));
    expect(json.format).toBe('pptx');
    const chart = json.slides[0].shapes.find((s: { kind: string }) => s.kind === 'chart');
    expect(chart.plots[0]).toMatchObject({ type: 'bar', direction: 'col' });
    expect(chart.plots[0].series[0]).toEqual({
      name: 'Mass (kg)',
      categories: ['Up', 'Down'],
      values: ['867.5', '83.92'],
    });
  });
});

describe('inspect PDF', () => {
  it('shows metadata, fonts with embedding, outline, page text and links', async () => {
    const bytes = await tinyPdf();
    const text = await inspect(bytes);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^PDF {2}1 page {2}1\.\d$/);
    expect(text).toContain('meta Title: Tiny report\nmeta Author: Test\n');
    expect(text).toContain('meta CreationDate: 2020-01-01T00:00:00Z\n');
    expect(text).toMatch(/fonts\n {2}[A-Z]{6}\+Carlito-Regular {2}CID TrueType {2}embedded\n/);
    expect(text).toContain('  Helvetica  Type 1  not embedded\n');
    expect(text).toContain('outline\n  Key figures  → p1\n    Mass moved  → p1\n');
    expect(text).toContain('page 1  595.3×841.9\n  Key figures\n  Left Right\n  Source\n');
    expect(text).toMatch(/links\n {2}page 1 https:\/\/example\.com\/source @72,240 \S+\n$/);
    expect(await inspect(bytes)).toBe(text);
  });

  it('shows the dates other producers write as ISO 8601; JSON keeps them as stored', async () => {
    const dates = (CreationDate: string, ModDate: string) =>
      inspect(pdfWithInfo({ Title: 'D:2024', CreationDate, ModDate }));
    expect(await dates("D:20240315120000+01'00'", "D:20240315120000Z'")).toContain(
      'meta Title: D:2024\nmeta CreationDate: 2024-03-15T12:00:00+01:00\nmeta ModDate: 2024-03-15T12:00:00Z\n',
    );
    expect(await dates("D:20240315120000-05'30", 'D:2024')).toContain(
      'meta CreationDate: 2024-03-15T12:00:00-05:30\nmeta ModDate: 2024-01-01T00:00:00\n',
    );
    expect(await dates('D:20240230', 'yesterday')).toContain(
      'meta CreationDate: D:20240230\nmeta ModDate: yesterday\n',
    );
    const json = JSON.parse(
      await inspect(pdfWithInfo({ CreationDate: "D:20240315120000Z'" }), { json: true }),
    );
    expect(json.meta).toContainEqual(['CreationDate', "D:20240315120000Z'"]);
  });

  it('returns structured data for tests and tools', async () => {
    const pdf = await inspectPdf(await tinyPdf());
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.fonts.filter((f) => f.embedded).map((f) => f.name)).toEqual([
      expect.stringMatching(/\+Carlito-Regular$/),
    ]);
    expect(pdf.links[0]?.target).toBe('https://example.com/source');
  });
});

describe('PDF internals', () => {
  it('groups text pieces into lines by baseline, top to bottom, left to right', () => {
    const piece = (text: string, x: number, y: number, width: number) => ({
      text,
      x,
      y,
      width,
      size: 10,
    });
    const lines = groupLines([
      piece('left', 10, 100, 20),
      piece('world', 40, 700, 25), // a 5 pt gap reads as a space
      piece('   ', 30, 100, 50), // column padding collapses to one space
      piece('lo', 25, 700.4, 10), // touching its neighbour: no space
      piece('Hel', 10, 700, 15),
      piece('right', 80, 100, 25),
      piece('', 0, 50, 0),
    ]);
    expect(lines).toEqual(['Hello world', 'left right']);
  });

  it('reads a tagged page block by block, untagged text where it sits', () => {
    const piece = (text: string, x: number, y: number) => ({ text, x, y, width: 40, size: 10 });
    // A chart beside a list: by position alone their lines would interleave.
    const chart = [piece('800', 500, 600), piece('400', 500, 500), piece('0', 500, 400)];
    const list = [piece('• first', 10, 620), piece('• second', 10, 480)];
    const lines = readingOrder(
      [
        { pieces: [piece('Title', 10, 700)] },
        { pieces: chart, label: 'figure alt="A chart"' },
        { pieces: list },
      ],
      [piece('Running head', 10, 800), piece('Footer', 10, 50), piece('3', 500, 50)],
    );
    expect(lines).toEqual([
      'Running head',
      'Title',
      'figure alt="A chart"',
      '800',
      '400',
      '0',
      '• first',
      '• second',
      'Footer 3',
    ]);
  });

  it('finds fonts inside compressed object streams', () => {
    const inner =
      '<< /Type /Font /Subtype /Type1 /BaseFont /Times#2DRoman >> ' +
      '<< /Type /Font /Subtype /TrueType /BaseFont /Arimo /FontDescriptor 3 0 R >> ' +
      '<< /Type /FontDescriptor /FontName /Arimo /FontFile2 9 0 R >>';
    const offsets = [
      0,
      inner.indexOf('<< /Type /Font /Subtype /TrueType'),
      inner.lastIndexOf('<<'),
    ];
    const header = `1 ${offsets[0]} 2 ${offsets[1]} 3 ${offsets[2]} `;
    const data = deflateSync(Buffer.from(header + inner, 'latin1'));
    const file = Buffer.concat([
      Buffer.from(
        `%PDF-1.5\n5 0 obj\n<< /Type /ObjStm /N 3 /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
        'latin1',
      ),
      data,
      Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
    ]);
    expect(readFonts(new Uint8Array(file))).toEqual({
      fonts: [
        { name: 'Arimo', type: 'TrueType', embedded: true },
        { name: 'Times-Roman', type: 'Type 1', embedded: false },
      ],
      complete: true,
    });
  });

  it.runIf(hasTool('qpdf'))(
    'says the fonts are incomplete, not "none", when encrypted object streams hide them',
    async () => {
      const dir = tempDir('briefkit-inspect-');
      writeFileSync(join(dir, 'plain.pdf'), await tinyPdf());
      const sealed = join(dir, 'sealed.pdf');
      // An empty user password: any reader opens it, but its object streams are encrypted.
      run('qpdf', [
        '--object-streams=generate',
        '--encrypt',
        '',
        'owner',
        '256',
        '--',
        join(dir, 'plain.pdf'),
        sealed,
      ]);
      const text = await inspect(sealed);
      expect(text).toContain(
        '\nfonts  incomplete: some object streams could not be read (encrypted?)\n',
      );
      expect(text).not.toContain('fonts  none');
      expect(JSON.parse(await inspect(sealed, { json: true })).fontsIncomplete).toBe(true);
      expect(JSON.parse(await inspect(join(dir, 'plain.pdf'), { json: true }))).not.toHaveProperty(
        'fontsIncomplete',
      );
    },
  );
});

describe('inspect input', () => {
  it('rejects bytes that are neither PPTX nor PDF with a syntax diagnostic', async () => {
    const error = await inspect(new TextEncoder().encode('hello')).catch((e: unknown) => e);
    expect(isBriefkitError(error) && error.code).toBe('syntax');
  });

  it('says a PDF needs a password, naming the file, instead of a parser message', async () => {
    const pdf = new PDFDocument({ userPassword: 'secret', ownerPassword: 'owner' });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => pdf.on('end', resolve));
    pdf.text('Hidden');
    pdf.end();
    await done;
    const file = join(tempDir('briefkit-inspect-'), 'locked.pdf');
    writeFileSync(file, Buffer.concat(chunks));
    const error = await inspect(file).catch((e: unknown) => e);
    expect(isBriefkitError(error) && error.diagnostics).toEqual([
      expect.objectContaining({
        code: 'pdf-password',
        message: 'This PDF needs a password to open; inspect cannot read it.',
        place: { file },
      }),
    ]);
  });

  it('tells an OpenDocument presentation from a broken PPTX', async () => {
    // What LibreOffice writes first in an ODP: the uncompressed mimetype entry.
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.presentation', {
      compression: 'STORE',
    });
    zip.file('content.xml', '<office:document-content/>');
    const odp = await zip.generateAsync({ type: 'uint8array' });
    const error = await inspect(odp).catch((e: unknown) => e);
    expect(isBriefkitError(error) && error.diagnostics).toEqual([
      expect.objectContaining({
        code: 'not-pptx',
        message:
          'This is an OpenDocument file (application/vnd.oasis.opendocument.presentation), not a PPTX; inspect reads PPTX and PDF.',
      }),
    ]);
  });

  it('reports a missing file as file-not-found', async () => {
    const error = await inspect('/nonexistent/deck.pptx').catch((e: unknown) => e);
    expect(isBriefkitError(error) && error.code).toBe('file-not-found');
  });
});

describe('briefkit inspect on the command line', () => {
  it.each([
    ['PPTX', 'deck.pptx', tinyDeck],
    ['PDF', 'report.pdf', tinyPdf],
  ])(
    'prints the %s views as the library gives them, ending in one newline',
    async (_, name, make) => {
      const file = join(tempDir('briefkit-inspect-'), name);
      writeFileSync(file, await make());
      for (const argv of [
        ['inspect', file],
        ['inspect', file, '--json'],
      ]) {
        const context = testContext();
        expect(await runCli(argv, context)).toBe(0);
        const printed = context.out();
        expect(printed).toBe(await inspect(file, { json: argv.includes('--json') }));
        expect(printed).toMatch(/[^\n]\n$/);
      }
    },
  );
});
