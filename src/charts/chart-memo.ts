import { createHash } from 'node:crypto';
import { LruCache } from '../cache/lru-cache.ts';

/**
 * Rendered charts, kept across builds in one process (watch mode, batches) and keyed by
 * everything that shapes them: spec, bound rows, size, config, locale, alt text. A rebuild
 * after a data edit re-renders only the charts whose rows changed.
 */
const memo = new LruCache<string, Promise<unknown>>(64);

export function memoize<T>(inputs: unknown, render: () => Promise<T>): Promise<T> {
  const key = createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
  const hit = memo.get(key);
  if (hit) return hit as Promise<T>;
  const rendered = render();
  memo.set(key, rendered);
  rendered.catch(() => memo.delete(key));
  return rendered;
}
