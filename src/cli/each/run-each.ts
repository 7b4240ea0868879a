/** `build --each`: flags → runBatch, progress on the terminal, and the exit code. */

import { availableParallelism } from 'node:os';
import { runBatch } from '../../batch/run-batch.ts';
import type { BuildOptions } from '../../build.ts';
import { usageProblems } from '../../errors/messages.ts';
import { defaultOut } from '../build-options.ts';
import { usageError } from '../command.ts';
import type { CliContext } from '../context.ts';
import { version } from '../version.ts';
import { createProgress } from './progress.ts';

export interface EachFlags {
  each: string;
  name?: string | undefined;
  jobs?: string | undefined;
}

export async function runEach(
  flags: EachFlags,
  options: BuildOptions,
  context: CliContext,
): Promise<number> {
  const jobs = flags.jobs === undefined ? availableParallelism() : Number(flags.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) {
    throw usageError(usageProblems.jobs(flags.jobs));
  }
  const { out = defaultOut, ...shared } = options;
  const progress = createProgress(context);
  const stop = new AbortController();
  const halt = new AbortController();
  let terminated = false;
  const stopListening = context.onInterrupt((signal) => {
    // Asked to end (SIGTERM), it quits as at a second Ctrl-C: builds dropped, nothing half-written.
    terminated ||= signal === 'SIGTERM';
    if (stop.signal.aborted || terminated) {
      progress.note('Quitting: the builds in progress are dropped.');
      stop.abort();
      halt.abort();
      return;
    }
    progress.note('Stopping after the builds in progress (Ctrl-C again to quit now)…');
    stop.abort();
  });
  const started = performance.now();
  try {
    const summary = await runBatch({
      each: flags.each,
      name: flags.name,
      jobs,
      out,
      build: shared,
      workerModule: context.workerModule,
      generator: `briefkit ${version}`,
      signal: stop.signal,
      halt: halt.signal,
      onPlan: (plan) => progress.start(plan.total),
      onRecord: (outcome) => progress.record(outcome),
    });
    const quitBy = terminated ? 'a request to end (SIGTERM)' : undefined;
    progress.finish(summary, performance.now() - started, quitBy);
    // As a shell reports a process ended by the signal.
    if (summary.halted) return terminated ? 143 : 130;
    if (summary.internal > 0) return 70;
    return summary.failed > 0 || summary.interrupted ? 1 : 0;
  } finally {
    progress.stop();
    stopListening();
  }
}
