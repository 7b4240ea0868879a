import type { CliContext, StopSignal } from '../../../src/cli/context.ts';

/** Runs batch workers from the TypeScript sources (see tsx-worker.mjs). */
export const testWorkerModule = new URL('./tsx-worker.mjs', import.meta.url).href;

export interface TestContext extends CliContext {
  readonly out: () => string;
  readonly err: () => string;
  /** Simulates Ctrl-C. */
  interrupt(signal?: StopSignal): void;
}

/** A CliContext that records what commands print and lets a test press Ctrl-C. */
export function testContext(env: Record<string, string> = {}): TestContext {
  const out: string[] = [];
  const err: string[] = [];
  const handlers = new Set<(signal: StopSignal) => void>();
  return {
    stdout: { write: (text) => out.push(text) > 0 },
    stderr: { write: (text) => err.push(text) > 0 },
    env,
    workerModule: testWorkerModule,
    command: 'briefkit',
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    out: () => out.join(''),
    err: () => err.join(''),
    interrupt(signal = 'SIGINT') {
      for (const handler of [...handlers]) handler(signal);
    },
  };
}
