import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { buildId, cacheDir } from './cache-dir.ts';
import { keepNewest } from './keep-newest.ts';
import { writeCacheFile } from './write-cache-file.ts';

/**
 * Values worth keeping between processes (drawn charts, parsed files), as JSON files in a
 * folder of cacheDir: one file per key (any text; the file is named by a hash of it and the
 * build), tagged with the briefkit build that wrote it, so a new version never reads an old
 * entry. A broken entry reads as missing. Only values that JSON gives back exactly are kept.
 */
export interface JsonStore<T> {
  read(key: string): T | null;
  write(key: string, value: T): void;
}

export interface JsonStoreOptions<T> {
  /** The folder's name in cacheDir. */
  part: string;
  /** Entries kept, about: past it, the older half goes. */
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
  // Named by build and key: two briefkit builds sharing the folder (a global install and a
  // project's) overwrote each other's entries, so each build found only the other's, and redrew.
  const path = (key: string) =>
    join(dir, `${createHash('sha256').update(`${build}\0${key}`).digest('hex')}.json`);
  let writes = 0;
  /** Entries waiting to be written: past half the limit, more would only push them out again. */
  let queued = 0;
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
      // Batch workers only read: what they would keep is one recipient's.
      if (!isMainThread || queued >= limit / 2) return;
      queued++;
      later(() => {
        queued--;
        if (!isJson(value)) return;
        writeCacheFile(path(key), JSON.stringify({ build, value } satisfies Entry));
        // Past the limit, the older half goes; counting files on every write would cost more.
        if (writes++ % 64 === 0) keepNewest(dir, '.json', limit, limit / 2);
      });
    },
  };
}

/**
 * Entries wait until the build that made them is done (build.ts asks for them to be written
 * then), so a watch rebuild is done, and timed, before they reach the disk. Whatever is left
 * is written at exit.
 */
const pending: (() => void)[] = [];

function later(write: () => void): void {
  if (pending.length === 0 && !process.listeners('exit').includes(flushJsonStores))
    process.once('exit', flushJsonStores);
  pending.push(write);
}

/** Writes the waiting entries once the current work has yielded to the event loop. */
export function writeCacheEntriesSoon(): void {
  if (pending.length) setImmediate(flushJsonStores).unref();
}

/** Writes the waiting entries now. */
export function flushJsonStores(): void {
  for (const write of pending.splice(0)) write();
}

/**
 * The store, opened on first use: modules keep one from load time, while the environment
 * (BRIEFKIT_CACHE_DIR, BRIEFKIT_NO_CACHE) is read when it is first needed. Off, it is empty.
 */
export function lazyJsonStore<T>(options: JsonStoreOptions<T>): JsonStore<T> {
  let store: JsonStore<T> | null | undefined;
  const open = () => {
    if (store === undefined) store = openJsonStore(options);
    return store;
  };
  return {
    read: (key) => open()?.read(key) ?? null,
    write: (key, value) => open()?.write(key, value),
  };
}

/** The stored value for `key`, or else `make()`'s, which is stored for later builds. */
export function readOrMake<T>(store: JsonStore<T>, key: string, make: () => T): T {
  const stored = store.read(key);
  if (stored !== null) return stored;
  const made = make();
  store.write(key, made);
  return made;
}

/** An `accept` for entries that are one text field, such as `{ code: string }`. */
export function textEntry<K extends string>(field: K) {
  return (entry: unknown): entry is Record<K, string> =>
    typeof (entry as Partial<Record<K, unknown>> | null)?.[field] === 'string';
}

/** Whether JSON gives the value back exactly (not so for -0, Infinity, class instances…). */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJson);
  return (
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.entries(value).every(([key, item]) => key !== '__proto__' && isJson(item))
  );
}

interface Entry {
  build: string;
  value: unknown;
}
