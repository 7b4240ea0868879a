/**
 * `briefkit watch` runs in a child process of its own, started with V8 flags for rebuilds:
 * - A pool of background threads sized to leave a core to the rebuilds. V8 compiles hot
 *   functions on that pool, four threads by default, and a watch session's early rebuilds make
 *   many functions hot at once: on two cores those threads took turns on the core the rebuild
 *   runs on. With one thread, rebuilds 4 to 10 took a median of 60.5 ms against 66.5 in one
 *   process (eight interleaved sessions each, twice; README › Speed).
 * - A young generation of 32 MB semi-spaces, with V8's `gc` exposed, so that the watch can
 *   collect while it waits (watch.ts): a sample rebuild then allocates all it needs without
 *   stopping for a collection.
 * These are process settings, read before any script runs: hence the child, which costs a Node
 * start-up (about 0.1 s) before the first build.
 */
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism, constants } from 'node:os';

/**
 * Node's modules for starting the child and asking for a debugger, loaded only for a watch:
 * every build starts here, and loading them took about 10 ms.
 */
const load = createRequire(import.meta.url);

/** Node's own pool size, whatever the machine. */
const NODE_POOL = 4;

/** Semi-space size of the watch's young generation, in MB (Node's own is 16 at most). */
const SEMI_SPACE_MB = 32;

/** A V8 flag as node takes it, in either spelling (`--v8-pool-size` or `--v8_pool_size`). */
const flagNamed = (name: string): RegExp => new RegExp(`^--${name.replaceAll('-', '[-_]')}(=|$)`);

/** Marks the child, which stops when this process is gone (see followParent). */
const CHILD_MARK = 'BRIEFKIT_WATCH_CHILD';

/** One thread fewer than the cores, at least one; null where Node's four already leave one. */
export function watchPoolSize(cores: number): number | null {
  const size = Math.max(1, cores - 1);
  return size < NODE_POOL ? size : null;
}

/** What decides where a watch runs, besides the command line. */
export interface WatchHost {
  /** node's own flags (`process.execArgv`). */
  execArgv: readonly string[];
  /** NODE_OPTIONS, node's flags for an installed command, which execArgv does not list. */
  nodeOptions?: string | undefined;
  cores: number;
  platform: NodeJS.Platform;
  /** A debugger listens to this process: its breakpoints are here. */
  debugged: boolean;
  /** This process is the watch's own, started by another. */
  relaunched?: boolean;
}

const thisHost = (): WatchHost => ({
  execArgv: process.execArgv,
  nodeOptions: process.env.NODE_OPTIONS,
  cores: availableParallelism(),
  platform: process.platform,
  debugged: (load('node:inspector') as typeof import('node:inspector')).url() !== undefined,
  relaunched: process.env[CHILD_MARK] !== undefined,
});

/**
 * The node flags for the watch's own process, or null to watch in this one: for a command line
 * starting `watch`, unless this is that process already or node is being debugged. Not on
 * Windows, which has no signals to pass a stop on with. A flag node was given, as a flag or in
 * NODE_OPTIONS, is the user's: it stands, in place of ours.
 */
export function watchFlags(argv: readonly string[], given?: WatchHost): string[] | null {
  if (argv[2] !== 'watch') return null;
  const host = given ?? thisHost();
  if (host.relaunched || host.platform === 'win32' || host.debugged) return null;
  const userFlags = [...host.execArgv, ...(host.nodeOptions ?? '').split(/\s+/)];
  const unlessGiven = (name: string, value: number | null): string[] =>
    value === null || userFlags.some((flag) => flagNamed(name).test(flag))
      ? []
      : [`--${name}=${value}`];
  return [
    ...host.execArgv,
    ...unlessGiven('v8-pool-size', watchPoolSize(host.cores)),
    ...unlessGiven('max-semi-space-size', SEMI_SPACE_MB),
    '--expose-gc',
  ];
}

/**
 * Starts the watch in a child process when watchFlags asks for one: this process then only
 * passes signals on, and the child's output, and ends as the child does. False when the
 * watch is to run here because no child may start (Node's permission model); a child that
 * fails to start later runs it here too, through `onFailure`.
 *
 * The child has a session of its own, so a Ctrl-C reaches it once, from here: a second Ctrl-C
 * then quits the watch at once, as it does in one process. Its output comes through here:
 * it never touches the terminal, which Node 20 fails an assertion over once the terminal is
 * gone, nor resets the terminal's modes under the shell when it ends after this process.
 */
export function relaunchWatch(onFailure: () => void): boolean {
  const flags = watchFlags(process.argv);
  if (!flags) return false;
  let child: ChildProcess;
  // Node's permission model refuses a child at once, by throwing.
  try {
    const { spawn } = load('node:child_process') as typeof import('node:child_process');
    child = spawn(process.execPath, [...flags, ...process.argv.slice(1)], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, [CHILD_MARK]: '1' },
    });
  } catch {
    return false;
  }
  const signals = forwardSignals(child);
  passOn(child.stdout, process.stdout);
  passOn(child.stderr, process.stderr);
  child.once('error', () => {
    if (child.pid !== undefined) return;
    signals.stop();
    onFailure();
  });
  // Once its output is all through.
  child.once('close', (code, signal) => {
    signals.stop();
    const ending = signals.hungUp() ? 'SIGHUP' : signal;
    // Ended by a stop, this process ends by it too (a shell loop sees the Ctrl-C); a crash
    // is an exit code, not a second crash here.
    if (ending && STOPS.has(ending)) afterOutput(() => process.kill(process.pid, ending));
    else process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
  });
  return true;
}

/** The signals that end a process without a fault. */
const STOPS = new Set<NodeJS.Signals>(['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGKILL']);

/** Once what this process has written has gone out (or failed to). */
function afterOutput(then: () => void): void {
  process.stdout.write('', () => process.stderr.write('', then));
}

/** A closed terminal leaves nowhere to write to: what cannot be written is dropped. */
function passOn(from: NodeJS.ReadableStream | null, to: NodeJS.WritableStream): void {
  to.on('error', () => {});
  from?.pipe(to, { end: false });
}

/**
 * Signals sent here reach the child. A closed terminal (SIGHUP, often sent twice) is one stop
 * like SIGTERM: the watch finishes the build it is writing, and this process then ends by
 * SIGHUP. Ctrl-Z (SIGTSTP) suspends only this process: the watch goes on, and what it says
 * waits here until `fg`. Were it stopped too, a suspended launcher killed outright would
 * leave it stopped for good, unable to see it is gone.
 */
function forwardSignals(child: ChildProcess) {
  let hungUp = false;
  const forwards = {
    SIGINT: () => child.kill('SIGINT'),
    SIGTERM: () => child.kill('SIGTERM'),
    SIGHUP: () => {
      if (!hungUp) child.kill('SIGTERM');
      hungUp = true;
    },
  };
  const signals = Object.keys(forwards) as (keyof typeof forwards)[];
  for (const signal of signals) process.on(signal, forwards[signal]);
  return {
    hungUp: () => hungUp,
    stop() {
      for (const signal of signals) process.off(signal, forwards[signal]);
    },
  };
}

/**
 * In the child: when the process that started it is gone, even killed outright, the IPC
 * channel closes and the watch stops as if told to (SIGTERM), rather than run on unseen; gone
 * before this runs, the channel is closed already. The channel itself must not keep the child
 * alive after the watch.
 */
export function followParent(): void {
  if (!process.env[CHILD_MARK]) return;
  if (!process.connected) {
    process.kill(process.pid, 'SIGTERM');
    return;
  }
  process.channel?.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
