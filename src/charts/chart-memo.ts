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

/** Those who collect how to draw each chart the store gives back (collectStoredCharts). */
const collectors = new Set<(draw: () => Promise<RenderedChart>) => void>();

export function memoize(
  inputs: unknown,
  render: () => Promise<RenderedChart>,
): Promise<RenderedChart> {
  const key = createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
  const hit = memo.get(key);
  if (hit) return hit;
  const stored = chartStore.read(key);
  if (stored) for (const collect of collectors) collect(render);
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

/** The charts the store gave back since collectStoredCharts, as ways to draw them again. */
export interface StoredCharts {
  /**
   * Draws them once more, keeping nothing, and stops collecting. Vega loads, and its code is
   * compiled and warm for the next chart a data edit changes: with every chart from the store,
   * a watch's rebuilds 4 to 7 took 61 to 111 ms in one session, against about 48 once warm.
   * Before each chart it lets timers, file events and signals run, and stops once `stop()` is
   * true. Returns how many it drew.
   */
  drawAgain(stop: () => boolean): Promise<number>;
  /** Stops collecting, and drops what it collected. */
  forget(): void;
}

/** Collects, from now on, how to draw each chart the store gives back. */
export function collectStoredCharts(): StoredCharts {
  const draws: (() => Promise<RenderedChart>)[] = [];
  const collect = (draw: () => Promise<RenderedChart>) => void draws.push(draw);
  collectors.add(collect);
  const forget = () => {
    collectors.delete(collect);
    draws.length = 0;
  };
  return {
    forget,
    async drawAgain(stop) {
      const charts = [...draws];
      forget();
      let drawn = 0;
      for (const draw of charts) {
        await new Promise((next) => setImmediate(next));
        if (stop()) break;
        // Drawn before from the same inputs, it draws again; if not, the next build says why.
        await draw().then(
          () => drawn++,
          () => {},
        );
      }
      return drawn;
    },
  };
}
