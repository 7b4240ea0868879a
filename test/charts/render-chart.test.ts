import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expressionInterpreter } from 'vega-interpreter';
import { describe, expect, it } from 'vitest';
import { defaults } from '../../src/build.ts';
import { deepFreeze } from '../../src/cache/deep-freeze.ts';
import { guardSpec } from '../../src/charts/guard-spec.ts';
import { type ChartRequest, renderChart, toRuntime } from '../../src/charts/render-chart.ts';
import { loadVega, useChartFonts } from '../../src/charts/vega-runtime.ts';
import { readSource } from '../../src/data/read-source.ts';
import { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { parseXml, type XmlNode } from '../../src/inspect/xml.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { textWidth } from '../../src/layout/measure.ts';
import { readDocument } from '../../src/template/read-template.ts';
import { chartWording } from '../../src/template/strings.ts';
import { catchError } from '../helpers/errors.ts';

const data = {
  rows: [
    { k: 'A', v: 3 },
    { k: 'B', v: 1.5 },
    { k: 'C', v: 0 },
  ],
};

function request(spec: Record<string, unknown>): ChartRequest {
  return {
    chart: { name: 'test', file: 'charts/test.vl.json', spec },
    data,
    width: 300,
    height: 200,
    alt: 'Test chart',
    config: {},
    locale: 'en-US',
  };
}

const bar = {
  data: { name: 'rows' },
  mark: 'bar',
  encoding: {
    x: { field: 'k', type: 'nominal' },
    y: { field: 'v', type: 'quantitative', title: 'Value' },
  },
};

/** Points of `points`: x and y, both numbers. */
const scatter = {
  data: { name: 'points' },
  mark: 'point',
  encoding: {
    x: { field: 'x', type: 'quantitative' },
    y: { field: 'y', type: 'quantitative' },
  },
};

/** A pie of `rows`: slice sizes from `v`, one slice and colour per `k`. */
const rowsPie = {
  data: { name: 'rows' },
  mark: 'arc',
  encoding: {
    theta: { field: 'v', type: 'quantitative' },
    color: { field: 'k', type: 'nominal' },
  },
};

async function chartError(spec: Record<string, unknown>): Promise<BriefkitError> {
  return chartErrorOf(request(spec));
}

async function chartErrorOf(chartRequest: ChartRequest): Promise<BriefkitError> {
  const error = await renderChart(chartRequest).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BriefkitError);
  return error as BriefkitError;
}

