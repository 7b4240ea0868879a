import { describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../src/charts/chart-cache.ts';
import { type ChartRequest, renderChart } from '../../src/charts/render-chart.ts';
import { rowsDrawn } from '../../src/charts/rows-drawn.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { readDocument, readTemplate } from '../../src/template/read-template.ts';
import { stringsFor } from '../../src/template/strings.ts';

const template = readTemplate('templates/briefing');
type Figures = { figures: { key: string; value: unknown }[] };
const sample = () => readDocument('data/space-station-2025.yaml', 'dataset').value as Figures;

/** The sample's projects-and-patents chart, drawn (or found drawn) at `width` × 240. */
const drawOutput = (dataset: Figures, width: number) =>
  createChartRenderer(template, {
    data: dataset,
    fonts: loadFontSet(template.theme.font),
    theme: template.theme,
    locale: 'en-US',
    strings: stringsFor(template.strings, 'en-US'),
  })('science-output', 'Projects and patents', { x: 0, y: 0, w: width, h: 240 });

/** Synthetic rows whose fields mix types, as hand-edited data does. */
const rows = [
  { key: 'a', n: 1, v: 3 },
  { key: 'b', n: '2', v: 5 },
  { key: 5, n: 3, v: 2 },
  { key: '', n: '', v: 1 },
  { key: null, n: null, v: 4 },
  { n: 0, v: 6 },
  { key: 'c', n: 'x', v: 7 },
  { key: true, n: true, v: 8 },
];

const chart = (transform: unknown[]) => ({
  data: { name: 'rows' },
  transform: [...transform, { calculate: 'datum.v * 2', as: 'w' }],
  mark: 'bar',
  encoding: {
    x: { field: 'v', type: 'nominal' },
    y: { field: 'w', type: 'quantitative' },
  },
});

const filters: [string, unknown[]][] = [
  ['oneOf strings', [{ filter: { field: 'key', oneOf: ['a', '5', 'c', 'true'] } }]],
  ['oneOf numbers', [{ filter: { field: 'n', oneOf: [1, 2, 0] } }]],
  ['oneOf with null', [{ filter: { field: 'key', oneOf: ['b', null] } }]],
  ['equal string', [{ filter: { field: 'key', equal: 'b' } }]],
  ['equal number', [{ filter: { field: 'n', equal: 3 } }]],
  ['equal zero (no implicit parse)', [{ filter: { field: 'n', equal: 0 } }]],
  ['equal true', [{ filter: { field: 'key', equal: true } }]],
  [
    'two filters, then one not read',
    [
      { filter: { field: 'key', oneOf: ['a', 'b', 'c', '5'] } },
      { filter: { field: 'n', oneOf: [1, 3, 2] } },
      { filter: 'datum.v > 2' },
    ],
  ],
];

function request(spec: Record<string, unknown>, data: unknown[]): ChartRequest {
  return {
    chart: { name: 'synthetic', file: 'charts/synthetic.vl.json', spec },
    data: { rows: data },
    width: 300,
    height: 200,
    alt: 'Synthetic chart',
    config: {},
    locale: 'en-US',
  };
}

describe('rowsDrawn', () => {
  it.each(filters)('leaves out only rows that draw nothing: %s', async (_name, transform) => {
    const spec = chart(transform);
    const drawn = rowsDrawn(spec, rows) as unknown[];
    expect(drawn.length).toBeLessThan(rows.length);
    const all = await renderChart(request(spec, rows));
    expect(all.native?.labels.length).toBeGreaterThan(0);
    expect(await renderChart(request(spec, drawn))).toEqual(all);
  });

  it('stops at the first transform it does not read: later filters may see other values', async () => {
    const spec = chart([
      { calculate: "'a'", as: 'key' },
      { filter: { field: 'key', oneOf: ['a'] } },
    ]);
    expect(rowsDrawn(spec, rows)).toEqual(rows);
    expect((await renderChart(request(spec, rows))).native?.labels).toHaveLength(rows.length);
  });

  it('keeps every row of specs it does not read: dates, nested data, formats, paths', () => {
    const oneOf = { filter: { field: 'key', oneOf: ['a'] } };
    const unread = [
      { ...chart([oneOf]), encoding: { x: { field: 'key', type: 'temporal' } } },
      { ...chart([{ filter: { field: 'key', oneOf: ['a'], timeUnit: 'year' } }]) },
      { ...chart([oneOf]), layer: [{ data: { name: 'rows' }, mark: 'bar' }] },
      { ...chart([oneOf]), data: { name: 'rows', format: { parse: { key: 'string' } } } },
      chart([{ filter: { field: 'a.b', oneOf: ['a'] } }]),
      chart([{ filter: { and: [{ field: 'key', oneOf: ['a'] }] } }]),
    ];
    for (const spec of unread) expect(rowsDrawn(spec, rows)).toBe(rows);
  });

  it('draws a sample chart again only when a figure it shows changes', async () => {
    const data = sample();
    const edited = (key: string, value: number) => ({
      ...data,
      figures: data.figures.map((f) => (f.key === key ? { ...f, value } : f)),
    });
    const draw = (dataset: Figures) => drawOutput(dataset, 400);
    const first = await draw(data);
    expect(await draw(edited('mass_up', 900))).toBe(first);
    const patents = await draw(edited('patents', 60));
    expect(patents).not.toBe(first);
    expect(patents.native?.series[0]?.values).toContain(60);
  });

  it('checks every row, filtered out or not, whether or not the chart was drawn before', async () => {
    const data = sample();
    // A value Vega cannot key, in a row the chart filters out: its key is unchanged.
    const reserved = {
      ...data,
      figures: data.figures.map((f) => (f.key === 'mass_up' ? { ...f, value: '__proto__' } : f)),
    };
    // Another size than the test above: this chart must not have been drawn before.
    const draw = (dataset: Figures) => drawOutput(dataset, 320);
    const refused = { code: 'chart-data', message: expect.stringContaining('__proto__') };
    const row = data.figures.findIndex((f) => f.key === 'mass_up');

    await expect(async () => draw(reserved)).rejects.toMatchObject({
      diagnostics: [{ ...refused, place: { path: `figures[${row}].value` } }],
    });
    await draw(data);
    await expect(async () => draw(reserved)).rejects.toMatchObject({ diagnostics: [refused] });
  });
});
