/**
 * `briefkit watch` runs in a child process of its own, with V8's pool of background threads
 * sized to leave a core to the rebuilds. V8 compiles hot functions on that pool, four threads
 * by default, and a watch session's early rebuilds make many functions hot at once: on two
 * cores those threads took turns on the core the rebuild runs on. With one thread, rebuilds
 * 4 to 10 took a median of 60.5 ms against 66.5 in one process (eight interleaved sessions
 * each, twice; README › Speed). The pool is a process setting, read before any script runs:
 * hence the child.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, constants } from 'node:os';

/** Node's own pool size, whatever the machine. */
const NODE_POOL = 4;

const POOL_FLAG = '--v8-pool-size';

/** Marks the child, which stops when this process is gone (see followParent). */
const CHILD_MARK = 'BRIEFKIT_WATCH_CHILD';

/** One thread fewer than the cores, at least one; null where Node's four already leave one. */
export function watchPoolSize(cores: number): number | null {
  const size = Math.max(1, cores - 1);
  return size < NODE_POOL ? size : null;
}

/**
 * The node flags for the watch's own process, or null to watch in this one: for a command line
 * starting `watch`, unless node was given a pool size (the user's, or ours in the child). Not
 * on Windows, where passing a stop on (`kill`) would end the child at once, mid-write.
 */
export function watchFlags(
  argv: readonly string[],
  execArgv: readonly string[],
  cores = availableParallelism(),
  platform = process.platform,
): string[] | null {
  if (argv[2] !== 'watch' || platform === 'win32') return null;
  if (execArgv.some((flag) => flag === POOL_FLAG || flag.startsWith(`${POOL_FLAG}=`))) return null;
  const size = watchPoolSize(cores);
  return size === null ? null : [...execArgv, `${POOL_FLAG}=${size}`];
}

/**
 * Starts the watch in a child process when watchFlags asks for one: this process then only
 * passes stop signals on and exits with the child's code. False when the watch is to run here,
 * including when the child could not start, `onFailure` told.
 */
export function relaunchWatch(onFailure: () => void): boolean {
  const flags = watchFlags(process.argv, process.execArgv);
  if (!flags) return false;
  const child = spawn(process.execPath, [...flags, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [CHILD_MARK]: '1' },
  });
  let started = false;
  child.once('spawn', () => {
    started = true;
    forwardStops(child);
  });
  child.once('error', () => {
    if (!started) onFailure();
  });
  child.once('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
  });
  return true;
}

/**
 * Ctrl-C reaches both processes; `kill` only this one: either way the child hears it, and
 * a watch takes a repeated stop as one.
 */
function forwardStops(child: ChildProcess): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
}

/**
 * In the child: when the process that started it is gone, even killed outright, the IPC
 * channel closes and the watch stops as if told to (SIGTERM), rather than run on unseen.
 */
export function followParent(): void {
  if (!process.env[CHILD_MARK] || !process.channel) return;
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
