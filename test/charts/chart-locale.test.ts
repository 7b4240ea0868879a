import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/build.ts';
import { dateConfig, specifier, vegaLocale } from '../../src/charts/chart-locale.ts';
import { renderChart } from '../../src/charts/render-chart.ts';
import { useChartFonts } from '../../src/charts/vega-runtime.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { uncovered } from '../../src/layout/measure.ts';
import { tempDir } from '../helpers/sample.ts';

/** Synthetic rows: one value per time, over the span given. */
function timeChart(times: string[], locale: string, text = false) {
  const encoding = {
    x: { field: 't', type: 'temporal', title: null },
    y: { field: 'v', type: 'quantitative' },
  };
  const spec = text
    ? {
        data: { name: 'rows' },
        mark: 'text',
        encoding: { ...encoding, text: { field: 't', type: 'temporal' } },
      }
    : { data: { name: 'rows' }, mark: 'line', encoding };
  return renderChart({
    chart: { name: 'dates', file: 'charts/dates.vl.json', spec },
    data: { rows: times.map((t, v) => ({ t, v })) },
    width: 500,
    height: 200,
    alt: 'Synthetic dates',
    config: dateConfig(locale, () => true),
    locale,
  });
}

/** The text of the chart's labels of one role (`axis-label`, `mark-text`), in order. */
function texts(svg: string, role: string): string[] {
  const group = new RegExp(`class="mark-text role-${role}[ "][^]*?</g>`).exec(svg)?.[0] ?? '';
  return [...group.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1] as string);
}

const days = ['2025-07-01', '2025-07-05', '2025-07-10', '2025-07-14'];
const hours = ['2025-07-01T06:00:00Z', '2025-07-01T12:00:00Z', '2025-07-01T18:00:00Z'];

describe('dates in charts', () => {
  it('label a time axis in the order and words of the report’s locale, not English', async () => {
    await useChartFonts(loadFontSet('carlito'));
    const labels = async (times: string[], locale: string) =>
      texts((await timeChart(times, locale)).svg, 'axis-label');
    // A week's first day names its month; other days their weekday.
    expect(await labels(days, 'de-DE')).toEqual(expect.arrayContaining(['6. Jul', 'Mi, 2.']));
    expect(await labels(days, 'zh-CN')).toEqual(expect.arrayContaining(['7月6日', '2日周三']));
    expect(await labels(days, 'en-US')).toEqual(expect.arrayContaining(['Jul 6', '2 Wed']));
    // Hours on the locale's clock: 24 hours in German and Chinese, AM and PM in US English.
    expect(await labels(hours, 'de-DE')).toEqual(expect.arrayContaining(['06 Uhr', '14 Uhr']));
    expect(await labels(hours, 'zh-CN')).toEqual(expect.arrayContaining(['6时', '14时']));
    expect(await labels(hours, 'en-US')).toEqual(expect.arrayContaining(['6 AM', '2 PM']));
  });

  it('write dates shown as text in the locale’s order', async () => {
    const shown = async (locale: string) =>
      texts((await timeChart(['2025-07-06'], locale, true)).svg, 'mark');
    expect(await shown('de-DE')).toEqual(['6. Jul 2025']);
    expect(await shown('zh-CN')).toEqual(['2025年7月6日']);
    expect(await shown('en-US')).toEqual(['Jul 6, 2025']);
  });

  it('write dates in the Gregorian calendar, which Vega counts in, whatever the locale’s own', async () => {
    const shown = async (locale: string) =>
      texts((await timeChart(['2025-07-06'], locale, true)).svg, 'mark');
    // 6 July 2025 is 15 Tir 1404 in the Persian calendar, and 2568 in the Buddhist era.
    expect(await shown('fa-IR-u-nu-latn')).toEqual(['6 ژوئیه 2025']);
    expect(await shown('th-TH')).toEqual(['6 ก.ค. 2025']);
    const months = ['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01'];
    expect(texts((await timeChart(months, 'fa-IR')).svg, 'axis-label')).toEqual(
      expect.arrayContaining(['ژوئیه']),
    );
  });
});

