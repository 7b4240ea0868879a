/**
 * Rebuilds whenever the dataset, a `!csv` table it reads, or anything in the template folder
 * (templates, theme, schema, chart specs, pictures) changes: what each good build reports it
 * read is watched from then on, since a data edit can add a table, and after a failed build
 * the tables the dataset names, in its folder or below, since one may be what it lacked.
 * Builds run in this process, so every rebuild after the first reuses loaded modules, fonts
 * and compiled schemas; a rebuild for a data edit also reuses the template folder as last
 * read. The first build starts once chokidar is ready (or a second on), and changes that
 * arrive during a build are batched into one more build after it; an editor's temp file,
 * come and gone, is no change (see pending-changes.ts). A failed build leaves the last good
 * outputs in place (writes are atomic) and the watch goes on. After the first build, the
 * charts it took from the store are drawn once more, so that Vega is loaded and warm for the
 * first edits (StoredCharts.drawAgain). Between builds, the watch collects what the last one
 * left (collectWhileIdle).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { watch as watchFiles } from 'chokidar';
import { type BuildOptions, type BuildResult, buildWith, defaults } from '../../build.ts';
import { collectStoredCharts } from '../../charts/chart-memo.ts';
import { tablesNamed } from '../../data/read-tables.ts';
import { readTemplate, type TemplateBundle } from '../../template/read-template.ts';
import { pendingChanges } from './pending-changes.ts';

export type RebuildEvent = {
  /** Files that changed since the last build, as absolute paths; empty for the first build. */
  changed: readonly string[];
  /** Those of them that are gone (deleted or moved away) rather than changed. */
  removed: readonly string[];
  ms: number;
} & ({ ok: true; result: BuildResult } | { ok: false; error: unknown });

export interface WatchHooks {
  onRebuild?(event: RebuildEvent): void;
  /** Quiet time after a change before rebuilding: editors often write a file in steps. */
  debounceMs?: number;
}

export interface WatchHandle {
  /** The files and folders followed (more after a build that read new ones). */
  readonly paths: readonly string[];
  /**
   * Resolves once watching has started, the first build is done, and the charts it took from
   * the store are drawn again (or a change came first).
   */
  readonly ready: Promise<void>;
  /** Stops watching; waits for a build in progress to finish. */
  close(): Promise<void>;
}

