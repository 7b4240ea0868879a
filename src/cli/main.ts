/**
 * The CLI's main module: runs the CLI and exits with its code. This is the only module that
 * calls process.exit. Bundled as dist/briefkit.cjs and started by launch.ts (dist/cli.js).
 *
 * Batch workers load dist/cli.js too, so they start from the same bundle and code cache: in a
 * worker thread this module runs nothing and only exports the task.
 */
import { isMainThread } from 'node:worker_threads';
import { processContext } from './context.ts';
import { runCli } from './run-cli.ts';

export { runBatchTask } from '../batch/batch-task.ts';
// Asked by launch.ts at exit: whether this run's compiled code is worth keeping.
export { keepsCompiledCode } from './built-here.ts';

// Charts over dates are drawn in UTC, where a date such as 2025-01-01 falls on that day:
// in the machine's own zone, Vega drew it on the evening before west of Greenwich, and the
// same input gave other files on another machine. Set before any build; workers inherit it.
process.env.TZ = 'UTC';

if (isMainThread) {
  // Exit once stdout has drained: a piped `inspect --json` is longer than one pipe buffer.
  runCli(process.argv.slice(2), processContext(import.meta.url)).then((code) =>
    process.stdout.write('', () => process.exit(code)),
  );
}
