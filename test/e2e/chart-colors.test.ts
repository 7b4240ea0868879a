import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, defaults } from '../../src/build.ts';
import { chartConfig } from '../../src/charts/chart-cache.ts';
import { renderChart } from '../../src/charts/render-chart.ts';
import { readSource } from '../../src/data/read-source.ts';
import { build } from '../../src/index.ts';
import type { ChartFrame } from '../../src/layout/frames.ts';
import { readTemplate } from '../../src/template/read-template.ts';
import { pptxParts } from '../helpers/pptx-parts.ts';
import { sampleTemplateCopy } from '../helpers/sample.ts';

/**
 * A line over the sample's figures; `point` asks Vega for a point at each value, and
 * `interpolate` for a curve.
 */
const line = (point: boolean, interpolate?: string) => ({
  data: { name: 'figures' },
  mark: { type: 'line', point, interpolate },
  encoding: {
    x: { field: 'key', type: 'nominal', sort: null },
    y: { field: 'value', type: 'quantitative' },
  },
});

/** A pie of the sample's figures: a native chart with a legend. */
const pie = {
  data: { name: 'figures' },
  mark: 'arc',
  encoding: {
    theta: { field: 'value', type: 'quantitative' },
    color: { field: 'key', type: 'nominal' },
  },
};

/** A copy of the sample template with lines of its theme replaced. */
function themedSample(edits: Record<string, string>): string {
  const dir = sampleTemplateCopy();
  const theme = join(dir, 'theme.yaml');
  let text = readFileSync(theme, 'utf8');
  for (const [from, to] of Object.entries(edits)) text = text.replace(from, to);
  writeFileSync(theme, text);
  return dir;
}

/**
 * The sample template with a theme whose primary colour (8B0000) differs from its chart
 * palette's first (2E8B57), and slides more: a line, a line with points, a pie and a
 * monotone line.
 */
function template(): string {
  const dir = themedSample({
    'primary: 0B3D91': 'primary: 8B0000',
    'chart: [0B3D91': 'chart: [2E8B57',
  });
  writeFileSync(join(dir, 'charts', 'line.vl.json'), JSON.stringify(line(false)));
  writeFileSync(join(dir, 'charts', 'line-points.vl.json'), JSON.stringify(line(true)));
  writeFileSync(join(dir, 'charts', 'pie.vl.json'), JSON.stringify(pie));
  writeFileSync(join(dir, 'charts', 'curve.vl.json'), JSON.stringify(line(false, 'monotone')));
  const deck = join(dir, 'deck.md.hbs');
  const slide = (chart: string) =>
    `\n---\nlayout: chart\n---\n# A ${chart}\n\n![A ${chart}](chart:${chart})\n`;
  writeFileSync(
    deck,
    readFileSync(deck, 'utf8') +
      slide('line') +
      slide('line-points') +
      slide('pie') +
      slide('curve'),
  );
  return dir;
}

/**
 * Each native chart's XML, by its title in the deck's order: mass, output, line, points,
 * pie, curve.
 */
async function nativeCharts(dir: string): Promise<string[]> {
  const out = join(dir, '..', 'out');
  await build({ template: dir, out, outputs: ['pptx'] });
  const parts = await pptxParts(new Uint8Array(readFileSync(join(out, 'briefing.pptx'))));
  return [1, 2, 3, 4, 5, 6].map((n) => parts.get(`ppt/charts/chart${n}.xml`) ?? '');
}

/** The colour a chart's one series is drawn in: its fill (bars) or its line. */
const seriesColor = (xml: string) =>
  /<c:ser>.*?<c:spPr>.*?<a:srgbClr val="([0-9A-F]{6})"/s.exec(xml)?.[1];

/** The colour Vega draws a chart's first bar or its line in. */
const markColor = (svg: string) =>
  /class="mark-(?:rect|line) [^>]*><path [^>]*?(?:fill|stroke)="#([0-9A-Fa-f]{6})"/
    .exec(svg)?.[1]
    ?.toUpperCase();

