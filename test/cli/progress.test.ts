import { describe, expect, it } from 'vitest';
import type { BatchSummary } from '../../src/batch/run-batch.ts';
import { createProgress } from '../../src/cli/each/progress.ts';
import { testContext } from './helpers/context.ts';

const failure = (row: number) => ({
  ok: false as const,
  record: { row, label: `classes.csv row ${row}` },
  diagnostics: [],
});

describe('batch progress', () => {
  it('lists failed records in file order, though workers finish them out of order', () => {
    // Two workers failed rows 4, 2 and 3 in that order, and the summary listed them so.
    const context = testContext();
    const progress = createProgress(context);
    progress.start(3);
    for (const row of [4, 2, 3]) progress.record(failure(row));
    const summary: BatchSummary = {
      total: 3,
      built: 0,
      failed: 3,
      internal: 0,
      interrupted: false,
      halted: false,
      stoppedBy: undefined,
      unbuilt: 0,
      manifest: 'out/manifest.json',
    };
    progress.finish(summary, 1000);
    expect(context.out()).toContain(
      '3 failed: classes.csv row 2; classes.csv row 3; classes.csv row 4.',
    );
  });
});
