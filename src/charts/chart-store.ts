import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import type { RenderedChart } from './render-chart.ts';

/**
 * Rendered charts on disk, shared by every briefkit process of the same build: a cold build
 * whose charts were drawn before loads neither Vega nor Vega-Lite. Entries are keyed by all
 * that shapes a chart (see chart-cache.ts) plus the briefkit build that drew it, so a new
 * version never reads an old drawing. A broken entry is ignored and drawn again.
 *
 * BRIEFKIT_CACHE_DIR picks the folder (default: the user's cache folder); BRIEFKIT_NO_CACHE=1
 * turns the store off. Run from source, briefkit has no build id and keeps no store unless
 * BRIEFKIT_CACHE_DIR is set.
 */
export interface ChartStore {
  read(key: string): RenderedChart | null;
  write(key: string, chart: RenderedChart): void;
}

declare const BRIEFKIT_BUILD_ID: string | undefined;

/** Entries kept; past this, the older half is removed. */
const LIMIT = 2000;

export function openChartStore(env: NodeJS.ProcessEnv = process.env): ChartStore | null {
  const build = typeof BRIEFKIT_BUILD_ID === 'string' ? BRIEFKIT_BUILD_ID : undefined;
  if (env.BRIEFKIT_NO_CACHE === '1') return null;
  if (!build && !env.BRIEFKIT_CACHE_DIR) return null;
  const dir = join(env.BRIEFKIT_CACHE_DIR || envPaths('briefkit', { suffix: '' }).cache, 'charts');
  const path = (key: string) => join(dir, `${key}.json`);
  return {
    read(key) {
      try {
        const chart = JSON.parse(readFileSync(path(key), 'utf8')) as Stored;
        return chart.build === (build ?? 'source') && isRenderedChart(chart.chart)
          ? chart.chart
          : null;
      } catch {
        return null;
      }
    },
    write(key, chart) {
      // A cache that cannot be written is no reason to fail a build.
      try {
        mkdirSync(dir, { recursive: true });
        const temp = `${path(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(temp, JSON.stringify({ build: build ?? 'source', chart } satisfies Stored));
        renameSync(temp, path(key));
        prune(dir);
      } catch {}
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

function prune(dir: string): void {
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (names.length <= LIMIT) return;
  const byAge = names
    .map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => a.time - b.time);
  for (const { name } of byAge.slice(0, names.length / 2)) rmSync(join(dir, name), { force: true });
}