describe('chart colours', () => {
  let dir: string;
  let charts: string[];
  beforeAll(async () => {
    dir = template();
    charts = await nativeCharts(dir);
  });

  it('draw a single series in the same colour in the PPTX and in Vega’s drawing', async () => {
    const { theme, charts: specs } = readTemplate(dir);
    const config = chartConfig(theme, 'Carlito', 12);
    const data = readSource(defaults.data, readFileSync(defaults.data, 'utf8')).value as Record<
      string,
      unknown
    >;
    for (const [name, xml] of [
      ['science-output', charts[1]],
      ['line', charts[2]],
    ] as const) {
      const spec = specs.get(name)?.spec ?? {};
      const drawn = await renderChart({
        chart: { name, file: `charts/${name}.vl.json`, spec },
        data,
        width: 300,
        height: 200,
        alt: name,
        config,
        locale: 'en-US',
      });
      const vega = markColor(drawn.svg);
      expect(vega, name).toBe('2E8B57');
      expect(seriesColor(xml ?? ''), name).toBe(vega);
    }
  });

  it('mark a PPTX line’s values only when the spec asks for points, as Vega does', () => {
    const symbol = (xml = '') => /<c:marker>\s*<c:symbol val="(\w+)"/.exec(xml)?.[1];
    expect(symbol(charts[2])).toBe('none');
    expect(symbol(charts[3])).toBe('circle');
  });

  it('group the PPTX value axis’s numbers, and step it, as Vega does', () => {
    // The axis read "General" (1000 where the PDF shows 1,000), on steps PowerPoint picked.
    const axis = /<c:valAx>.*?<\/c:valAx>/s.exec(charts[0] ?? '')?.[0] ?? '';
    expect(/<c:numFmt formatCode="([^"]+)"/.exec(axis)?.[1]).toBe('#,##0');
    expect(/<c:majorUnit val="([^"]+)"/.exec(axis)?.[1]).toBe('200');
  });

  it('draw grid and axis lines in the theme colours Vega draws them in', () => {
    // Office's default is dark grey: the deck's grid stood out where the PDF's is faint.
    const { colors } = readTemplate(dir).theme;
    const grid = /<c:majorGridlines>.*?<\/c:majorGridlines>/s.exec(charts[0] ?? '')?.[0] ?? '';
    expect(grid).toContain(`<a:srgbClr val="${colors.surface}"/>`);
    for (const axis of ['catAx', 'valAx']) {
      const xml = new RegExp(`<c:${axis}>.*?</c:${axis}>`, 's').exec(charts[0] ?? '')?.[0] ?? '';
      const line = /<c:spPr>.*?<\/c:spPr>/s.exec(
        xml.replace(/<c:majorGridlines>.*?<\/c:majorGridlines>/s, ''),
      )?.[0];
      expect(line, axis).toContain(`<a:srgbClr val="${colors.muted}"/>`);
    }
  });

  it('smooth a PPTX line only where Vega curves it', () => {
    const smooth = (xml = '') => /<c:smooth val="(\d)"\/>/.exec(xml)?.[1];
    expect(smooth(charts[2])).toBe('0');
    expect(smooth(charts[5])).toBe('1');
  });

  it('label values in the text colour, as large as the axis labels', async () => {
    const { theme, charts: specs } = readTemplate('templates/briefing');
    const data = readSource(defaults.data, readFileSync(defaults.data, 'utf8')).value as Record<
      string,
      unknown
    >;
    const drawn = await renderChart({
      chart: {
        name: 'mass-transport',
        file: 'charts/mass-transport.vl.json',
        spec: specs.get('mass-transport')?.spec ?? {},
      },
      data,
      width: 400,
      height: 300,
      alt: 'mass',
      config: chartConfig(theme, 'Carlito', 15),
      locale: 'en-US',
    });
    const label = /<text[^>]*>83\.92 kg<\/text>/.exec(drawn.svg)?.[0] ?? '';
    expect(label).toContain(`fill="#${theme.colors.text}"`);
    expect(label).toContain('font-size="15px"');
  });

  it('write axis titles and the legend in the text colour, as Vega does', () => {
    // pptxgenjs writes black for any text it is given no colour for: unreadable on a dark theme.
    const text = readTemplate(dir).theme.colors.text;
    const colorOf = (xml: string) => /<a:srgbClr val="([0-9A-F]{6})"/.exec(xml)?.[1];
    for (const [name, xml] of [
      ['mass-transport', charts[0]],
      ['science-output', charts[1]],
    ] as const) {
      const title = /<c:valAx>.*?(<c:title>.*?<\/c:title>)/s.exec(xml ?? '')?.[1] ?? '';
      expect(title, name).not.toBe('');
      expect(colorOf(title), name).toBe(text);
    }
    const legend = /<c:legend>.*?<\/c:legend>/s.exec(charts[4] ?? '')?.[0] ?? '';
    expect(legend).not.toBe('');
    expect(colorOf(legend)).toBe(text);
  });

  it('write the legend as large as the axis labels, not in the viewer’s small default', () => {
    // Without a size, LibreOffice drew a pie's legend at about half the size of the PDFs'.
    const size = (xml: string) => /<a:defRPr sz="(\d+)"/.exec(xml)?.[1];
    const axis = /<c:catAx>.*?<\/c:catAx>/s.exec(charts[0] ?? '')?.[0] ?? '';
    const legend = /<c:legend>.*?<\/c:legend>/s.exec(charts[4] ?? '')?.[0] ?? '';
    expect(size(axis)).toBeDefined();
    expect(size(legend)).toBe(size(axis));
  });

  it('write labels at the size Vega draws them in the PDFs, and bars as wide', async () => {
    // Native labels were 12 pt where the slide's Vega chart has 14, and Office's default gap
    // (150% of a bar) made bars less than half as wide as Vega's.
    const { deck } = await compile({ template: dir });
    const frame = deck.slides
      .flatMap((slide) => slide.frames)
      .find((f): f is ChartFrame => f.kind === 'chart' && f.chart.name === 'mass-transport');
    const vegaSize = Number(/font-size="(\d+)px"/.exec(frame?.chart.svg ?? '')?.[1]);
    expect(vegaSize).toBeGreaterThan(12);
    const axis = /<c:catAx>.*?<\/c:catAx>/s.exec(charts[0] ?? '')?.[0] ?? '';
    expect(/<a:defRPr sz="(\d+)"/.exec(axis)?.[1]).toBe(String(vegaSize * 100));
    // Vega-Lite pads bands by 10%: a gap of 0.1 / 0.9 of a bar.
    expect(/<c:gapWidth val="(\d+)"/.exec(charts[0] ?? '')?.[1]).toBe('11');
  });
});

