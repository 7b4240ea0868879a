import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/sample.ts';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/template/read-template.ts', async (original) => {
  const actual = await original<typeof import('../../src/template/read-template.ts')>();
  return {
    ...actual,
    readTemplate: (dir: string) => {
      reads.count++;
      return actual.readTemplate(dir);
    },
  };
});

const { runBatchTask } = await import('../../src/batch/batch-task.ts');

describe('a batch worker', () => {
  it('reads the template folder once for all the records it builds', async () => {
    const out = tempDir();
    const results = [];
    for (const name of ['Synthetic School A', 'Synthetic School B', 'Synthetic School C']) {
      results.push(
        await runBatchTask({
          options: {
            out: join(out, name),
            record: { label: name, fields: { prepared_for: name } },
          },
        }),
      );
    }
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(reads.count).toBe(1);
  });
});
