import { fail } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { Box } from '../layout/frames.ts';
import type { TemplateBundle } from '../template/read-template.ts';
import type { Theme } from '../template/theme.ts';
import { type RenderedChart, renderChart } from './render-chart.ts';

/** Renders charts on demand, once per name, size and alt text within a build. */
export function createChartRenderer(template: TemplateBundle, data: Record<string, unknown>, fontFamily: string) {
  const cache = new Map<string, Promise<RenderedChart>>();
  const config = chartConfig(template.theme, fontFamily);
  return (name: string, alt: string, box: Box): Promise<RenderedChart> => {
    const chart = template.charts.get(name);
    if (!chart) fail(messages.unknownChart(name, [...template.charts.keys()]));
    const width = Math.round(box.w);
    const height = Math.round(box.h);
    const key = JSON.stringify([name, width, height, alt]);
    let rendered = cache.get(key);
    if (!rendered) {
      rendered = renderChart({ chart, data, width, height, alt, config });
      cache.set(key, rendered);
    }
    return rendered;
  };
}

/** The theme, as Vega config: charts wear the same colours and font as the slides. */
export function chartConfig(theme: Theme, fontFamily: string): Record<string, unknown> {
  const colors = Object.fromEntries(
    Object.entries(theme.colors).map(([k, v]) => [k, Array.isArray(v) ? v.map(hex) : hex(v)]),
  ) as { [K in keyof Theme['colors']]: Theme['colors'][K] };
  const text = { labelColor: colors.text, titleColor: colors.text, labelFontSize: 12, titleFontSize: 12 };
  return {
    font: fontFamily,
    background: null,
    range: { category: colors.chart },
    mark: { color: colors.primary },
    axis: { ...text, domainColor: colors.muted, tickColor: colors.muted, gridColor: colors.surface, titleFontWeight: 'normal' },
    legend: text,
    view: { stroke: null },
  };
}

const hex = (color: string) => `#${color}`;
