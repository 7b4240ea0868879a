import { createHash } from 'node:crypto';
import { deepFreeze } from '../cache/deep-freeze.ts';
import { LruCache } from '../cache/lru-cache.ts';
import { chartStore } from './chart-store.ts';
import type { RenderedChart } from './render-chart.ts';

/**
 * Rendered charts, kept across builds in one process (watch mode, batches) and on disk
 * across processes, keyed by everything that shapes them: spec, bound rows, size, config,
 * locale and ICU's data, alt text and its wording, faces. A rebuild after a data edit
 * re-renders only the charts whose rows changed.
 */
const memo = new LruCache<string, Promise<RenderedChart>>(64);

/** How to draw each chart the store gave back, while keepStoredChartDraws asks for them. */
let storedDraws: (() => Promise<RenderedChart>)[] | undefined;

export function memoize(
  inputs: unknown,
  render: () => Promise<RenderedChart>,
): Promise<RenderedChart> {
  const key = createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
  const hit = memo.get(key);
  if (hit) return hit;
  const stored = chartStore.read(key);
  if (stored) storedDraws?.push(render);
  // Frozen: later builds share the chart, and slide keys name it by identity (slide-memo.ts).
  const rendered = stored
    ? Promise.resolve(deepFreeze(stored))
    : render().then((chart) => {
        chartStore.write(key, chart);
        return deepFreeze(chart);
      });
  memo.set(key, rendered);
  rendered.catch(() => memo.delete(key));
  return rendered;
}

/** From now on, keeps how to draw each chart the store gives back, for drawStoredCharts. */
export function keepStoredChartDraws(): void {
  storedDraws ??= [];
}

/**
 * Draws once more, keeping nothing, the charts the store gave back since keepStoredChartDraws,
 * and stops keeping them. Vega loads, and its code is compiled and warm for the next chart a
 * data edit changes: with every chart from the store, a watch's first rebuilds ran Vega cold,
 * rebuilds 4 to 6 taking 60 to 100 ms against 45 later. Stops before a chart once `stop()` is
 * true; returns how many it drew.
 */
export async function drawStoredCharts(stop: () => boolean): Promise<number> {
  const draws = storedDraws ?? [];
  storedDraws = undefined;
  let drawn = 0;
  for (const draw of draws) {
    if (stop()) break;
    // Drawn before from the same inputs, it draws again; if not, the next build reports why.
    await draw().then(
      () => drawn++,
      () => {},
    );
  }
  return drawn;
}