describe('dates in a build', () => {
  it('follow the report’s locale in the charts of the deck', async () => {
    const dir = tempDir();
    const data = join(dir, 'data.yaml');
    const dates = ['2025-07-01', '2025-07-05', '2025-07-10', '2025-07-14'];
    writeFileSync(
      data,
      [
        '# Synthetic fixture: invented daily counts, not real data.',
        'title: Synthetische Daten',
        'report: { locale: de-DE }',
        'monthly:',
        ...dates.map((month, count) => `  - { month: ${month}, count: ${count} }`),
      ].join('\n'),
    );
    const compiled = await compile({ data, template: 'test/fixtures/synthetic-dates/template' });
    const chart = compiled.deck.slides.flatMap((s) => s.frames).find((f) => f.kind === 'chart');
    expect(chart?.kind === 'chart' && texts(chart.chart.svg, 'axis-label')).toEqual(
      expect.arrayContaining(['6. Jul']),
    );
  });

  it('keep Vega’s format for a level whose own words the chart fonts cannot draw', () => {
    const fonts = loadFontSet('carlito');
    const drawable = (text: string) => uncovered(text, fonts).length === 0;
    const formats = (config: Record<string, unknown>) =>
      (config.axisTemporal as { format: Record<string, string> }).format;
    // Korean writes 시 after the hour, a syllable neither Carlito nor Noto Sans SC has.
    expect(formats(dateConfig('ko-KR', () => true)).hours).toContain('시');
    expect(formats(dateConfig('ko-KR', drawable)).hours).toBeUndefined();
    expect(formats(dateConfig('de-DE', drawable)).hours).toBe('%H Uhr');
  });
});

describe('vegaLocale', () => {
  it('gives AM and PM with plain spaces: the chart fonts lack the narrow no-break one', () => {
    expect(vegaLocale('es-ES').time.periods).toEqual(['a. m.', 'p. m.']);
  });

  it('writes negative numbers with the locale’s minus, as Intl does in the text', async () => {
    const negative = async (locale: string) => {
      const chart = await renderChart({
        chart: {
          name: 'change',
          file: 'charts/change.vl.json',
          spec: {
            data: { name: 'rows' },
            encoding: {
              x: { field: 'k', type: 'nominal' },
              y: { field: 'v', type: 'quantitative' },
            },
            layer: [
              { mark: 'bar' },
              { mark: 'text', encoding: { text: { field: 'v', format: ',' } } },
            ],
          },
        },
        data: {
          rows: [
            { k: 'Synthetic loss', v: -1500 },
            { k: 'Synthetic gain', v: 500 },
          ],
        },
        width: 300,
        height: 200,
        alt: 'Synthetic change',
        config: {},
        locale,
      });
      return [...chart.svg.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]);
    };
    const english = await negative('en-US');
    expect(english).toEqual(expect.arrayContaining(['-1,500', '-1,000']));
    expect(english.join(' ')).not.toContain('\u2212');
    expect(await negative('sv-SE')).toEqual(expect.arrayContaining(['\u22121\u00a0500']));
    expect(new Intl.NumberFormat('sv-SE').format(-1500)).toBe('\u22121\u00a0500');
  });
});

describe('specifier', () => {
  it('writes what Intl writes, as d3 time directives', () => {
    expect(specifier('en-US', { month: 'short', day: 'numeric' })).toBe('%b %-d');
    expect(specifier('de-DE', { hour: 'numeric' })).toBe('%H Uhr');
    // A minute's tick in the locale's own short time: 6:05 AM in the US, 06:05 in Germany.
    expect(specifier('en-US', { timeStyle: 'short' })).toBe('%-I:%M %p');
    expect(specifier('de-DE', { timeStyle: 'short' })).toBe('%H:%M');
  });

  it('gives up on parts d3 cannot write, so Vega keeps its own format there', () => {
    expect(specifier('ja-JP-u-ca-japanese', { era: 'short', year: 'numeric' })).toBeUndefined();
    expect(specifier('ar-EG', { day: 'numeric', month: 'numeric' })).toBeUndefined();
  });
});
