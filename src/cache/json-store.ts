import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildId, cacheDir } from './cache-dir.ts';
import { keepNewest } from './keep-newest.ts';
import { writeCacheFile } from './write-cache-file.ts';

/**
 * Values worth keeping between processes (drawn charts, parsed files), as JSON files in a
 * folder of cacheDir: one file per key, tagged with the briefkit build that wrote it, so a
 * new version never reads an old entry. A broken entry reads as missing.
 */
export interface JsonStore<T> {
  read(key: string): T | null;
  write(key: string, value: T): void;
}

export interface JsonStoreOptions<T> {
  /** The folder's name in cacheDir. */
  part: string;
  /** Entries kept, at most: past it, the older half goes (pruning is rare, not per write). */
  limit: number;
  /** Whether a stored value has the expected shape. */
  accept: (value: unknown) => value is T;
}

/** The store, or null when caching is off (BRIEFKIT_NO_CACHE=1). */
export function openJsonStore<T>(
  { part, limit, accept }: JsonStoreOptions<T>,
  env: NodeJS.ProcessEnv = process.env,
): JsonStore<T> | null {
  const build = buildId ?? 'source';
  // Run from source, code can change between runs: only an explicit folder is trusted.
  const dir = buildId || env.BRIEFKIT_CACHE_DIR ? cacheDir(part, env) : null;
  if (!dir) return null;
  const path = (key: string) => join(dir, `${key}.json`);
  return {
    read(key) {
      try {
        const entry = JSON.parse(readFileSync(path(key), 'utf8')) as Entry;
        return entry.build === build && accept(entry.value) ? entry.value : null;
      } catch {
        return null;
      }
    },
    write(key, value) {
      writeCacheFile(path(key), JSON.stringify({ build, value } satisfies Entry));
      keepNewest(dir, '.json', limit, limit / 2);
    },
  };
}

interface Entry {
  build: string;
  value: unknown;
}