/** The top-left pixel of a PNG as 6 hex digits: a row's first pixel is stored as is. */
function firstPixel(png: Uint8Array): string {
  const bytes = Buffer.from(png);
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT')
      data.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(data)).subarray(1, 4).toString('hex').toUpperCase();
}

describe('a chart drawn as a picture on a dark slide', () => {
  it('has its PNG fallback filled with the slide background, where its pale labels read', async () => {
    const dir = themedSample({
      'background: FFFFFF': 'background: 121417',
      'text: 1F2937': 'text: EDEDED',
    });
    // Two series (a colour per key) make a picture, not a native chart.
    const grouped = {
      ...line(false),
      encoding: { ...line(false).encoding, color: { field: 'key' } },
    };
    writeFileSync(join(dir, 'charts', 'grouped.vl.json'), JSON.stringify(grouped));
    const deck = join(dir, 'deck.md.hbs');
    writeFileSync(
      deck,
      `${readFileSync(deck, 'utf8')}\n---\nlayout: chart\n---\n# Grouped\n\n![Grouped](chart:grouped)\n`,
    );
    const out = join(dir, '..', 'out');
    await build({ template: dir, out, outputs: ['pptx'] });
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'briefing.pptx')));
    const pngs = zip.file(/^ppt\/media\/.*\.png$/);
    expect(pngs).toHaveLength(1);
    const png = await (pngs[0] as JSZip.JSZipObject).async('uint8array');
    expect(firstPixel(png)).toBe('121417');
  });
});
