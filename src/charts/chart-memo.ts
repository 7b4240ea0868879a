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

export function memoize(
  inputs: unknown,
  render: () => Promise<RenderedChart>,
): Promise<RenderedChart> {
  const key = createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
  const hit = memo.get(key);
  if (hit) return hit;
  const stored = chartStore.read(key);
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
