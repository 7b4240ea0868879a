import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { flushJsonStores, openJsonStore } from '../../src/cache/json-store.ts';
import { tempDir } from '../helpers/sample.ts';

const accept = (value: unknown): value is unknown => value !== undefined;

describe('openJsonStore', () => {
  it('keeps JSON values, and only those JSON gives back exactly', () => {
    const dir = tempDir();
    const store = openJsonStore({ part: 'test', limit: 10, accept }, { BRIEFKIT_CACHE_DIR: dir });
    store?.write('a', { list: [1, 'two', null, true] });
    store?.write('b', { n: -0 });
    store?.write('c', { n: Number.POSITIVE_INFINITY });
    store?.write('d', { when: new Date(0) });
    flushJsonStores();
    expect(store?.read('a')).toEqual({ list: [1, 'two', null, true] });
    expect(readdirSync(join(dir, 'test'))).toHaveLength(1); // named by the key's hash
  });

  it('names each entry by the build and the key, so builds sharing a folder keep their own', () => {
    const dir = tempDir();
    openJsonStore({ part: 'test', limit: 10, accept }, { BRIEFKIT_CACHE_DIR: dir })?.write('k', 1);
    flushJsonStores();
    // Run from source, the build is "source".
    const name = createHash('sha256').update('source\0k').digest('hex');
    expect(readdirSync(join(dir, 'test'))).toEqual([`${name}.json`]);
  });

  it('writes at most half its limit from one build: more would only push each other out', () => {
    const dir = tempDir();
    const store = openJsonStore({ part: 'test', limit: 10, accept }, { BRIEFKIT_CACHE_DIR: dir });
    for (let i = 0; i < 100; i++) store?.write(`key ${i}`, i);
    flushJsonStores();
    expect(readdirSync(join(dir, 'test'))).toHaveLength(5);
    expect(store?.read('key 0')).toBe(0);
    // The next build writes again.
    store?.write('key 100', 100);
    flushJsonStores();
    expect(store?.read('key 100')).toBe(100);
  });

  it('is only read in worker threads: batch workers would keep one recipient’s entries', async () => {
    const dir = tempDir();
    const worker = new Worker(new URL('../helpers/store-writer.mjs', import.meta.url), {
      workerData: dir,
    });
    await new Promise((resolve, reject) => {
      worker.once('exit', resolve);
      worker.once('error', reject);
    });
    expect(existsSync(join(dir, 'test'))).toBe(false);
  });

  it('makes its folders private, and uses none that others may write to', () => {
    const dir = join(tempDir(), 'cache');
    const env = { BRIEFKIT_CACHE_DIR: dir };
    openJsonStore({ part: 'test', limit: 10, accept }, env)?.write('a', 1);
    flushJsonStores();
    for (const folder of [dir, join(dir, 'test')]) {
      expect(statSync(folder).mode & 0o777, folder).toBe(0o700);
    }
    expect(openJsonStore({ part: 'test', limit: 10, accept }, env)?.read('a')).toBe(1);
    // Stored code runs in later builds: a folder others can write is as good as their code.
    chmodSync(join(dir, 'test'), 0o777);
    expect(openJsonStore({ part: 'test', limit: 10, accept }, env)).toBeNull();
    chmodSync(join(dir, 'test'), 0o700);
    chmodSync(dir, 0o777);
    expect(openJsonStore({ part: 'test', limit: 10, accept }, env)).toBeNull();
  });

  it.runIf(existsSync('/proc'))(
    'gives up on a folder it cannot make (in /proc) instead of retrying',
    () => {
      const store = openJsonStore(
        { part: 'test', limit: 10, accept },
        { BRIEFKIT_CACHE_DIR: '/proc/briefkit' },
      );
      store?.write('a', 1); // Node's recursive mkdir retried this forever
      flushJsonStores();
      expect(existsSync('/proc/briefkit')).toBe(false);
    },
  );
});
