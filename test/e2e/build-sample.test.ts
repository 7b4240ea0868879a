import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, inspect } from '../../src/index.ts';
import { type PdfTextRun, pdfPages, pdfTextRuns } from '../helpers/pdf-text.ts';
import { pptxParts, slideNames, textRuns } from '../helpers/pptx-parts.ts';
import { buildSample, sampleTemplateCopy, tempDir } from '../helpers/sample.ts';

describe('the sample build', () => {
  it('writes a deck of 8 to 12 slides whose text is editable runs', async () => {
    const parts = await pptxParts((await buildSample()).pptx);
    const slides = slideNames(parts);
    expect(slides.length).toBeGreaterThanOrEqual(8);
    expect(slides.length).toBeLessThanOrEqual(12);
    const text = slides.map((s) => textRuns(parts.get(s) ?? '').join(' '));
    expect(text[0]).toContain('China Space Station science in 2025');
    expect(text[1]).toContain('about 867.5 kg');
    expect(text[1]).toContain('83.92 kg');
    expect(text[1]).toContain('over 150 TB');
    expect(text[1]).toContain('over 50 patents');
    expect(text[1]).toContain('31 new projects');
    expect(text.join(' ')).toContain('China Space Station Survey Telescope');
    expect(text.at(-1)).toContain('CGTN');
  });

  it('draws native charts whose caches hold the source figures', async () => {
    const parts = await pptxParts((await buildSample()).pptx);
    const charts = [...parts.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).sort();
    expect(charts).toEqual(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml']);
    const mass = parts.get('ppt/charts/chart1.xml') ?? '';
    expect(mass).toContain('<c:barChart>');
    expect(mass).toContain('<c:v>867.5</c:v>');
    expect(mass).toContain('<c:v>83.92</c:v>');
    expect(mass).toContain('Sent to the station');
    const output = parts.get('ppt/charts/chart2.xml') ?? '';
    expect(output).toContain('<c:v>31</c:v>');
    expect(output).toContain('over 50 patents');
  });

  it('lists horizontal bars top-down with the value axis and its labels at the bottom', async () => {
    const parts = await pptxParts((await buildSample()).pptx);
    const bars = parts.get('ppt/charts/chart2.xml') ?? '';
    expect(bars).toContain('<c:barDir val="bar"/>');
    const axis = (name: string) => bars.match(new RegExp(`<c:${name}>.*?</c:${name}>`, 's'))?.[0];
    expect(axis('catAx')).toContain('<c:orientation val="maxMin"/>');
    // Reversed categories put the last one at the bottom: the value axis crosses there.
    expect(axis('valAx')).toContain('<c:crosses val="max"/>');
    expect(axis('valAx')).toContain('<c:tickLblPos val="nextTo"/>');
    // Left of the plot, as in Vega: beside the axis at zero, they overlapped negative bars.
    expect(axis('catAx')).toContain('<c:tickLblPos val="low"/>');
  });

  it('gives every chart alt text naming its values', async () => {
    const parts = await pptxParts((await buildSample()).pptx);
    const descriptions = slideNames(parts).flatMap((s) =>
      [...(parts.get(s) ?? '').matchAll(/<p:graphicFrame>.*?descr="([^"]*)"/g)].map((m) => m[1]),
    );
    expect(descriptions).toHaveLength(2);
    expect(descriptions[0]).toContain(
      'Sent to the station (about 867.5 kg); Returned to Earth (83.92 kg)',
    );
    expect(descriptions[1]).toContain('31 new projects; over 50 patents');
  });

  it('keeps speaker notes in the notes pane', async () => {
    const parts = await pptxParts((await buildSample()).pptx);
    const notes = [...parts.entries()].filter(([n]) => n.startsWith('ppt/notesSlides/notesSlide'));
    expect(notes.map(([, xml]) => textRuns(xml).join(' ')).join(' ')).toContain(
      'Qualifiers such as "about" and "over"',
    );
  });

  it('writes a two-page summary with every headline figure, its unit and the source', async () => {
    const pages = await pdfPages((await buildSample()).summary);
    expect(pages).toHaveLength(2);
    const text = pages.join(' ').replace(/\s+/g, ' ');
    for (const figure of [
      '31 new projects',
      'about 867.5 kg',
      '83.92 kg',
      'over 150 TB',
      'over 50 patents',
    ]) {
      expect(text).toContain(figure);
    }
    // The report has no headline, so it is described, unquoted, not given a title.
    expect(text).toMatch(/Source: CGTN, news report on the China Space Station's science/);
  });

  it('writes the deck as a PDF with one page per slide', async () => {
    const { pptx, slides } = await buildSample();
    const slideCount = slideNames(await pptxParts(pptx)).length;
    expect(await pdfPages(slides)).toHaveLength(slideCount);
  });
});

describe('a figure without a unit (the schema allows it)', () => {
  it('is charted as its number alone, never "undefined"', async () => {
    const dir = tempDir();
    const data = join(dir, 'data.yaml');
    const sample = readFileSync('data/space-station-2025.yaml', 'utf8');
    writeFileSync(data, sample.replace('    value: 83.92\n    unit: kg\n', '    value: 83.92\n'));
    const out = join(dir, 'out');
    await build({ data, out, outputs: ['pptx'] });
    const parts = await pptxParts(new Uint8Array(readFileSync(join(out, 'briefing.pptx'))));
    const charts = [...parts].filter(([name]) => name.startsWith('ppt/charts/chart'));
    expect(charts.map(([, xml]) => xml).join('')).toContain('Returned to Earth (83.92)');
    for (const [name, xml] of parts) expect(xml, name).not.toContain('undefined');
  });
});

describe('a link in a table cell', () => {
  it('stays a link in the PPTX table, as in the PDFs', async () => {
    const dir = tempDir();
    const template = sampleTemplateCopy(dir);
    const deck = join(template, 'deck.md.hbs');
    const table =
      '| Name | Where |\n| --- | --- |\n| Source | [the report](https://example.org/r) |';
    writeFileSync(
      deck,
      `${readFileSync(deck, 'utf8')}\n---\nlayout: table\n---\n# Links\n\n${table}\n`,
    );
    const out = join(dir, 'out');
    await build({ template, out, outputs: ['pptx', 'slides'] });
    expect(await inspect(join(out, 'slides.pdf'))).toMatch(/page 12 https:\/\/example.org\/r @/);
    const parts = await pptxParts(new Uint8Array(readFileSync(join(out, 'briefing.pptx'))));
    const last = slideNames(parts).at(-1) as string;
    const cell = /<a:tc>(?:(?!<\/a:tc>).)*the report(?:(?!<\/a:tc>).)*<\/a:tc>/s.exec(
      parts.get(last) ?? '',
    )?.[0];
    const id = /<a:hlinkClick r:id="(rId\d+)"/.exec(cell ?? '')?.[1];
    expect(id, 'the cell links').toBeDefined();
    const rels = parts.get(last.replace('slides/', 'slides/_rels/').concat('.rels')) ?? '';
    expect(rels).toMatch(new RegExp(`Id="${id}"[^>]*Target="https://example.org/r"`));
  });
});

describe('a table in the deck', () => {
  it('spaces its lines exactly as laid out, so Chinese rows do not grow past the slide', async () => {
    // Office apps space a cell's lines by its font's own height unless told otherwise, and
    // the CJK face is taller than the 1.2 lines layout measured: each row grew in LibreOffice
    // and the table ran into the footer.
    const dir = tempDir();
    const template = sampleTemplateCopy(dir);
    const deck = join(template, 'deck.md.hbs');
    const table = '| 车站 | 日均客流 |\n| --- | --- |\n| 中央站 | 84,210 |\n| 海滨站 | 61,240 |';
    writeFileSync(
      deck,
      `${readFileSync(deck, 'utf8')}\n---\nlayout: table\n---\n# 车站\n\n${table}\n`,
    );
    const out = join(dir, 'out');
    await build({ template, out, outputs: ['pptx'] });
    const parts = await pptxParts(new Uint8Array(readFileSync(join(out, 'briefing.pptx'))));
    const slide = parts.get(slideNames(parts).at(-1) as string) ?? '';
    const cells = [...slide.matchAll(/<a:tc>((?:(?!<\/a:tc>).)*)<\/a:tc>/gs)].map((m) => m[1]);
    expect(cells).toHaveLength(6);
    const size = Number(/<a:rPr[^>]* sz="(\d+)"/.exec(cells[0] ?? '')?.[1]) / 100;
    for (const cell of cells) {
      expect(cell).toContain(
        `<a:lnSpc><a:spcPts val="${Math.round(size * 1.2 * 100)}"/></a:lnSpc>`,
      );
    }
  });
});

describe('a table with aligned columns', () => {
  it('sets each column as its delimiter row says, in the deck and its PDF', async () => {
    const dir = tempDir();
    const template = sampleTemplateCopy(dir);
    const deck = join(template, 'deck.md.hbs');
    const table = [
      '| Station | Daily riders | Note |',
      '| :--- | ---: | :---: |',
      '| Central | 84,210 | busiest |',
      '| Harbour | 6,124 | new |',
    ].join('\n');
    writeFileSync(
      deck,
      `${readFileSync(deck, 'utf8')}\n---\nlayout: table\n---\n# Riders\n\n${table}\n`,
    );
    const out = join(dir, 'out');
    await build({ template, out, outputs: ['pptx', 'slides'] });
    const parts = await pptxParts(new Uint8Array(readFileSync(join(out, 'briefing.pptx'))));
    const slide = parts.get(slideNames(parts).at(-1) as string) ?? '';
    const aligns = [...slide.matchAll(/<a:tc>(?:(?!<\/a:tc>).)*?<a:pPr[^>]*algn="(\w+)"/gs)].map(
      (m) => m[1],
    );
    expect(aligns).toEqual(['l', 'r', 'ctr', 'l', 'r', 'ctr', 'l', 'r', 'ctr']);

    const pdf = new Uint8Array(readFileSync(join(out, 'slides.pdf')));
    const pages = await pdfPages(pdf);
    const runs = await pdfTextRuns(pdf, pages.length);
    const run = (text: string) => runs.find((r) => r.text === text) as PdfTextRun;
    const right = (text: string) => run(text).x + run(text).width;
    const middle = (text: string) => run(text).x + run(text).width / 2;
    expect(run('Central').x).toBeCloseTo(run('Harbour').x, 1);
    expect(right('84,210')).toBeCloseTo(right('6,124'), 1);
    expect(right('Daily riders')).toBeCloseTo(right('6,124'), 1);
    expect(run('6,124').x).toBeGreaterThan(run('84,210').x + 1);
    expect(middle('busiest')).toBeCloseTo(middle('new'), 1);
  });
});

describe('empty lists in the data', () => {
  it('leave no label or punctuation behind', async () => {
    const dir = tempDir();
    const data = join(dir, 'data.yaml');
    const sample = readFileSync('data/space-station-2025.yaml', 'utf8');
    const emptied = sample
      .replace(/photo_credits:\n( {2}- .*\n)+/, 'photo_credits: []\n')
      .replace(/goals:\n( {6}- .*\n)+/g, 'goals: []\n');
    expect(emptied).not.toBe(sample);
    writeFileSync(data, emptied);
    const out = join(dir, 'out');
    await build({ data, out, outputs: ['pptx', 'summary'] });
    const pages = await pdfPages(new Uint8Array(readFileSync(join(out, 'summary.pdf'))));
    const summary = pages.join(' ').replace(/\s+/g, ' ');
    expect(summary).not.toContain('Photo credits');
    expect(summary).toContain('CSST (China Space Station Survey Telescope).');
    const parts = await pptxParts(new Uint8Array(readFileSync(join(out, 'briefing.pptx'))));
    const deck = slideNames(parts).flatMap((name) => textRuns(parts.get(name) ?? ''));
    expect(deck.join('\n')).not.toContain('Photo credits');
  });
});

describe('chart titles written as lists of lines (valid Vega-Lite)', () => {
  it('are painted into the native chart as one line (pptxgenjs crashed on a list), the chart title too', async () => {
    const dir = tempDir();
    const template = sampleTemplateCopy(dir);
    const file = join(template, 'charts/science-output.vl.json');
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    spec.title = { text: ['New projects', 'and patents'] };
    spec.encoding.x.title = ['Count', 'in 2025'];
    writeFileSync(file, JSON.stringify(spec));
    const out = join(dir, 'out');
    await build({ template, out, outputs: ['pptx'] });
    const parts = await pptxParts(new Uint8Array(readFileSync(join(out, 'briefing.pptx'))));
    const charts = [...parts].filter(([name]) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
    const xml = charts.map(([, chart]) => chart).join('');
    expect(xml).toContain('<a:t>Count in 2025</a:t>');
    // The chart's own title, drawn above it in the PDFs, is the native chart's title too.
    expect(xml).toMatch(/<c:title>(?:(?!<\/c:title>).)*<a:t>New projects and patents<\/a:t>/s);
  });
});
