#!/usr/bin/env node
/**
 * The executable, dist/cli.js. It runs the CLI bundle (dist/briefkit.cjs, all of main.ts and
 * its dependencies in one script) with V8's code cache: the bytecode V8 compiled on an
 * earlier run is read back instead of parsing and compiling megabytes of JavaScript again,
 * which takes about a third off a cold build. Node 20 offers no compile cache for ES
 * modules, hence CommonJS bundles run through node:vm. Vega and Vega-Lite are a script of
 * their own (dist/vega.cjs), required by the CLI bundle when a chart is drawn, with a cache
 * of their own: builds whose charts are stored never read their bytecode. pdf.js, for
 * `inspect`, is one too (dist/pdfjs.cjs): builds never read it.
 *
 * Each cache is `code/<build>-<node>-<script>-<size>-<time>-<flags>.bin` in the cache folder
 * (see cache-dir.ts), written when missing or rejected (V8 rejects data from another V8, or
 * from a process given other V8 flags). Batch workers load this module too: it exports what
 * the bundle exports.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { isMainThread, Worker } from 'node:worker_threads';
import { buildId, cacheDir } from '../cache/cache-dir.ts';
import { keepNewest } from '../cache/keep-newest.ts';
import { writeCacheFile } from '../cache/write-cache-file.ts';
import { followParent, relaunchWatch } from './watch/watch-process.ts';

const dist = dirname(fileURLToPath(import.meta.url));
const cacheFolder = buildId ? cacheDir('code') : null;

/**
 * Node's flags, as given on its command line and in NODE_OPTIONS: V8 rejects a cache written
 * under other V8 flags. `watch` runs with flags of its own (watch-process.ts): sharing one
 * file, it and `build` each rejected the other's cache and compiled everything again.
 */
const flags = createHash('sha256')
  .update(JSON.stringify([process.execArgv, process.env.NODE_OPTIONS ?? '']))
  .digest('hex')
  .slice(0, 8);

/** Scripts that bundles require by these names are run here, with their code cache. */
const scripts = new Map<string, unknown>();

function runScript(name: string): unknown {
  const file = join(dist, name);
  // V8 checks only the script's length: the file's size and time name the exact script.
  const { size, mtimeMs } = statSync(file);
  const cacheFile =
    cacheFolder &&
    join(
      cacheFolder,
      `${buildId}-${process.version}-${basename(name, '.cjs')}-${size}-${Math.trunc(mtimeMs)}-${flags}.bin`,
    );
  const cachedData = readCache(cacheFile);
  // esbuild writes ASCII only (non-ASCII is escaped), so latin1 reads it exactly and fastest.
  // The wrapper takes a line of its own (lineOffset -1): positions match the file and its map.
  const script = new Script(
    `(function (exports, require, module, __filename, __dirname) {\n${readFileSync(file, 'latin1')}\n})`,
    { filename: pathToFileURL(file).href, lineOffset: -1, ...(cachedData ? { cachedData } : {}) },
  );
  const loaded = { exports: {} };
  // Batch workers only read: the main thread keeps what it compiled.
  if (cacheFile && isMainThread && (!cachedData || script.cachedDataRejected)) {
    // At exit, the data holds every function compiled during the run, not only the top level.
    process.once('exit', () => {
      if (!keepsCode(loaded.exports)) return;
      writeCacheFile(cacheFile, script.createCachedData());
      // Three scripts, for build's flags and watch's, of two installs sharing the folder.
      keepNewest(dirname(cacheFile), '.bin', 12);
    });
  } else if (cacheFile && isMainThread) {
    markUsed(cacheFile);
  }
  const load = createRequire(file);
  const require = (id: string) => (id.endsWith('.cjs') ? required(basename(id)) : load(id));
  script.runInThisContext().call(loaded.exports, loaded.exports, require, loaded, file, dist);
  return loaded.exports;
}

/**
 * Whether a run's cache of a script is worth writing. The CLI bundle says (only a run that
 * built, see built-here.ts): written by `inspect`, `--help` or a batch's main thread, it would
 * hold little of a build's code. Vega's and pdf.js's scripts, loaded only to use them, always.
 */
function keepsCode(exports: unknown): boolean {
  return (exports as { keepsCompiledCode?: () => boolean }).keepsCompiledCode?.() ?? true;
}

function required(name: string): unknown {
  if (!scripts.has(name)) scripts.set(name, runScript(name));
  return scripts.get(name);
}

/** A cache V8 accepted is dated now: past the folder's limit, the least recently used go. */
function markUsed(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // Only the order in which caches are dropped.
  }
}

function readCache(file: string | null): Buffer | undefined {
  try {
    return file ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * ICU loads its number and date data at a process's first Intl format, about 30 ms, once for
 * every thread: for a build, a worker thread does it while this one compiles the bundle and
 * reads the inputs, so the build's first formatted number costs nothing. Not for other
 * commands (help, version), which the worker's start would only slow down.
 */
function loadIcuData(): void {
  const formats = `new Intl.NumberFormat('en').format(1.5);
    new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(0);`;
  // Only a speed-up: a worker that cannot start or fails changes nothing.
  try {
    new Worker(formats, { eval: true }).on('error', () => {}).unref();
  } catch {
    // Thrown where no worker may start: under Node's permission model, without --allow-worker.
  }
}

/** A build or a watch in this thread; a batch's main thread (`--each`) only hands out records. */
const buildsHere = (argv: readonly string[]): boolean =>
  ['build', 'watch'].some((command) => argv.includes(command)) &&
  !argv.some((arg) => arg === '--each' || arg.startsWith('--each='));

/** Runs the CLI in this process: the bundle's main module runs it as it loads (main.ts). */
function runHere(): { runBatchTask: unknown } {
  if (isMainThread && buildsHere(process.argv)) loadIcuData();
  return required('briefkit.cjs') as { runBatchTask: unknown };
}

if (isMainThread) followParent();

// A watch may run in a process of its own (watch-process.ts): this one then only waits for it.
const relaunched = isMainThread && relaunchWatch(runHere);
export const { runBatchTask } = relaunched ? { runBatchTask: undefined } : runHere();
