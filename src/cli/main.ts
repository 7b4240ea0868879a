#!/usr/bin/env node
/**
 * The executable: runs the CLI and exits with its code. This is the only module that calls
 * process.exit.
 *
 * Batch workers load this same module (dist/cli.js once bundled), so they start from the
 * pre-bundled code: in a worker thread it runs nothing and only exports the task.
 */
import { isMainThread } from 'node:worker_threads';
import { processContext } from './context.ts';
import { runCli } from './run-cli.ts';

export { runBatchTask } from '../batch/batch-task.ts';

if (isMainThread) {
  // Exit once stdout has drained: a piped `inspect --json` is longer than one pipe buffer.
  runCli(process.argv.slice(2), processContext(import.meta.url)).then((code) =>
    process.stdout.write('', () => process.exit(code)),
  );
}
