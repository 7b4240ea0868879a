import { posix, win32 } from 'node:path';

/**
 * Everything a command may touch of the outside world, passed in rather than reached for,
 * so tests can run commands in-process with their own streams and worker module.
 */
export interface CliStream {
  write(text: string): boolean;
  /** True on an interactive terminal: commands then draw progress bars instead of lines. */
  readonly isTTY?: boolean;
}

export interface CliContext {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * The module batch workers load: it must export `runBatchTask`. In the bundle this is
   * dist/cli.js itself, so workers start from the same pre-bundled code as the CLI.
   */
  readonly workerModule: string;
  /** How the user runs briefkit, for the commands we suggest: `briefkit`, or `node …/cli.js`. */
  readonly command: string;
  /**
   * Calls handler on each Ctrl-C (SIGINT), and on a request to end (SIGTERM, as CI timeouts
   * and service managers send), until the returned function stops listening.
   */
  onInterrupt(handler: (signal: StopSignal) => void): () => void;
}

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The real process: its streams, environment and stop signals. */
export function processContext(workerModule: string): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    workerModule,
    command: invokedAs(process.argv[1]),
    onInterrupt(handler) {
      const signals = ['SIGINT', 'SIGTERM'] as const;
      for (const signal of signals) process.on(signal, handler);
      return () => {
        for (const signal of signals) process.off(signal, handler);
      };
    },
  };
}

/**
 * `briefkit` when started through the installed command: npm's bin link, or on Windows its
 * shim, which runs node_modules\briefkit\dist\cli.js. `npx briefkit` when npm started it
 * (`npx`, `npm exec`, a package script): the install is then most likely the project's own,
 * whose command is not on the shell's PATH. Else the script as run from a checkout
 * (`node dist/cli.js`), by its absolute path, which works from any folder.
 */
export function invokedAs(
  script: string | undefined,
  platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const path = platform === 'win32' ? win32 : posix;
  const installed =
    !script ||
    path.basename(script, path.extname(script)) === 'briefkit' ||
    script.split(path.sep).includes('node_modules');
  if (installed) return env.npm_command ? 'npx briefkit' : 'briefkit';
  return `node ${shellWord(path.resolve(script), platform)}`;
}

/**
 * A path as one word of a shell command: quoted where it holds more than plain characters,
 * in double quotes on Windows, where cmd.exe takes single quotes as part of the word. A path
 * starting with a dash is spelled from the current folder (`./-name`), or commands such as
 * `cd` would read it as an option.
 */
export function shellWord(path: string, platform = process.platform): string {
  const text = path.startsWith('-')
    ? `.${(platform === 'win32' ? win32 : posix).sep}${path}`
    : path;
  if (platform === 'win32') return /^[\w.\\/:-]+$/.test(text) ? text : `"${text}"`;
  return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
