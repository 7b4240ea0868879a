import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, inspect } from '../../src/index.ts';
import { tempDir } from '../helpers/sample.ts';

const outputs = ['briefing.pptx', 'summary.pdf', 'slides.pdf', 'handout.pdf'];

const cases = {
  sample: {},
  'sample-zh-CN': { data: 'data/space-station-2025.zh-CN.yaml' },
  stress: { data: 'test/fixtures/stress/data.yaml', template: 'test/fixtures/stress/template' },
};

/**
 * Golden files: the readable inspection of every output, reviewed and committed. A change
 * to the pipeline shows up here as a diff a reviewer can read. Regenerate with `vitest -u`.
 */
describe.each(Object.entries(cases))('golden inspection of the %s build', (name, options) => {
  it.each(outputs)('%s', async (output) => {
    const out = tempDir();
    await build({ ...options, out });
    const text = await inspect(join(out, output));
    await expect(text).toMatchFileSnapshot(`__snapshots__/${name}/${output}.txt`);
  });
});

describe('a one-figure change', () => {
  it('changes only the inspection lines that show that figure', async () => {
    const sample = readFileSync('data/space-station-2025.yaml', 'utf8');
    expect(sample).toContain('value: 83.92');
    const dir = tempDir();
    const edited = join(dir, 'edited.yaml');
    writeFileSync(edited, sample.replace('value: 83.92', 'value: 84.13'));
    const before = join(dir, 'before');
    const after = join(dir, 'after');
    await build({ out: before });
    await build({ data: edited, out: after });
    for (const output of outputs) {
      const a = (await inspect(join(before, output))).split('\n');
      const b = (await inspect(join(after, output))).split('\n');
      expect(b.length, output).toBe(a.length);
      const changed = a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i] ?? '']]));
      expect(changed.length, output).toBeGreaterThan(0);
      for (const [old, now] of changed) {
        expect(old, output).toContain('83.92');
        expect(now, output).toContain('84.13');
        expect(now, output).toBe(old?.replaceAll('83.92', '84.13'));
      }
    }
  });
});