export function watch(options: BuildOptions, hooks: WatchHooks = {}): WatchHandle {
  const data = resolve(options.data ?? defaults.data);
  const template = resolve(options.template ?? defaults.template);
  const out = resolve(options.out ?? defaults.out);
  const watched = new Set([data, template]);
  /** A path the build read, or one inside a folder it read. */
  const isInput = (path: string): boolean =>
    watched.has(path) || [...watched].some((input) => path.startsWith(input + sep));
  // chokidar watches the folders holding the inputs, not the inputs themselves: given more
  // than one path, it loses a file that is deleted and created again (git checkout, cp).
  const folders = () => [...new Set([...watched].map((input) => dirname(input)))];
  /** A folder that holds an input, however deep: chokidar must walk it to find the input. */
  const holdsInput = (path: string): boolean =>
    [...watched].some((input) => input.startsWith(path + sep));
  /**
   * Temp files, and our own writes should --out be inside the template folder or hold the
   * dataset: there, only the inputs themselves and the folders that hold them are watched.
   */
  const ours = (path: string): boolean =>
    path.endsWith('.tmp') ||
    ((path === out || path.startsWith(out + sep)) &&
      !watched.has(path) &&
      !folders().includes(path));
  const watcher = watchFiles(folders(), {
    ignoreInitial: true,
    // Of those folders, only the inputs.
    ignored: (path) =>
      ours(path) || !(isInput(path) || holdsInput(path) || folders().includes(path)),
  });

  const changes = pendingChanges();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  let first = true;
  const stored = collectStoredCharts();
  /** The template folder as last read; read again when something in it changes. */
  let read: TemplateBundle | undefined;
  const rebuild = async (): Promise<void> => {
    const batch = changes.take();
    // Only paths that appeared and vanished since the last build: nothing to rebuild for.
    if (!first && !batch.length) return;
    const opening = first;
    first = false;
    const removed = batch.filter((path) => !existsSync(path));
    // A data edit leaves the template folder as it was read: only the dataset is read again.
    if (batch.some((path) => path === template || path.startsWith(template + sep)))
      read = undefined;
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      // As given, not resolved: messages name a template outside this folder as the user did.
      read ??= readTemplate(options.template ?? defaults.template);
      const result = await buildWith(options, read);
      watchAlso(result.inputs);
      hooks.onRebuild?.({ changed: batch, removed, ms: ms(), ok: true, result });
    } catch (error) {
      // The tables the dataset names, one of which it may have lacked: watched from now on.
      watchAlso(tablesNamed(data));
      hooks.onRebuild?.({ changed: batch, removed, ms: ms(), ok: false, error });
    }
    // Before the next build; a change saved meanwhile stops it.
    if (opening) await stored.drawAgain(() => closed || again || timer !== undefined);
  };
  const watchAlso = (paths: readonly string[]): void => {
    const added = paths.filter((path) => !watched.has(path));
    for (const path of added) watched.add(path);
    // A folder not made yet is found from the one above it (holdsInput): chokidar, given a
    // missing folder, does not report what is later created in it.
    const present = added.map((path) => dirname(path)).filter((folder) => existsSync(folder));
    if (present.length && !closed) watcher.add(present);
  };
  const schedule = (): void => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = rebuild().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule();
      } else if (!timer) collectWhileIdle();
    });
  };

  /** A build once the writes pause: editors often write a file in steps. */
  const rebuildSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      schedule();
    }, hooks.debounceMs ?? 30);
  };
  /** Files chokidar reported changed, each with the timer that looks at it again. */
  const rechecks = new Map<string, NodeJS.Timeout>();
  // chokidar drops a change to a file within 50 ms of the one before, with nothing after: the
  // second of two saves 30 to 90 ms apart, the first building, went unbuilt 4 times in 30. So
  // a file reported changed is looked at again once that window is over.
  const recheckLater = (path: string): void => {
    const seen = fileState(path);
    clearTimeout(rechecks.get(path));
    rechecks.set(
      path,
      setTimeout(() => {
        rechecks.delete(path);
        const now = fileState(path);
        if (closed || !now || now === seen) return;
        changes.note('change', path);
        rebuildSoon();
      }, RECHECK_MS),
    );
  };
  watcher.on('all', (event, path) => {
    if (!isInput(path)) return;
    changes.note(event, path);
    rebuildSoon();
    if (event === 'change') recheckLater(path);
  });
  /** Closed before chokidar is ready, it never will be: nothing waits for it then. */
  let closedFirst = (): void => {};
  const watching = new Promise<void>((ready, fail) => {
    watcher.once('ready', ready);
    watcher.once('error', fail);
    closedFirst = ready;
  });
  // Started before chokidar was ready, a save made as it ended went unheard. Not past a
  // second, though: a folder of thousands of files, or a symlink loop, keeps it scanning.
  const scanned = new Promise<void>((enough) => setTimeout(enough, FIRST_BUILD_WAIT_MS).unref());
  const firstBuild = Promise.race([watching, scanned]).then(() => {
    schedule();
    return running;
  });
  // Failed before the first build, it collects for nothing.
  watching.catch(() => stored.forget());

  return {
    get paths() {
      return [...watched];
    },
    ready: firstBuild.then(() => undefined),
    async close() {
      closed = true;
      closedFirst();
      // Closed before the first build, nothing else would stop collecting.
      stored.forget();
      clearTimeout(timer);
      for (const recheck of rechecks.values()) clearTimeout(recheck);
      await watcher.close();
      await running;
    },
  };
}

/** How long the first build waits for chokidar's first scan of the folders it watches. */
const FIRST_BUILD_WAIT_MS = 1000;

/** After chokidar's 50 ms, with room for its own stat before it reports a change. */
const RECHECK_MS = 60;

/** What tells one save of a file from the next (a rename over it too), or '' if it is gone. */
function fileState(path: string): string {
  try {
    const { ino, size, mtimeMs } = statSync(path);
    return `${ino}:${size}:${mtimeMs}`;
  } catch {
    return '';
  }
}

/**
 * A minor collection while no build runs or waits, where V8's `gc` is exposed (in the watch's
 * own process, see watch-process.ts). What the last build allocated is garbage by now, so this
 * is quick, and the next build starts with an empty young generation. Collected during a build
 * instead, the build's live objects are copied and it waits. Rebuilds 4 to 10 took a median
 * of 46 ms with this and 32 MB semi-spaces, 51.5 with this alone, 55.5 with the semi-spaces
 * alone, and 57 with neither (six interleaved sessions each).
 */
function collectWhileIdle(): void {
  (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc?.({ type: 'minor' });
}
