// Batch workers for tests: vitest's TypeScript transform does not reach worker threads, so
// this module registers tsx there before loading the task from the sources.
import { register } from 'tsx/esm/api';

register();
const task = await import('../../../src/batch/batch-task.ts');

export const runBatchTask = task.runBatchTask;
