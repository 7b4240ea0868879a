import { type JsonStore, lazyJsonStore, openJsonStore } from '../cache/json-store.ts';
import type { RenderedChart } from './render-chart.ts';

/**
 * Rendered charts on disk, shared by every briefkit process of the same build: a cold build
 * whose charts were drawn before loads neither Vega nor Vega-Lite. Entries are keyed by all
 * that shapes a chart (see chart-memo.ts).
 *
 * The folder is `charts` in cacheDir (BRIEFKIT_CACHE_DIR, BRIEFKIT_NO_CACHE=1 turns it off).
 */
export type ChartStore = JsonStore<RenderedChart>;

const options = { part: 'charts', limit: 2000, accept: isRenderedChart };

/** The store as builds use it, opened on first use. */
export const chartStore: ChartStore = lazyJsonStore(options);

/** The store for a given environment, or null when caching is off there. */
export function openChartStore(env: NodeJS.ProcessEnv = process.env): ChartStore | null {
  return openJsonStore(options, env);
}

function isRenderedChart(value: unknown): value is RenderedChart {
  const chart = value as Partial<RenderedChart> | null;
  return (
    typeof chart?.name === 'string' &&
    typeof chart.svg === 'string' &&
    Array.isArray(chart.drawing?.ops) &&
    typeof chart.alt === 'string' &&
    typeof chart.width === 'number' &&
    typeof chart.height === 'number' &&
    typeof chart.native === 'object'
  );
}
