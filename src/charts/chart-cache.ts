import { fail } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { type FontSet, faceIds } from '../layout/fonts.ts';
import type { Box } from '../layout/frames.ts';
import { uncovered } from '../layout/measure.ts';
import type { TemplateBundle } from '../template/read-template.ts';
import { chartWording, localizeSpec, type Strings } from '../template/strings.ts';
import type { Theme } from '../template/theme.ts';
import { dateConfig } from './chart-locale.ts';
import { memoize } from './chart-memo.ts';
import { type ChartRequest, checkedRows, type RenderedChart, renderChart } from './render-chart.ts';
import { rowsDrawn } from './rows-drawn.ts';
import { useChartFonts } from './vega-runtime.ts';

export interface ChartInputs {
  /** The raw dataset: charts bind to its top-level lists by name. */
  data: Record<string, unknown>;
  /** Faces that measure chart text; their family is what the SVG names. */
  fonts: FontSet;
  /** Colours the charts wear: the slides' theme, or its print form (readable-color.ts). */
  theme: Theme;
  locale: string;
  strings: Strings;
  /** Where a value of the dataset is written, to place problems with a chart's rows. */
  locateData?: ChartRequest['locateData'];
}

/**
 * Renders charts on demand, reusing any identical chart drawn before: in this process, or
 * by an earlier process of the same briefkit (chart-store.ts). Vega loads on the first miss.
 * A chart is keyed by the rows it can draw (rows-drawn.ts), not its whole list, but every
 * row is checked first, so a chart drawn before fails on the same rows as a new one.
 */
export function createChartRenderer(template: TemplateBundle, inputs: ChartInputs) {
  const { data, fonts, theme, locale, strings, locateData } = inputs;
  const fontFamily = fonts.chartFamily;
  const faces = faceIds(fonts);
  const wording = chartWording(strings);
  const drawable = (text: string) => uncovered(text, fonts).length === 0;
  /** `maxHeight`: the chart may grow up to it, so the bands of a long list keep apart. */
  return (name: string, alt: string, box: Box, maxHeight?: number): Promise<RenderedChart> => {
    const source = template.charts.get(name);
    if (!source) fail(messages.unknownChart(name, [...template.charts.keys()]));
    const spec = localizeSpec(source.spec, strings, source.file) as Record<string, unknown>;
    const width = Math.round(box.w);
    const height = Math.round(box.h);
    const fontSize = chartFontSize(height);
    const config = chartConfig(theme, fontFamily, fontSize);
    // A band holds its label and a little air on either side.
    const grow = maxHeight ? { maxHeight, step: Math.ceil(fontSize * 1.5) } : undefined;
    const chart = { ...source, spec };
    const bound = { chart, data, ...(locateData ? { locateData } : {}) };
    // Every row is checked, hit or miss; the key holds only the rows that can be drawn.
    const rows = rowsDrawn(spec, checkedRows(bound).rows);
    return memoize(
      [source.file, spec, rows, width, height, grow, alt, wording, locale, ICU_DATA, config, faces],
      async () => {
        await useChartFonts(fonts);
        // Dates in the locale's words: derived from the locale, ICU's data and the faces alone.
        const dated = { ...dateConfig(locale, drawable), ...config };
        const request = { ...bound, width, height, alt, locale, config: dated, wording };
        return renderChart(grow ? { ...request, grow } : request);
      },
    );
  };
}

/**
 * The locale data Intl formats numbers and dates from, which a new Node may bring: a chart
 * drawn with other month names or separators is another chart.
 */
const ICU_DATA = `${process.versions.icu} ${process.versions.cldr}`;

/**
 * The size of a chart's labels, for a box this high: text grows with the box, so slide charts
 * read from the back of the room. The deck's native charts use it too.
 */
export function chartFontSize(height: number): number {
  return Math.round(Math.min(16, Math.max(10, Math.round(height) / 26)));
}

/** The theme, as Vega config: charts wear the same colours and font as the slides. */
export function chartConfig(
  theme: Theme,
  fontFamily: string,
  fontSize: number,
): Record<string, unknown> {
  const colors = Object.fromEntries(
    Object.entries(theme.colors).map(([k, v]) => [k, Array.isArray(v) ? v.map(hex) : hex(v)]),
  ) as { [K in keyof Theme['colors']]: Theme['colors'][K] };
  const text = {
    labelColor: colors.text,
    titleColor: colors.text,
    labelFontSize: fontSize,
    titleFontSize: fontSize,
  };
  return {
    font: fontFamily,
    background: null,
    range: { category: colors.chart },
    // Up to 15 significant digits (as many as a number from the data holds), grouped, in the
    // report's locale: 867.5 → 867,5 in de-DE.
    numberFormat: ',.15~r',
    // A single series takes the palette's first colour, as in the native PPTX charts.
    mark: { color: colors.chart[0] },
    // Value labels as large as the axis labels, in the text colour, as in the native charts.
    text: { color: colors.text, fontSize },
    axis: {
      ...text,
      domainColor: colors.muted,
      tickColor: colors.muted,
      gridColor: colors.surface,
      titleFontWeight: 'normal',
    },
    axisQuantitative: { tickCount: 6 },
    legend: text,
    view: { stroke: null },
  };
}

const hex = (color: string) => `#${color}`;
