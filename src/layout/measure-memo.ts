import { deepFreeze } from '../cache/deep-freeze.ts';
import { type JsonStoreOptions, lazyJsonStore, readOrMake } from '../cache/json-store.ts';
import { LruCache } from '../cache/lru-cache.ts';
import { type FontSet, faceIds } from './fonts.ts';

/**
 * Layout results kept per font set, by a key of what was laid out: in memory for the
 * process's later builds (in a batch or a watch rebuild nearly every paragraph and table is
 * what it was), and on disk (`part` in cacheDir, keyed by the font faces too) for new
 * processes, where measuring text glyph by glyph is most of the layout time. Results are
 * frozen: later builds share them.
 */
export function measureMemo<T>(
  options: JsonStoreOptions<T>,
  entries: number,
): (fonts: FontSet, key: string, lay: () => T) => T {
  const store = lazyJsonStore(options);
  const known = new WeakMap<FontSet, { faces: string; memo: LruCache<string, T> }>();
  return (fonts, key, lay) => {
    let forFonts = known.get(fonts);
    if (!forFonts) {
      forFonts = { faces: JSON.stringify(faceIds(fonts)), memo: new LruCache(entries) };
      known.set(fonts, forFonts);
    }
    const { faces, memo } = forFonts;
    return memo.remember(key, () => deepFreeze(readOrMake(store, `${faces}\0${key}`, lay)));
  };
}
