import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildId, cacheDir } from '../cache/cache-dir.ts';
import { keepNewest } from '../cache/keep-newest.ts';
import { writeCacheFile } from '../cache/write-cache-file.ts';
import type { RenderedChart } from './render-chart.ts';

/**
 * Rendered charts on disk, shared by every briefkit process of the same build: a cold build
 * whose charts were drawn before loads neither Vega nor Vega-Lite. Entries are keyed by all
 * that shapes a chart (see chart-cache.ts) plus the briefkit build that drew it, so a new
 * version never reads an old drawing. A broken entry is ignored and drawn again.
 *
 * The folder is `charts` in cacheDir (BRIEFKIT_CACHE_DIR, BRIEFKIT_NO_CACHE=1 turns it off).
 */
export interface ChartStore {
  read(key: string): RenderedChart | null;
  write(key: string, chart: RenderedChart): void;
}

/** Charts kept, at most. */
const LIMIT = 2000;

export function openChartStore(env: NodeJS.ProcessEnv = process.env): ChartStore | null {
  const build = buildId ?? 'source';
  // Run from source, code can change between runs: only an explicit folder is trusted.
  const dir = buildId || env.BRIEFKIT_CACHE_DIR ? cacheDir('charts', env) : null;
  if (!dir) return null;
  const path = (key: string) => join(dir, `${key}.json`);
  return {
    read(key) {
      try {
        const chart = JSON.parse(readFileSync(path(key), 'utf8')) as Stored;
        return chart.build === build && isRenderedChart(chart.chart) ? chart.chart : null;
      } catch {
        return null;
      }
    },
    write(key, chart) {
      writeCacheFile(path(key), JSON.stringify({ build, chart } satisfies Stored));
      // Past the limit, the older half goes: pruning is rare, not a cost of every write.
      keepNewest(dir, '.json', LIMIT, LIMIT / 2);
    },
  };
}

interface Stored {
  build: string;
  chart: RenderedChart;
}

function isRenderedChart(value: unknown): value is RenderedChart {
  const chart = value as Partial<RenderedChart> | null;
  return (
    typeof chart?.name === 'string' &&
    typeof chart.svg === 'string' &&
    typeof chart.alt === 'string' &&
    typeof chart.width === 'number' &&
    typeof chart.height === 'number' &&
    typeof chart.native === 'object'
  );
}