describe('renderChart', () => {
  it('renders SVG and maps a simple bar chart to a native chart with its values', async () => {
    const chart = await renderChart(request(bar));
    expect(chart.svg).toMatch(/^<svg[^>]+width="300" height="200"/);
    expect(chart.native).toEqual({
      type: 'bar',
      direction: 'col',
      labels: ['A', 'B', 'C'],
      series: [{ name: 'Value', values: [3, 1.5, 0] }],
      title: null,
      categoryTitle: 'k',
      valueTitle: 'Value',
      valueRange: [0, 3],
      showValues: false,
      markers: false,
      smooth: false,
      numberFormats: { values: 'General', axis: '#,##0.0', axisStep: 0.5 },
      barGap: 11,
      colors: ['4C78A8'],
      axes: { category: true, value: true },
      legend: false,
    });
    expect(chart.alt).toBe('Test chart. A: 3; B: 1.5; C: 0.');
  });

  it('marks each value natively where Vega draws a point: scatter charts, lines asking for points', async () => {
    const markers = async (mark: unknown) =>
      (await renderChart(request({ ...bar, mark }))).native?.markers;
    expect(await markers('line')).toBe(false);
    expect(await markers({ type: 'line', point: true })).toBe(true);
    expect(await markers({ type: 'line', point: 'transparent' })).toBe(false);
    expect(await markers('bar')).toBe(false);
  });

  it('smooths a monotone line natively, and draws steps, splines and curved areas as a picture', async () => {
    // The deck drew every line and area with straight segments, whatever Vega's path.
    const native = async (type: string, interpolate?: string) =>
      (await renderChart(request({ ...bar, mark: { type, interpolate } }))).native;
    expect(await native('line')).toMatchObject({ type: 'line', smooth: false });
    expect(await native('line', 'linear')).toMatchObject({ type: 'line', smooth: false });
    expect(await native('line', 'monotone')).toMatchObject({ type: 'line', smooth: true });
    for (const curve of ['step', 'step-after', 'basis', 'cardinal', 'natural', 'linear-closed'])
      expect(await native('line', curve), curve).toBeNull();
    expect(await native('area', 'monotone')).toBeNull();
    expect(await native('area', 'step')).toBeNull();
    expect(await native('area')).toMatchObject({ type: 'area', smooth: false });
  });

  it('groups native numbers as Vega does, with the decimals the values and the axis steps have', async () => {
    // Native labels read "General": 10000 where the PDF shows 10,000.
    const formats = async (values: number[]) =>
      (
        await renderChart({
          ...request(bar),
          data: { rows: values.map((v, i) => ({ k: `K${i}`, v })) },
        })
      ).native?.numberFormats;
    expect(await formats([12000, 3000])).toEqual({
      values: '#,##0',
      axis: '#,##0',
      axisStep: 2000,
    });
    expect(await formats([1234.25, 80])).toEqual({
      values: '#,##0.00',
      axis: '#,##0',
      axisStep: 200,
    });
    expect(await formats([0.3, 0.1 + 0.2])).toMatchObject({ values: '#,##0.0', axis: '#,##0.00' });
    // Excel's fixed decimals would write "3.0" beside "1.5", where Vega writes "3"; "General"
    // writes each as it is, and has nothing to group below 1,000.
    expect(await formats([3, 1.5, 12])).toMatchObject({ values: 'General' });
    expect(await formats([-3, 1.5])).toMatchObject({ values: 'General' });
    expect(await formats([1500, 2.5])).toMatchObject({ values: '#,##0.0' });
  });

  it('reads each mark of a chart with a series per colour into its alt text', async () => {
    // A grouped chart has no native form: its alt text held only the template's words.
    const grouped = {
      data: { name: 'rows' },
      mark: 'bar',
      encoding: {
        x: { field: 'crop', type: 'nominal', sort: null },
        xOffset: { field: 'year', type: 'nominal' },
        y: { field: 'kg', type: 'quantitative' },
        color: { field: 'year', type: 'nominal' },
      },
    };
    const rows = [
      { crop: 'Beans', year: '2024', kg: 71 },
      { crop: 'Herbs', year: '2024', kg: 38 },
      { crop: 'Beans', year: '2025', kg: 80.5 },
      { crop: 'Herbs', year: '2025', kg: 41 },
    ];
    const alt = async (spec: Record<string, unknown>) =>
      (await renderChart({ ...request(spec), data: { rows } })).alt;
    expect(await alt(grouped)).toBe(
      'Test chart. Beans (2024): 71; Beans (2025): 80.5; Herbs (2024): 38; Herbs (2025): 41.',
    );
    // Values Vega computes (a sum per crop) are not in the rows: the alt text stays the words.
    const summed = {
      ...grouped,
      encoding: { ...grouped.encoding, y: { aggregate: 'sum', field: 'kg', type: 'quantitative' } },
    };
    expect(await alt(summed)).toBe('Test chart.');
  });

  it('keeps value labels past the longest bar inside the chart', async () => {
    // Vega's fit leaves room for axes, not for a label drawn beyond the plot: "24.310" at the
    // end of the longest bar ran 11 px off a 624 px chart, and the PDF cut it.
    const fonts = loadFontSet('carlito');
    await useChartFonts(fonts);
    const rows = [
      { g: 'Novels and short stories of every kind', v: 24310 },
      { g: 'Children', v: 21980 },
      { g: 'Young adult', v: 12450 },
    ];
    const spec = {
      data: { name: 'rows' },
      encoding: {
        y: { field: 'g', type: 'nominal', sort: null },
        x: { field: 'v', type: 'quantitative' },
      },
      layer: [
        { mark: 'bar' },
        {
          mark: { type: 'text', align: 'left', dx: 3 },
          encoding: { text: { field: 'v', type: 'quantitative' } },
        },
      ],
    };
    const config = { font: fonts.chartFamily, text: { fontSize: 14 }, axis: { labelFontSize: 14 } };
    const chart = await renderChart({
      ...request(spec),
      data: { rows },
      width: 624,
      height: 362,
      config,
    });
    // Each number's right edge in the picture: the translates of its groups added up, then
    // its width past its anchor.
    const ends: number[] = [];
    const walk = (node: XmlNode, x: number) => {
      const moved = /translate\(([-\d.]+)/.exec(node.attrs.transform ?? '');
      const at = x + Number(moved?.[1] ?? 0);
      if (node.name === 'text' && /^[\d,.]+$/.test(node.text)) {
        const size = Number.parseFloat(node.attrs['font-size'] ?? '11');
        const width = textWidth(node.text, fonts, 'regular', size);
        const anchor = { middle: 0.5, end: 1 }[node.attrs['text-anchor'] ?? ''] ?? 0;
        ends.push(at + width * (1 - anchor));
      }
      for (const child of node.children) walk(child, at);
    };
    walk(parseXml(chart.svg), 0);
    expect(ends.length).toBeGreaterThan(3);
    expect(Math.max(...ends)).toBeLessThanOrEqual(624);
  });

  it('spaces native bars as Vega spaces its bands', async () => {
    const gap = async (spec: Record<string, unknown>) => (await renderChart(request(spec))).native;
    expect(await gap(bar)).toMatchObject({ barGap: 11 });
    const padded = { ...bar.encoding.x, scale: { paddingInner: 0.5 } };
    expect(await gap({ ...bar, encoding: { ...bar.encoding, x: padded } })).toMatchObject({
      barGap: 100,
    });
    expect(await gap({ ...bar, mark: 'line' })).toMatchObject({ barGap: null });
  });

  it('grows, when asked, until the bands of a discrete y axis are a step high', async () => {
    // 24 bars in a 200 pt chart left 6 pt a bar: their labels ran into each other.
    const sideways = {
      ...bar,
      encoding: { y: { field: 'k', type: 'nominal' }, x: { field: 'v', type: 'quantitative' } },
    };
    const rows = (n: number) => ({
      rows: Array.from({ length: n }, (_, i) => ({ k: `K${i}`, v: i })),
    });
    const drawn = (n: number, spec: Record<string, unknown>, maxHeight = 700) =>
      renderChart({ ...request(spec), data: rows(n), grow: { maxHeight, step: 15 } });
    const band = (svg: string) =>
      [
        ...svg.matchAll(
          /<path aria-label="v: [^"]*" role="graphics-symbol"[^>]* d="M[\d.-]+,([\d.-]+)/g,
        ),
      ]
        .map((m) => Number(m[1]))
        .slice(0, 2);

    const long = await drawn(24, sideways);
    expect(long.height).toBeGreaterThan(24 * 15);
    expect(long.svg).toContain(`height="${long.height}"`);
    const [first = 0, second = 0] = band(long.svg);
    expect(second - first).toBeGreaterThanOrEqual(15 - 0.01);
    // A short list has room already; bars standing on the x axis need none; nor without grow.
    expect((await drawn(3, sideways)).height).toBe(200);
    expect((await drawn(24, bar)).height).toBe(200);
    expect((await renderChart({ ...request(sideways), data: rows(24) })).height).toBe(200);
    // No taller than allowed.
    expect((await drawn(60, sideways, 400)).height).toBe(400);
    // A pie has no y scale at all: it keeps its height (Vega's view.scale('y') threw).
    expect((await drawn(24, rowsPie)).height).toBe(200);
  });

  it('applies filter and calculate transforms through the interpreter', async () => {
    const chart = await renderChart(
      request({
        ...bar,
        transform: [{ filter: 'datum.v > 1' }, { calculate: "upper(datum.k) + '!'", as: 'label' }],
        encoding: { ...bar.encoding, x: { field: 'label', type: 'nominal' } },
      }),
    );
    expect(chart.native?.labels).toEqual(['A!', 'B!']);
  });

  it('labels values natively only when the spec labels its marks with them', async () => {
    const labelled = {
      ...bar,
      mark: undefined,
      layer: [
        { mark: 'bar' },
        { mark: 'text', encoding: { text: { field: 'v', type: 'quantitative' } } },
      ],
    };
    expect((await renderChart(request(labelled))).native?.showValues).toBe(true);
    const qualified = {
      ...labelled,
      transform: [{ calculate: "'about ' + datum.v", as: 'label' }],
      layer: [
        { mark: 'bar' },
        { mark: 'text', encoding: { text: { field: 'label', type: 'nominal' } } },
      ],
    };
    const chart = await renderChart(request(qualified));
    expect(chart.native).toMatchObject({
      showValues: false,
      labels: ['A (about 3)', 'B (about 1.5)', 'C (about 0)'],
    });
    expect(chart.alt).toBe('Test chart. A (about 3); B (about 1.5); C (about 0).');
  });

  it('draws a spec that formats its axis or value labels as a picture: native numbers read "General"', async () => {
    // Vega wrote 50% and 3.0 where the deck wrote 0.5 and 3; a labelExpr renamed categories
    // the deck showed as they are.
    const native = async (spec: Record<string, unknown>) =>
      (await renderChart(request(spec))).native;
    const axis = (channel: 'x' | 'y', axisDef: unknown) => ({
      ...bar,
      encoding: { ...bar.encoding, [channel]: { ...bar.encoding[channel], axis: axisDef } },
    });
    expect(await native(axis('y', { format: '.0%' }))).toBeNull();
    expect(await native(axis('y', { format: '$,.2f', formatType: 'number' }))).toBeNull();
    expect(await native(axis('x', { labelExpr: "'Group ' + datum.label" }))).toBeNull();
    expect(await native(axis('y', { labelAngle: 0, grid: false }))).not.toBeNull();
    const labelled = (text: Record<string, unknown>) => ({
      ...bar,
      layer: [
        { mark: 'bar' },
        { mark: 'text', encoding: { text: { field: 'v', type: 'quantitative', ...text } } },
      ],
    });
    expect(await native(labelled({ format: '.1f' }))).toBeNull();
    expect(await native(labelled({}))).toMatchObject({ showValues: true });
  });

  it('draws a pie whose legend formats or rewrites its labels as a picture', async () => {
    // The native legend listed the categories as they are, where Vega's read otherwise.
    const legend = async (legendDef: unknown) =>
      (
        await renderChart(
          request({
            ...rowsPie,
            encoding: {
              ...rowsPie.encoding,
              color: { ...rowsPie.encoding.color, legend: legendDef },
            },
          }),
        )
      ).native;
    expect(await legend({ labelExpr: "'Group ' + datum.label" })).toBeNull();
    expect(await legend({ format: '.0%' })).toBeNull();
    expect(await legend({ format: '%b', formatType: 'time' })).toBeNull();
    expect(await legend({ title: 'Groups', orient: 'bottom' })).toMatchObject({ legend: true });
  });

  it("titles and hides the native axes as Vega's axes are: the axis's own title first", async () => {
    // Vega titles an axis by `axis.title` over the field's title, and draws none for
    // `"axis": null`; the deck showed the field's name and both axes whatever the spec said.
    const native = async (x: unknown, y: unknown) =>
      (await renderChart(request({ ...bar, encoding: { x, y } }))).native;
    const k = bar.encoding.x;
    const v = bar.encoding.y;
    expect(
      await native({ ...k, axis: { title: 'Group' } }, { ...v, axis: { title: null } }),
    ).toMatchObject({
      categoryTitle: 'Group',
      valueTitle: null,
      axes: { category: true, value: true },
    });
    expect(await native({ ...k, axis: null }, v)).toMatchObject({
      categoryTitle: null,
      valueTitle: 'Value',
      axes: { category: false, value: true },
    });
    expect(await native(k, { ...v, axis: null })).toMatchObject({
      valueTitle: null,
      axes: { category: true, value: false },
    });
  });

  it('repeats a value in the alt text unless its label already shows that number', async () => {
    const months = {
      months: [
        { k: '2025-01', v: 202 },
        { k: '202 visits', v: 202 },
      ],
    };
    const spec = { ...bar, data: { name: 'months' } };
    const chart = await renderChart({ ...request(spec), data: months });
    expect(chart.alt).toBe('Test chart. 202 visits; 2025-01: 202.');
  });

  it('reads titles written as lists of lines, or as objects, as one line of text', async () => {
    const lines = await renderChart({
      ...request({
        ...bar,
        title: { text: ['Values', 'by key'], subtitle: 'ignored' },
        encoding: {
          x: { field: 'k', type: 'nominal', title: ['Key', 'name'] },
          y: { field: 'v', type: 'quantitative', title: ['Value', '(units)'] },
        },
      }),
      alt: '',
    });
    expect(lines.native).toMatchObject({
      categoryTitle: 'Key name',
      valueTitle: 'Value (units)',
      series: [{ name: 'Value (units)' }],
    });
    expect(lines.alt).toBe('Values by key. A: 3; B: 1.5; C: 0.');
    const listed = await renderChart({ ...request({ ...bar, title: ['Two', 'lines'] }), alt: '' });
    expect(listed.alt).toMatch(/^Two lines\. /);
    const untitled = await renderChart({ ...request(bar), alt: '' });
    expect(untitled.alt).toMatch(/^Chart\. /);
  });

  it('draws random() the same every time, whatever was drawn before in the process', async () => {
    const noise = {
      data: { name: 'rows' },
      transform: [{ calculate: 'random()', as: 'noise' }],
      mark: 'text',
      encoding: { y: { field: 'k', type: 'nominal' }, text: { field: 'noise', format: '.6f' } },
    };
    const first = await renderChart(request(noise));
    const second = await renderChart(request(noise));
    expect(first.svg).toMatch(/>0\.\d{6}</);
    expect(second.svg).toBe(first.svg);
  });

  it("joins the alt text with the template's own words and punctuation, English without them", async () => {
    const zh = chartWording({
      chart: '图表',
      colon: '：',
      list_separator: '；',
      sentence_end: '。',
    });
    const chart = await renderChart({ ...request(bar), alt: '条形图。', wording: zh });
    expect(chart.alt).toBe('条形图。A：3；B：1.5；C：0。');
    const untitled = await renderChart({ ...request(bar), alt: '', wording: zh });
    expect(untitled.alt).toBe('图表。A：3；B：1.5；C：0。');
    expect(chartWording({ colon: ' : ' })).toEqual({
      chart: 'Chart',
      colon: ' : ',
      listSeparator: '; ',
      sentenceEnd: '. ',
      parenOpen: ' (',
      parenClose: ')',
    });
  });

  it('maps scatter plots only when x is numeric', async () => {
    const chart = await renderChart({
      ...request(scatter),
      data: {
        points: [
          { x: 1, y: 2 },
          { x: 3, y: 5 },
        ],
      },
    });
    expect(chart.native).toMatchObject({
      type: 'scatter',
      labels: ['1', '3'],
      series: [{ values: [2, 5] }],
    });
  });

  it("says a scatter chart's x values in the report's locale, as its axis writes them", async () => {
    // A German alt text read "0.75: 31; 1.5: 68" while the PDFs' axis reads 0,75 and 1,5.
    const points = [
      { x: 0.75, y: 31 },
      { x: 1500.5, y: 1200 },
    ];
    const chart = await renderChart({ ...request(scatter), data: { points }, locale: 'de-DE' });
    expect(chart.alt).toBe('Test chart. 0,75: 31; 1.500,5: 1.200.');
    // The deck's scatter chart still gets its x values as numbers.
    expect(chart.native?.labels.map(Number)).toEqual([0.75, 1500.5]);
  });

  it('gives a pie its slices in the order and colours Vega draws them', async () => {
    // Vega-Lite stacks slices by the colour field's values, whatever the rows' order, and
    // colours them by the domain (here the rows' order): the deck drew the rows' order in
    // the palette's order, so its pie matched neither.
    const pie = {
      data: { name: 'uses' },
      mark: 'arc',
      encoding: {
        theta: { field: 'share', type: 'quantitative' },
        color: { field: 'use', type: 'nominal', sort: null },
      },
    };
    const chart = await renderChart({
      ...request(pie),
      config: { range: { category: ['#111111', '#222222', '#333333'] } },
      data: {
        uses: [
          { use: 'Kitchen', share: 5 },
          { use: 'Families', share: 3 },
          { use: 'Compost', share: 2 },
        ],
      },
    });
    expect(chart.native).toMatchObject({
      type: 'pie',
      labels: ['Compost', 'Families', 'Kitchen'],
      series: [{ values: [2, 3, 5] }],
      colors: ['333333', '222222', '111111'],
    });
  });

  it('gives slices the colours a spec names in CSS, and draws colours a native slice cannot wear as a picture', async () => {
    // Vega fills a slice with the colour as the spec writes it ("red"); the deck read only
    // hex colours and gave such a pie the theme's palette instead.
    const colors = async (range: unknown) => {
      const color = { ...rowsPie.encoding.color, scale: { range } };
      const spec = { ...rowsPie, encoding: { ...rowsPie.encoding, color } };
      return (await renderChart(request(spec))).native?.colors;
    };
    expect(await colors(['red', 'steelblue', 'rgb(0, 128, 0)'])).toEqual([
      'FF0000',
      '4682B4',
      '008000',
    ]);
    expect(await colors(['hsl(0, 100%, 25%)', '#abc', '#123456'])).toEqual([
      '800000',
      'AABBCC',
      '123456',
    ]);
    // A see-through slice shows the slide through it; an opaque native one would not.
    expect(await colors(['rgba(255, 0, 0, 0.5)', 'blue', 'green'])).toBeUndefined();
  });

  it('draws a single series in the colour Vega draws it, and a series of several colours as a picture', async () => {
    // The deck gave every series the palette's first colour, whatever colour the spec named.
    const colors = async (mark: unknown, color?: unknown) => {
      const encoding = color ? { ...bar.encoding, color } : bar.encoding;
      return (await renderChart(request({ ...bar, mark, encoding }))).native?.colors;
    };
    expect(await colors({ type: 'bar', color: 'firebrick' })).toEqual(['B22222']);
    expect(await colors('bar', { value: 'red' })).toEqual(['FF0000']);
    expect(await colors({ type: 'line', color: 'steelblue' })).toEqual(['4682B4']);
    expect(await colors({ type: 'area', color: '#123456' })).toEqual(['123456']);
    // Points are hollow (drawn by their stroke) unless filled.
    const pointColors = async (mark: unknown) => {
      const encoding = { ...bar.encoding, x: { field: 'v', type: 'quantitative' } };
      return (await renderChart(request({ ...bar, mark, encoding }))).native?.colors;
    };
    expect(await pointColors({ type: 'point', color: 'green' })).toEqual(['008000']);
    expect(await pointColors({ type: 'point', color: 'green', filled: true })).toEqual(['008000']);
    expect(await colors('bar')).toEqual(['4C78A8']);
    // One bar picked out in another colour: a native series has one colour for all.
    const highlight = { condition: { test: "datum.k === 'B'", value: 'red' }, value: 'grey' };
    expect(await colors('bar', highlight)).toBeUndefined();
  });

  it('gives a pie a legend only where Vega draws one', async () => {
    // The deck gave every pie a legend, also where the spec says `"legend": null`.
    const legend = async (color: Record<string, unknown>) => {
      const spec = {
        ...rowsPie,
        encoding: { ...rowsPie.encoding, color: { ...rowsPie.encoding.color, ...color } },
      };
      return (await renderChart(request(spec))).native?.legend;
    };
    expect(await legend({})).toBe(true);
    expect(await legend({ legend: null })).toBe(false);
    expect((await renderChart(request(bar))).native?.legend).toBe(false);
  });

  it('keeps a slice of zero where Vega stacks it, not before the slice ending there', async () => {
    // Vega-Lite gives each slice startAngle = where it ends and endAngle = where it starts:
    // a slice of zero ties with the slice before it on startAngle alone.
    const chart = await renderChart({
      ...request(rowsPie),
      config: { range: { category: ['#111111', '#222222', '#333333', '#444444'] } },
      data: {
        rows: [
          { k: 'D', v: 3 },
          { k: 'B', v: 0 },
          { k: 'A', v: 2 },
          { k: 'C', v: 0 },
        ],
      },
    });
    expect(chart.native).toMatchObject({
      labels: ['A', 'B', 'C', 'D'],
      series: [{ values: [2, 0, 0, 3] }],
      colors: ['111111', '222222', '333333', '444444'],
    });
  });

  it("lists categories in the order Vega draws them along the axis, not the rows' order", async () => {
    // Vega sorts a nominal axis (ascending by default, or as `sort` says); the deck listed
    // the rows as they came, so its bars stood in another order than the PDF's.
    const rows = [
      { k: 'C', v: 3, o: 1 },
      { k: 'A', v: 4, o: 3 },
      { k: 'B', v: 1, o: 2 },
    ];
    const sorted = async (sort: unknown, horizontal = false) => {
      const k = { field: 'k', type: 'nominal', ...(sort === undefined ? {} : { sort }) };
      const v = { field: 'v', type: 'quantitative' };
      const encoding = horizontal ? { y: k, x: v } : { x: k, y: v };
      const chart = await renderChart({ ...request({ ...bar, encoding }), data: { rows } });
      return [chart.native?.labels, chart.native?.series[0]?.values];
    };
    expect(await sorted(undefined)).toEqual([
      ['A', 'B', 'C'],
      [4, 1, 3],
    ]);
    expect(await sorted('-y')).toEqual([
      ['A', 'C', 'B'],
      [4, 3, 1],
    ]);
    expect(await sorted(['B', 'C', 'A'])).toEqual([
      ['B', 'C', 'A'],
      [1, 3, 4],
    ]);
    expect(await sorted({ field: 'o' })).toEqual([
      ['C', 'B', 'A'],
      [3, 1, 4],
    ]);
    expect(await sorted('-x', true)).toEqual([
      ['A', 'C', 'B'],
      [4, 3, 1],
    ]);
    expect(await sorted(null)).toEqual([
      ['C', 'A', 'B'],
      [3, 4, 1],
    ]);
  });

  it('draws a missing value as a picture, never as a native 0', async () => {
    // Vega leaves a gap where a line's or area's value is null; Number(null) is 0, so the
    // deck drew the line down to zero and the alt text read "B: 0".
    const gappy = {
      rows: [
        { k: 'A', v: 3 },
        { k: 'B', v: null },
        { k: 'C', v: 2 },
      ],
    };
    for (const mark of ['line', 'area']) {
      const chart = await renderChart({ ...request({ ...bar, mark }), data: gappy });
      expect(chart.native).toBeNull();
      expect(chart.alt).toBe('Test chart.');
    }
    // Text that reads as a number is drawn as that number, by Vega and natively; text that
    // does not ("n/a") is named, with null as the way to leave a gap.
    const texts = {
      rows: [
        { k: 'A', v: '12' },
        { k: 'B', v: 'n/a' },
        { k: 'C', v: 2 },
      ],
    };
    const [problem] = (await chartErrorOf({ ...request(bar), data: texts })).diagnostics;
    expect(problem?.place?.path).toBe('rows[1].v');
    expect(problem?.hint).toContain('null');
    texts.rows.splice(1, 1);
    const bars = await renderChart({ ...request(bar), data: texts });
    expect(bars.native).toMatchObject({ labels: ['A', 'C'], series: [{ values: [12, 2] }] });
  });

  it('draws a repeated category as a picture: Vega stacks its rows in one bar, or colours two slices alike', async () => {
    const twice = {
      rows: [
        { k: 'A', v: 3 },
        { k: 'A', v: 4 },
        { k: 'B', v: 1 },
      ],
    };
    for (const mark of ['bar', 'line', 'area']) {
      const chart = await renderChart({ ...request({ ...bar, mark }), data: twice });
      expect(chart.native).toBeNull();
    }
    // Vega draws two slices of one colour; a native pie would show two slices of one name.
    for (const mark of ['arc', { type: 'arc', innerRadius: 40 }]) {
      const chart = await renderChart({ ...request({ ...rowsPie, mark }), data: twice });
      expect(chart.native).toBeNull();
    }
  });

  it('draws dates and numbers along the category axis as a picture: Vega spaces them by value', async () => {
    // A native category axis spaces its labels evenly, and showed dates as milliseconds.
    const dated = {
      rows: [
        { k: '2025-01-01', v: 1 },
        { k: '2025-02-01', v: 2 },
        { k: '2025-06-01', v: 2 },
      ],
    };
    const years = {
      rows: [
        { k: 2019, v: 1 },
        { k: 2020, v: 2 },
        { k: 2024, v: 2 },
      ],
    };
    for (const [type, rows] of [
      ['temporal', dated],
      ['quantitative', years],
    ] as const) {
      const encoding = { ...bar.encoding, x: { field: 'k', type } };
      for (const mark of ['bar', 'line', 'area']) {
        const chart = await renderChart({ ...request({ ...bar, mark, encoding }), data: rows });
        expect(chart.native).toBeNull();
      }
    }
    const ordinal = { ...bar.encoding, x: { field: 'k', type: 'ordinal' } };
    expect((await renderChart(request({ ...bar, encoding: ordinal }))).native).not.toBeNull();
  });

  it("gives the native value axis Vega's range, cut short or not, and draws other scales as a picture", async () => {
    // PowerPoint picks its own range: it started a line of 95 and 97 near 94 where Vega
    // starts at 0, and ignored a spec's domain or `zero: false`.
    const high = {
      rows: [
        { k: 'A', v: 95 },
        { k: 'B', v: 97 },
      ],
    };
    const range = async (scale: unknown, mark = 'line') => {
      const y = { field: 'v', type: 'quantitative', ...(scale ? { scale } : {}) };
      const spec = { ...bar, mark, encoding: { ...bar.encoding, y } };
      return (await renderChart({ ...request(spec), data: high })).native?.valueRange;
    };
    expect(await range(null)).toEqual([0, 100]);
    expect(await range({ zero: false })).toEqual([95, 97]);
    expect(await range({ domain: [0, 200] }, 'bar')).toEqual([0, 200]);
    const horizontal = await renderChart(
      request({
        ...bar,
        encoding: { y: bar.encoding.x, x: { ...bar.encoding.y, scale: { domain: [0, 8] } } },
      }),
    );
    expect(horizontal.native?.valueRange).toEqual([0, 8]);
    expect(await range({ reverse: true }, 'bar')).toBeUndefined();
    expect(await range({ type: 'sqrt' }, 'bar')).toBeUndefined();
  });

  it("starts a native value axis on one of Vega's ticks, so 0 is labelled", async () => {
    // PowerPoint counts ticks up from the axis' low end: Vega's nice domain of -100 to 900
    // with ticks 200 apart was labelled -100, 100, …, 900, with no 0.
    const range = async (values: number[]) => {
      const rows = values.map((v, i) => ({ k: String.fromCharCode(65 + i), v }));
      const drawn = await renderChart({ ...request(bar), data: { rows } });
      return [drawn.native?.valueRange, drawn.native?.numberFormats.axisStep];
    };
    expect(await range([867.5, -12.5])).toEqual([[-200, 900], 200]);
    expect(await range([0.85, -0.25])).toEqual([[-0.4, 0.9], 0.2]);
    // Vega's ticks all-negative run -800, -600, …, 0: counted from -900, none would be 0.
    expect(await range([-867.5, -83.92])).toEqual([[-1000, 0], 200]);
    // A low end on a tick already stays.
    expect(await range([867.5, 83.92])).toEqual([[0, 900], 200]);
  });

  it('draws a value beyond a fixed value axis as a picture: a native axis would cut it short', async () => {
    // Vega draws a bar of 130 past an axis fixed at 0 to 100 (or clips it, as the spec says);
    // PowerPoint stopped the bar at 100 and LibreOffice drew it off the chart.
    const beyond = async (scale: unknown, values: number[], mark = 'bar') => {
      const y = { field: 'v', type: 'quantitative', scale };
      const spec = { ...bar, mark, encoding: { ...bar.encoding, y } };
      const rows = values.map((v, i) => ({ k: String.fromCharCode(65 + i), v }));
      return (await renderChart({ ...request(spec), data: { rows } })).native;
    };
    for (const mark of ['bar', 'line', 'area']) {
      expect(await beyond({ domain: [0, 100] }, [40, 130, 70], mark)).toBeNull();
      expect(await beyond({ domain: [0, 100] }, [40, -5, 70], mark)).toBeNull();
    }
    expect(await beyond({ domain: [50, 100] }, [60, 40], 'line')).toBeNull();
    expect(await beyond({ domain: [0, 100] }, [0, 100, 70])).toMatchObject({
      valueRange: [0, 100],
      series: [{ values: [0, 100, 70] }],
    });
    const horizontal = await renderChart(
      request({
        ...bar,
        encoding: { y: bar.encoding.x, x: { ...bar.encoding.y, scale: { domain: [0, 2] } } },
      }),
    );
    expect(horizontal.native).toBeNull();
  });

  it('says dates along the axis as dates in the alt text, only as precise as they are', async () => {
    const line = (x: Record<string, unknown>) => ({
      ...bar,
      mark: 'line',
      encoding: { x: { field: 'k', ...x }, y: bar.encoding.y },
    });
    const dated = async (ks: unknown[], locale = 'en-US', x = { type: 'temporal' }) => {
      const rows = ks.map((k, i) => ({ k, v: i + 1 }));
      return renderChart({ ...request(line(x)), data: { rows }, locale });
    };
    // Spaced by date in Vega, so a picture in the deck: its alt text still reads the months.
    const months = await dated(['2025-03-01', '2025-04-01']);
    expect(months.native).toBeNull();
    expect(months.alt).toBe('Test chart. March 2025: 1; April 2025: 2.');
    expect((await dated(['2025-03-01', '2025-04-01'], 'de-DE')).alt).toBe(
      'Test chart. März 2025: 1; April 2025: 2.',
    );
    expect((await dated(['2024-01-01', '2025-01-01'], 'en-US', { type: 'T' })).alt).toBe(
      'Test chart. 2024: 1; 2025: 2.',
    );
    expect((await dated(['2025-03-01', '2025-03-15'])).alt).toBe(
      'Test chart. March 1, 2025: 1; March 15, 2025: 2.',
    );
  });

  it('reads the values out in the alt text of a chart the deck draws as its picture', async () => {
    // Beyond its fixed axis, so a picture: screen readers still get every number.
    const y = { field: 'v', type: 'quantitative', scale: { domain: [0, 100] } };
    const rows = [
      { k: 'A', v: 40 },
      { k: 'B', v: 130 },
    ];
    const chart = await renderChart({
      ...request({ ...bar, encoding: { ...bar.encoding, y } }),
      data: { rows },
    });
    expect(chart.native).toBeNull();
    expect(chart.alt).toBe('Test chart. A: 40; B: 130.');
  });

  it('falls back to an image for specs PowerPoint cannot draw natively', async () => {
    const chart = await renderChart(
      request({
        ...bar,
        encoding: { ...bar.encoding, y: { aggregate: 'sum', field: 'v', type: 'quantitative' } },
      }),
    );
    expect(chart.native).toBeNull();
  });

  it('draws a spec as a picture when it encodes something a native chart would leave out', async () => {
    // The deck dropped these channels: bars from 0 where Vega draws them from y2, equal
    // points where Vega sizes them, one line where `detail` draws several, a pie for a
    // radial chart, a line joined in another order than Vega's.
    const ranges = { ...data, rows: data.rows.map((r) => ({ ...r, lo: 0.5, n: r.k })) };
    const picture = async (spec: Record<string, unknown>) =>
      (await renderChart({ ...request(spec), data: ranges })).native;
    const withChannel = (channel: Record<string, unknown>, mark: unknown = 'bar') => ({
      ...bar,
      mark,
      encoding: { ...bar.encoding, ...channel },
    });
    expect(await picture(withChannel({ y2: { field: 'lo' } }))).toBeNull();
    expect(await picture(withChannel({ y2: { value: 50 } }))).toBeNull();
    expect(await picture(withChannel({ xOffset: { field: 'n', type: 'nominal' } }))).toBeNull();
    expect(await picture(withChannel({ fill: { field: 'n', type: 'nominal' } }))).toBeNull();
    expect(await picture(withChannel({ detail: { field: 'n' } }, 'line'))).toBeNull();
    expect(await picture(withChannel({ order: { field: 'v' } }, 'line'))).toBeNull();
    expect(
      await picture({
        ...bar,
        mark: 'point',
        encoding: {
          x: { field: 'lo', type: 'quantitative' },
          y: bar.encoding.y,
          size: { field: 'v', type: 'quantitative' },
        },
      }),
    ).toBeNull();
    const radial = { ...rowsPie.encoding, radius: { field: 'v', type: 'quantitative' } };
    expect(await picture({ ...rowsPie, encoding: radial })).toBeNull();
    // Tooltips and descriptions change nothing a slide shows.
    const quiet = { tooltip: { field: 'v' }, description: { field: 'k' } };
    expect(await picture(withChannel(quiet))).not.toBeNull();
    expect(
      await picture({ ...rowsPie, encoding: { ...rowsPie.encoding, order: { field: 'v' } } }),
    ).not.toBeNull();
  });

  it('refuses data URLs, naming the chart file', async () => {
    const error = await chartError({ ...bar, data: { url: '/etc/passwd' } });
    expect(error.diagnostics[0]?.place?.file).toBe('charts/test.vl.json');
    expect(error.message).toContain('data.url');
  });

  it('refuses image marks', async () => {
    expect((await chartError({ ...bar, mark: 'image' })).code).toBe('chart-refused');
  });

  it('names a misspelt field, with the fields the rows have', async () => {
    for (const spec of [
      { ...bar, encoding: { ...bar.encoding, y: { field: 'valeu', type: 'quantitative' } } },
      // A text field draws "undefined" without a single Vega warning.
      {
        data: bar.data,
        encoding: bar.encoding,
        layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: 'lable' } } }],
      },
    ]) {
      const [problem] = (await chartError(spec)).diagnostics;
      expect(problem?.code).toBe('chart-data');
      expect(problem?.message).toMatch(/field "(valeu|lable)" is not in "rows"/);
      expect(problem?.hint).toBe('Fields of rows: k, v.');
    }
  });

  it('names a value in the text that reads as no number or date, which Vega would leave out', async () => {
    // Vega drew these without a word: a line that skipped a month, a bar chart short a bar.
    const monthly = [
      { month: '2025-01-01', riders: 1423500 },
      { month: '2025-02-01', riders: '1,389,200' },
      { month: '2025-03-01', riders: 1512750 },
    ];
    const badDate = monthly.map((r, i) => (i === 2 ? { ...r, month: '2025-13-01' } : r));
    const line = (x: Record<string, unknown>) => ({
      data: { name: 'monthly' },
      mark: 'line',
      encoding: { x, y: { field: 'riders', type: 'quantitative' } },
    });
    const cases = [
      [
        line({ field: 'month', type: 'ordinal' }),
        monthly,
        'monthly[1].riders',
        '"1,389,200"',
        'number',
      ],
      [
        line({ field: 'month', type: 'temporal' }),
        monthly,
        'monthly[1].riders',
        '"1,389,200"',
        'number',
      ],
      [
        line({ field: 'month', type: 'temporal' }),
        badDate,
        'monthly[2].month',
        '"2025-13-01"',
        'date',
      ],
    ] as const;
    for (const [spec, rows, path, text, reads] of cases) {
      const error = await chartErrorOf({ ...request(spec), data: { monthly: rows } });
      const [problem] = error.diagnostics;
      expect(problem?.code).toBe('chart-data');
      expect(problem?.message).toBe(
        `Chart "test" cannot draw ${path}: the text ${text} does not read as a ${reads}, so the chart would leave it out.`,
      );
      expect(problem?.place?.path).toBe(path);
    }
  });

  it('still draws text that reads as a number, empty gaps and rows a filter drops', async () => {
    const rows = [
      { k: 'A', v: ' 3 ' },
      { k: 'B', v: '' },
      { k: 'C', v: 'n/a' },
    ];
    const spec = { ...bar, transform: [{ filter: { field: 'k', oneOf: ['A', 'B'] } }] };
    expect((await renderChart({ ...request(spec), data: { rows } })).svg).toContain('<svg');
  });

  it('names an unreadable value by its row in the data, past rows a filter drops', async () => {
    const rows = [
      { k: 'A', v: 'n/a' },
      { k: 'B', v: 1 },
      { k: 'C', v: '1,5' },
    ];
    const spec = { ...bar, transform: [{ filter: { field: 'k', oneOf: ['B', 'C'] } }] };
    const [problem] = (await chartErrorOf({ ...request(spec), data: { rows } })).diagnostics;
    expect(problem?.place?.path).toBe('rows[2].v');
    expect(problem?.message).toContain('rows[2].v: the text "1,5"');
  });

  it('does not check a layer that draws data of its own', async () => {
    const threshold = {
      data: bar.data,
      layer: [
        { mark: 'bar', encoding: bar.encoding },
        {
          data: { values: [{ y0: 2 }] },
          mark: 'rule',
          encoding: { y: { field: 'y0', type: 'quantitative' } },
        },
      ],
    };
    expect((await renderChart(request(threshold))).svg).toContain('<svg');
  });

  it('leaves fields made by transforms other than calculate to Vega', async () => {
    const folded = {
      data: { name: 'rows' },
      transform: [{ fold: ['v'] }],
      mark: 'bar',
      encoding: {
        x: { field: 'key', type: 'nominal' },
        y: { field: 'value', type: 'quantitative', aggregate: 'sum' },
      },
    };
    expect((await renderChart(request(folded))).svg).toContain('<svg');
  });

  it('draws ordinary specs whose expressions read members, through the expression guard', async () => {
    const dated = [
      { k: 'A', v: 3, d: '2025-01-15', list: [1, 2] },
      { k: 'B', v: 1.5, d: '2025-02-15', list: [3] },
    ];
    const specs = [
      {
        mark: 'bar',
        encoding: {
          x: { field: 'd', timeUnit: 'month', type: 'ordinal' },
          y: { field: 'v', aggregate: 'sum' },
        },
      },
      { mark: 'bar', encoding: { x: { field: 'v', bin: true }, y: { aggregate: 'count' } } },
      {
        transform: [
          { calculate: "datum.list[0] + length(datum.list) + length(datum['k'])", as: 'n' },
        ],
        mark: 'point',
        encoding: {
          x: { field: 'n', type: 'quantitative' },
          y: { field: 'v', type: 'quantitative' },
        },
      },
      {
        transform: [{ fold: ['v'] }, { window: [{ op: 'rank', as: 'r' }] }],
        mark: 'bar',
        encoding: {
          x: { field: 'key' },
          y: { field: 'value', aggregate: 'max' },
          color: { condition: { test: 'datum.r > 1', value: 'red' }, value: 'blue' },
        },
      },
      {
        mark: 'arc',
        encoding: {
          theta: { field: 'v', type: 'quantitative' },
          color: { field: 'k' },
          tooltip: [{ field: 'k' }, { field: 'v' }],
        },
      },
    ];
    for (const spec of specs) {
      const chart = await renderChart({
        ...request({ data: { name: 'rows' }, ...spec }),
        data: { rows: dated },
      });
      expect(chart.svg, JSON.stringify(spec)).toContain('<svg');
    }
  });

  it('names an unknown mark where the spec file writes it', () => {
    const text =
      '{\n  "data": {"name": "rows"},\n  "layer": [\n    {"mark": {"type": "barr"}}\n  ]\n}\n';
    const doc = readSource('charts/typo.vl.json', text);
    const spec = doc.value as Record<string, unknown>;
    const error = catchError(() =>
      guardSpec({ name: 'typo', file: doc.file, spec, locate: doc.locate }),
    );
    expect(error.diagnostics).toEqual([
      expect.objectContaining({
        code: 'chart-compile',
        message: expect.stringContaining('unknown mark "barr" at "layer[0].mark"'),
        place: { file: 'charts/typo.vl.json', line: 4, column: 14, path: 'layer[0].mark' },
      }),
    ]);
  });

  it('refuses a gradient at an angle where the spec writes it, and draws one across or down', async () => {
    const gradient = (x2: number, y2: number) => ({
      gradient: 'linear',
      x1: 0,
      y1: 0,
      x2,
      y2,
      stops: [
        { offset: 0, color: 'red' },
        { offset: 1, color: 'blue' },
      ],
    });
    const text = `{\n  "data": {"name": "rows"},\n  "mark": {"type": "bar", "color": ${JSON.stringify(gradient(1, 1))}},\n  "encoding": {"x": {"field": "k"}, "y": {"field": "v", "type": "quantitative"}}\n}\n`;
    const doc = readSource('charts/angled.vl.json', text);
    const spec = doc.value as Record<string, unknown>;
    const error = catchError(() =>
      guardSpec({ name: 'angled', file: doc.file, spec, locate: doc.locate }),
    );
    expect(error.diagnostics).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('the gradient at "mark.color" runs at an angle'),
        place: expect.objectContaining({ file: 'charts/angled.vl.json', line: 3 }),
      }),
    ]);
    for (const [x2, y2] of [
      [1, 0],
      [0, 1],
    ] as const) {
      const mark = { type: 'bar', color: gradient(x2, y2) };
      const chart = await renderChart(request({ ...bar, mark }));
      const paints = chart.drawing.ops.flatMap((op) => (op.op === 'fill' ? [op.paint] : []));
      expect(paints.filter((p) => 'gradient' in p)).toHaveLength(3);
    }
  });

  it('names a misspelt field type where the spec file writes it', () => {
    const text =
      '{\n  "mark": "bar",\n  "encoding": {\n    "x": {"field": "k", "type": "nominal"},\n    "y": {"field": "v", "type": "quantitativ"},\n    "tooltip": [{"field": "v", "type": "nominl"}]\n  }\n}\n';
    const doc = readSource('charts/typo.vl.json', text);
    const spec = doc.value as Record<string, unknown>;
    const guard = (s: Record<string, unknown>) =>
      catchError(() => guardSpec({ name: 'typo', file: doc.file, spec: s, locate: doc.locate }));
    expect(guard(spec).diagnostics).toEqual([
      expect.objectContaining({
        code: 'chart-compile',
        message: expect.stringContaining('unknown field type "quantitativ" at "encoding.y.type"'),
        place: { file: 'charts/typo.vl.json', line: 5, column: 33, path: 'encoding.y.type' },
      }),
    ]);
    const encoding = spec.encoding as Record<string, unknown>;
    const tooltip = guard({ ...spec, encoding: { ...encoding, y: encoding.x } });
    expect(tooltip.message).toContain('unknown field type "nominl" at "encoding.tooltip[0].type"');
  });

  it('takes the field types Vega-Lite takes: any case, or their first letter', async () => {
    // Vega-Lite reads "Q", "t", "Nominal" as the full type names.
    const shorthand = {
      ...bar,
      encoding: { x: { field: 'k', type: 'N' }, y: { field: 'v', type: 'Quantitative' } },
    };
    const chart = await renderChart(request(shorthand));
    expect(chart.native?.series).toEqual([{ name: 'v', values: [3, 1.5, 0] }]);
  });

  it('reads a short field type for the native chart as Vega-Lite does', async () => {
    // "N" on y makes Vega-Lite's bars horizontal; "T" on x spaces dates by value.
    const across = {
      ...bar,
      encoding: { y: { field: 'k', type: 'N' }, x: { field: 'v', type: 'q' } },
    };
    expect((await renderChart(request(across))).native?.direction).toBe('bar');
    const dated = {
      ...bar,
      mark: 'line',
      encoding: { x: { field: 'k', type: 'T' }, y: { field: 'v', type: 'Q' } },
    };
    const rows = [
      { k: '2025-01-01', v: 1 },
      { k: '2025-03-01', v: 2 },
    ];
    expect((await renderChart({ ...request(dated), data: { rows } })).native).toBeNull();
  });

  it('reads a value in a field typed "q" as a number, as Vega-Lite does', async () => {
    const typed = { ...bar, encoding: { ...bar.encoding, y: { field: 'v', type: 'q' } } };
    const rows = [{ k: 'A', v: '1,512,750' }];
    const error = await chartErrorOf({ ...request(typed), data: { rows } });
    expect(error.message).toContain('"1,512,750" does not read as a number');
  });

  it('names a missing dataset table', async () => {
    expect((await chartError({ ...bar, data: { name: 'nope' } })).message).toContain(
      'no list named "nope"',
    );
  });

  it('places a missing dataset table at its name in the spec, and lists the lists there are', async () => {
    const text = '{\n  "data": {"name": "row"},\n  "mark": "bar"\n}\n';
    const doc = readSource('charts/typo.vl.json', text);
    const spec = doc.value as Record<string, unknown>;
    const chart = { name: 'typo', file: doc.file, spec, locate: doc.locate };
    const error = await chartErrorOf({ ...request(bar), chart, data: { ...data, title: 'x' } });
    expect(error.diagnostics).toEqual([
      expect.objectContaining({
        code: 'chart-data',
        message: 'Chart "typo": the dataset has no list named "row".',
        hint: 'Lists in the dataset: rows.',
        place: { file: 'charts/typo.vl.json', line: 2, column: 20, path: 'data.name' },
      }),
    ]);
  });

  it.each([
    ['"fromat(datum.v, \',\')"', 'Unrecognized function: fromat'],
    ['"datum.v + vv"', 'Unrecognized signal name: "vv"'],
  ])(
    'places an expression naming what Vega does not know, %s, at its line',
    async (expr, message) => {
      // The name in a description and a field first: only an expression is where it is used.
      const text = `{\n  "description": "fromat (vv) is misspelt",\n  "data": {"name": "rows"},\n  "transform": [\n    {"calculate": "datum.v", "as": "vv"},\n    {"calculate": ${expr}, "as": "w"}\n  ],\n  "mark": "bar",\n  "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "w", "type": "quantitative"}}\n}\n`;
      const doc = readSource('charts/expr.vl.json', text);
      const chart = { name: 'expr', file: doc.file, spec: doc.value as never, locate: doc.locate };
      const error = await chartErrorOf({ ...request(bar), chart });
      expect(error.diagnostics[0]).toMatchObject({
        message: expect.stringContaining(message),
        place: { file: 'charts/expr.vl.json', line: 6, column: 19, path: 'transform[1].calculate' },
      });
    },
  );

  it.each([
    ['"dy": "x"', 'layer[1].mark.dy'],
    ['"dy": {"expr": "\'x\'"}', 'layer[1].mark.dy'],
    ['"fontSize": "12"', 'layer[1].mark.fontSize'],
  ])(
    'places a mark property that is no number, %s, where the spec writes it',
    async (property, path) => {
      // Vega-Lite passed it on unchecked, and Vega left every label out without a word.
      const text = `{\n  "data": {"name": "rows"},\n  "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}},\n  "layer": [\n    {"mark": "bar"},\n    {"mark": {"type": "text", ${property}}, "encoding": {"text": {"field": "v"}}}\n  ]\n}\n`;
      const doc = readSource('charts/typed.vl.json', text);
      const chart = { name: 'typed', file: doc.file, spec: doc.value as never, locate: doc.locate };
      const error = await chartErrorOf({ ...request(bar), chart });
      const name = path.split('.').at(-1);
      expect(error.diagnostics).toEqual([
        expect.objectContaining({
          code: 'chart-compile',
          message: expect.stringMatching(
            new RegExp(`^Chart "typed": "${name}" is "(x|12)", not a number.$`),
          ),
          place: expect.objectContaining({ file: 'charts/typed.vl.json', line: 6, path }),
        }),
      ]);
    },
  );

  it('places a mark property an expression gets wrong at the expression, past a good one', async () => {
    const text = `{\n  "data": {"name": "rows"},\n  "encoding": {"x": {"field": "k", "type": "nominal"}, "y": {"field": "v", "type": "quantitative"}},\n  "layer": [\n    {"mark": {"type": "text", "dy": -8}, "encoding": {"text": {"field": "v"}}},\n    {"mark": {"type": "text", "dy": {"expr": "'x'"}}, "encoding": {"text": {"field": "k"}}}\n  ]\n}\n`;
    const doc = readSource('charts/typed.vl.json', text);
    const chart = { name: 'typed', file: doc.file, spec: doc.value as never, locate: doc.locate };
    const error = await chartErrorOf({ ...request(bar), chart });
    expect(error.diagnostics[0]?.place).toMatchObject({ line: 6, path: 'layer[1].mark.dy' });
  });

  it("gives the plot's height between the axes, less with long labels turned on their side", async () => {
    const plain = await renderChart(request(bar));
    expect(plain.plotHeight).toBeGreaterThan(100);
    expect(plain.plotHeight).toBeLessThan(200);
    // Synthetic long category names, which Vega-Lite turns on their side under the columns.
    const rows = ['A', 'B', 'C'].map((k, v) => ({ k: `${k} ${'with a long name '.repeat(4)}`, v }));
    const sideways = await renderChart({ ...request(bar), data: { rows } });
    expect(sideways.plotHeight).toBeLessThan((plain.plotHeight ?? 0) / 2);
    expect((await renderChart(request(rowsPie))).plotHeight).toBeNull();
  });

  it('draws a mark property given as a number, or as an expression that gives one', async () => {
    const labelled = (dy: unknown) => ({
      ...bar,
      mark: undefined,
      layer: [{ mark: 'bar' }, { mark: { type: 'text', dy }, encoding: { text: { field: 'v' } } }],
    });
    const rows = [
      { k: 'A', v: 3.25 },
      { k: 'B', v: 1.75 },
    ];
    for (const dy of [-8, { expr: '-8' }]) {
      const drawn = await renderChart({ ...request(labelled(dy)), data: { rows } });
      // The labels, which no axis tick shares.
      expect(drawn.svg).toMatch(/>3\.25<\/text>/);
      expect(drawn.svg).toMatch(/>1\.75<\/text>/);
    }
  });

  it('turns Vega warnings into errors', async () => {
    const error = await chartError({
      ...bar,
      encoding: { ...bar.encoding, y: { field: 'v', type: 'wrongtype' } },
    });
    expect(error.code).toBe('chart-compile');
  });

  it('says what to do when a legend has more entries than it can show', async () => {
    // Synthetic: a pie of 40 categories, more than Vega's legend lists.
    const rows = Array.from({ length: 40 }, (_, i) => ({ k: `Category ${i + 1}`, v: i + 1 }));
    const error = await chartErrorOf({
      ...request(rowsPie),
      data: { rows },
    });
    expect(error.diagnostics[0]).toMatchObject({
      code: 'chart-compile',
      message: expect.stringContaining('Symbol legend count exceeds limit'),
      hint: expect.stringContaining('group the smallest as "Other"'),
    });
  });

  it('says how to sort bars by value when a text layer labels them', async () => {
    // "sort": "-x" with a text layer: each layer sorts the shared axis its own way, and
    // Vega-Lite's warning named only "conflicting sort properties".
    const labelled = {
      data: { name: 'rows' },
      encoding: {
        y: { field: 'k', type: 'nominal', sort: '-x' },
        x: { field: 'v', type: 'quantitative' },
      },
      layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: 'v' } } }],
    };
    const error = await chartError(labelled);
    expect(error.diagnostics[0]).toMatchObject({
      code: 'chart-compile',
      message: expect.stringContaining('conflicting sort properties'),
      hint: 'Each layer sorts the shared axis its own way: sort by an operation on the value field, as in {"op": "sum", "field": "value", "order": "descending"} (with your field), or put the rows in order and write "sort": null.',
    });
    // What the hint says works, and keeps the bars native, largest first.
    const sorted = structuredClone(labelled);
    sorted.encoding.y.sort = { field: 'v', op: 'sum', order: 'descending' } as never;
    expect((await renderChart(request(sorted))).native?.labels).toEqual(['A', 'B', 'C']);
  });

  it('fails a spec with warnings every time, not only before it was compiled once', async () => {
    const warned = { ...bar, encoding: { ...bar.encoding, y: { field: 'v', type: 'wrongtype' } } };
    expect((await chartError(warned)).code).toBe('chart-compile');
    expect((await chartError(warned)).code).toBe('chart-compile');
  });
});

