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
  /** Calls handler on each Ctrl-C (SIGINT) until the returned function stops listening. */
  onInterrupt(handler: () => void): () => void;
}

/** The real process: its streams, environment and SIGINT. */
export function processContext(workerModule: string): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    workerModule,
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}
