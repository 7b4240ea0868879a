import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, defaults } from '../../src/build.ts';
import { renderChart } from '../../src/charts/render-chart.ts';
import { readSource } from '../../src/data/read-source.ts';
import { sampleTemplateCopy, tempDir } from '../helpers/sample.ts';

/** Synthetic rows for a bar chart down the side. */
const rows = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `Synthetic row ${i + 1}`, value: i + 1 }));

const sideways = {
  data: { name: 'rows' },
  mark: 'bar',
  encoding: {
    y: { field: 'name', type: 'nominal', sort: null },
    x: { field: 'value', type: 'quantitative' },
  },
};

/** The sideways chart with its y axis changed as `axis` says. */
const withAxis = (axis: unknown) => ({
  ...sideways,
  encoding: { ...sideways.encoding, y: { ...sideways.encoding.y, axis } },
});

const draw = (count: number, spec: Record<string, unknown> = sideways) =>
  renderChart({
    chart: { name: 'list', file: 'charts/list.vl.json', spec },
    data: { rows: rows(count) },
    width: 400,
    height: 200,
    alt: 'Synthetic list',
    config: { axis: { labelFontSize: 12 } },
    locale: 'en-US',
  });

describe('a crowded chart', () => {
  it('is one whose bands down the side are thinner than their labels', async () => {
    expect((await draw(5)).crowded).toBeNull();
    const crowded = (await draw(40)).crowded;
    expect(crowded?.rows).toBe(40);
    // About 12 labels of 12 pt fit the plot of a 200 pt chart.
    expect(crowded?.fit).toBeGreaterThan(8);
    expect(crowded?.fit).toBeLessThan(16);
  });

  it('is judged by the labels Vega draws: hidden, smaller or larger ones as the spec sets them', async () => {
    for (const axis of [null, { labels: false }, { labelOverlap: true }, { labelFontSize: 6 }]) {
      expect((await draw(20, withAxis(axis))).crowded, JSON.stringify(axis)).toBeNull();
    }
    expect((await draw(12, withAxis({ labelFontSize: 24 }))).crowded?.rows).toBe(12);
  });

  it('is a warning at its spec, naming the first slide it is on; the sample has none', async () => {
    // The sample with its output chart drawn from a synthetic list of 45 rows.
    const template = sampleTemplateCopy();
    writeFileSync(join(template, 'charts', 'science-output.vl.json'), JSON.stringify(sideways));
    const schemaFile = join(template, 'schema.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    schema.properties.rows = { type: 'array' };
    writeFileSync(schemaFile, JSON.stringify(schema));
    const sample = readSource('data.yaml', readFileSync(defaults.data, 'utf8')).value as object;
    const data = join(tempDir(), 'data.json');
    writeFileSync(data, JSON.stringify({ ...sample, rows: rows(45) }));

    const { warnings } = await compile({ data, template });
    const crowded = warnings.filter((w) => w.code === 'crowded-chart');
    expect(crowded).toHaveLength(1);
    expect(crowded[0]?.place?.file).toMatch(/charts[\\/]science-output\.vl\.json$/);
    expect(crowded[0]?.message).toMatch(
      /^Chart "science-output" \(first on slide \d+\) lists 45 categories/,
    );

    const plain = await compile();
    expect(plain.warnings.filter((w) => w.code === 'crowded-chart')).toEqual([]);
  });
});
