import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/render-chart.ts';
import { useChartFonts } from '../../src/charts/vega-runtime.ts';
import { wrapBandLabels, wrapLabel } from '../../src/charts/wrap-labels.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';

/** The sample's mass chart over synthetic figures with long category names. */
async function massChart(width: number, names: [string, string]) {
  const spec = JSON.parse(readFileSync('templates/briefing/charts/mass-transport.vl.json', 'utf8'));
  spec.encoding.y.title = 'kg';
  await useChartFonts(loadFontSet('carlito'));
  return renderChart({
    chart: { name: 'mass-transport', file: 'charts/mass-transport.vl.json', spec },
    data: {
      figures: [
        { key: 'mass_up', short: names[0], value: 800 },
        { key: 'mass_down', short: names[1], value: 80 },
      ],
    },
    width,
    height: 300,
    alt: 'Synthetic masses',
    config: {},
    locale: 'en-US',
  });
}

/** The texts drawn for the PDFs, in order. */
const drawnTexts = (chart: Awaited<ReturnType<typeof massChart>>) =>
  chart.drawing.ops.flatMap((op) => (op.op === 'text' ? [op.text] : []));

describe('category names along the bottom', () => {
  const long: [string, string] = [
    'Science materials and experiment hardware sent up to the station',
    'Samples and results brought back down to Earth',
  ];

  it('are wrapped onto lines that fit their band, not cut short', async () => {
    for (const width of [300, 480]) {
      const chart = await massChart(width, long);
      const texts = drawnTexts(chart);
      expect(texts.join(' '), `${width}`).not.toContain('…');
      expect(chart.svg, `${width}`).not.toContain('…');
      // Every word is drawn, on more than one line for each name.
      const words = long.join(' ').split(' ');
      for (const word of words) expect(texts.join(' '), `${width}: ${word}`).toContain(word);
      expect(
        texts.filter((text) => long[0].includes(text)).length,
        `${width}: ${JSON.stringify(texts)}`,
      ).toBeGreaterThan(1);
    }
  });

  it('stay on one line, as before, when they fit', async () => {
    const chart = await massChart(720, ['Sent to the station', 'Returned to Earth']);
    expect(drawnTexts(chart)).toEqual(
      expect.arrayContaining(['Sent to the station', 'Returned to Earth']),
    );
  });

  it('are wrapped only where they run across a band axis that the spec leaves to Vega', () => {
    const axis = (extra: Record<string, unknown>) => ({ scale: 'x', orient: 'bottom', ...extra });
    const spec: { config: object; scales: object[]; axes: Record<string, unknown>[] } = {
      config: { axis: { labelFontSize: 12 } },
      scales: [
        { name: 'x', type: 'band' },
        { name: 'y', type: 'linear' },
      ],
      axes: [
        axis({ labelAngle: 0 }),
        axis({ labelLimit: 100 }),
        axis({ labelAngle: 270 }),
        axis({ encode: { labels: { update: { text: { signal: 'datum.label' } } } } }),
        { scale: 'y', orient: 'left' },
        { scale: 'y', orient: 'bottom' },
      ],
    };
    const [level, limited, turned, own, left, linear] = wrapBandLabels(structuredClone(spec)).axes;
    expect(level).toMatchObject({
      labelLimit: { signal: 'bandwidth("x")' },
      encode: {
        labels: { update: { text: { signal: 'wrapLabel(datum.label, bandwidth("x"), 12)' } } },
      },
    });
    expect(limited?.labelLimit).toEqual({ signal: 'min(100, bandwidth("x"))' });
    expect([turned, own, left, linear]).toEqual(spec.axes.slice(2));
  });
});

describe('a category name longer than three lines', () => {
  it('keeps its spaces in the last line, which takes the rest', () => {
    const fonts = loadFontSet('carlito');
    const name = 'one two three four five six seven eight nine ten eleven twelve';
    const lines = wrapLabel(name, 60, 10, fonts);
    expect(lines).toHaveLength(3);
    expect((lines as string[]).join(' ')).toBe(name);
    // Two lines' worth stays two lines.
    expect(wrapLabel('one two three four five six', 60, 10, fonts)).toEqual([
      'one two three',
      'four five six',
    ]);
  });
});
