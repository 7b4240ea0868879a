#!/usr/bin/env node
/**
 * The executable, dist/cli.js. It runs the CLI bundle (dist/briefkit.cjs, all of main.ts and
 * its dependencies in one script) with V8's code cache: the bytecode V8 compiled on an
 * earlier run is read back instead of parsing and compiling megabytes of JavaScript again,
 * which takes about a third off a cold build. Node 20 offers no compile cache for ES
 * modules, hence a CommonJS bundle run through node:vm.
 *
 * The cache is `code/<build>-<node>-<bundle size and time>.bin` in the cache folder (see
 * cache-dir.ts), written when missing or rejected (V8 rejects data from another V8). Batch
 * workers load this module too: it exports what the bundle exports.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { buildId, cacheDir } from '../cache/cache-dir.ts';
import { keepNewest } from '../cache/keep-newest.ts';
import { writeCacheFile } from '../cache/write-cache-file.ts';

const bundle = join(dirname(fileURLToPath(import.meta.url)), 'briefkit.cjs');
const cacheFolder = buildId ? cacheDir('code') : null;
// V8 checks only the script's length: the file's size and time name the exact bundle.
const { size, mtimeMs } = statSync(bundle);
const cacheFile =
  cacheFolder &&
  join(cacheFolder, `${buildId}-${process.version}-${size}-${Math.trunc(mtimeMs)}.bin`);

function readCache(): Buffer | undefined {
  try {
    return cacheFile ? readFileSync(cacheFile) : undefined;
  } catch {
    return undefined;
  }
}

const cachedData = readCache();
// esbuild writes ASCII only (non-ASCII is escaped), so latin1 reads it exactly and fastest.
// The wrapper takes a line of its own (lineOffset -1): positions match the file and its map.
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {\n${readFileSync(bundle, 'latin1')}\n})`,
  { filename: pathToFileURL(bundle).href, lineOffset: -1, ...(cachedData ? { cachedData } : {}) },
);
if (cacheFile && isMainThread && (!cachedData || script.cachedDataRejected)) {
  // At exit, the data holds every function compiled during the run, not only the top level.
  process.once('exit', () => {
    writeCacheFile(cacheFile, script.createCachedData());
    // The few most recent builds: other installs may share the folder.
    keepNewest(dirname(cacheFile), '.bin', 3);
  });
}
const loaded = { exports: {} as { runBatchTask: unknown } };
script
  .runInThisContext()
  .call(loaded.exports, loaded.exports, createRequire(bundle), loaded, bundle, dirname(bundle));

export const { runBatchTask } = loaded.exports;
