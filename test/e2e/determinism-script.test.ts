import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run check:determinism', () => {
  it('finds every output of the sample and the tour the same in three time zones, with the cache folder empty, full and missing a stored chart', () => {
    const run = spawnSync(process.execPath, ['scripts/check-determinism.mjs'], {
      encoding: 'utf8',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    // Four outputs of each report, each compared across the three builds.
    expect(run.stdout.match(/^same +\S+/gm)).toHaveLength(8);
  }, 180_000);
});