const chartsDir = join(defaults.template, 'charts');

describe('toRuntime', () => {
  const sample = readDocument(defaults.data, 'dataset').value as Record<string, unknown[]>;
  const specs = readdirSync(chartsDir).map((file) =>
    JSON.parse(readFileSync(join(chartsDir, file), 'utf8')),
  );

  async function svgOf(runtime: object, fill: string | null, rows: unknown[]): Promise<string> {
    const { vega } = await loadVega();
    const view = new vega.View(
      runtime as never,
      {
        expr: expressionInterpreter,
        renderer: 'none',
      } as never,
    );
    if (fill) view.data(fill, structuredClone(rows));
    await view.runAsync();
    vega.resetSVGDefIds();
    return view.toSVG();
  }

  it('draws what compiling with the rows inline draws, for every sample chart and edited rows', async () => {
    const { vega, vegaLite } = await loadVega();
    const compiler = {
      compile: (s: Record<string, unknown>) => vegaLite.compile(s as never).spec,
      parse: (s: object) => vega.parse(s as never, undefined, { ast: true } as never),
      clean: () => true,
    };
    for (const chart of [bar, ...specs]) {
      const source = chart.data.name as string;
      const original = (source === 'rows' ? data.rows : sample[source]) as Record<
        string,
        unknown
      >[];
      const edited = original.map((row, i) => ({ ...row, value: i * 7.25, v: i * 7.25 }));
      for (const [width, rows] of [
        [320, original],
        [320, edited],
        [480, edited],
      ] as const) {
        const spec = { ...chart, width, height: 180, config: {} };
        const bound = { spec: { ...spec, datasets: { [source]: [] } }, source, rows };
        const reused = toRuntime(bound, compiler);
        expect(reused.fill).toBe(source);
        const inline = compiler.parse(
          compiler.compile({ ...spec, datasets: { [source]: structuredClone(rows) } }),
        );
        expect(await svgOf(reused.runtime, reused.fill, rows)).toBe(
          await svgOf(inline, null, rows),
        );
      }
    }
  });

  it('renders from frozen rows (parsed datasets are shared), on either path', async () => {
    const frozen = deepFreeze(structuredClone(data));
    const withFormat = { ...bar, data: { name: 'rows', format: { type: 'json' } } };
    for (const spec of [bar, withFormat]) {
      const chart = await renderChart({ ...request(spec), data: frozen, width: 333 });
      expect(chart.native?.series[0]?.values).toEqual([3, 1.5, 0]);
    }
  });

  it('puts the rows inline when Vega reads the source with a format', async () => {
    const { vega, vegaLite } = await loadVega();
    const spec = { ...bar, data: { name: 'rows', format: { type: 'json', property: 'x' } } };
    const { fill } = toRuntime(
      { spec: { ...spec, datasets: { rows: [] } }, source: 'rows', rows: data.rows },
      {
        compile: (s) => vegaLite.compile(s as never).spec,
        parse: (s) => vega.parse(s as never),
        clean: () => true,
      },
    );
    expect(fill).toBeNull();
  });
});
