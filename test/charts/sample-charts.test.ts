import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/render-chart.ts';

/** The y of each text drawn in the chart's SVG, by its text. */
function textY(svg: string): Map<string, number> {
  const texts = svg.matchAll(/<text[^>]*translate\([^,]+,([-\d.]+)\)[^>]*>([^<]+)<\/text>/g);
  return new Map([...texts].map(([, y, text]) => [text as string, Number(y)]));
}

/** The sample's mass chart over synthetic figures: the source has no negative mass. */
function massChart(locale: string, up = -750) {
  const spec = JSON.parse(readFileSync('templates/briefing/charts/mass-transport.vl.json', 'utf8'));
  spec.encoding.y.title = 'kg';
  const figures = [
    { key: 'mass_up', short: 'Synthetic loss', value: up },
    { key: 'mass_down', short: 'Synthetic gain', value: 80 },
  ];
  return renderChart({
    chart: { name: 'mass-transport', file: 'charts/mass-transport.vl.json', spec },
    data: { figures },
    width: 300,
    height: 200,
    alt: 'Synthetic masses',
    config: {},
    locale,
  });
}

describe("the sample's mass chart", () => {
  it('labels a negative bar above the zero line, where the bar leaves room', async () => {
    const chart = await massChart('en-US');
    const y = textY(chart.svg);
    const [zero, loss, gain] = ['0', '-750', '80'].map((text) => y.get(text) as number);
    // The loss's label sits above the zero line, the gain's above its bar.
    expect(loss).toBeLessThan(zero as number);
    expect(gain).toBeLessThan(loss as number);
    expect(chart.native?.series[0]?.values).toEqual([-750, 80]);
  });

  it('labels a figure with every digit the text gives it, up to 15', async () => {
    // 13 digits: the label kept 12 of them, 1,234,567,890,120 against the text's …123.
    const { svg } = await massChart('en-US', 1234567890123);
    expect(textY(svg).has('1,234,567,890,123')).toBe(true);
  });

  it('says a negative value once in the alt text, in Hebrew too, whose minus Intl marks', async () => {
    for (const locale of ['en-US', 'he-IL']) {
      const { alt } = await massChart(locale);
      expect(alt, locale).toContain('Synthetic loss (-750)');
      expect(alt, locale).not.toMatch(/\(-750\)\S*: /);
    }
  });

  it('says a zero written -0 as its label does, once and without a sign', async () => {
    const { alt } = await massChart('en-US', -0);
    expect(alt).toContain('Synthetic loss (0)');
    expect(alt).not.toContain('-0');
  });
});
