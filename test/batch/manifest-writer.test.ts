import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManifestWriter } from '../../src/batch/manifest-writer.ts';
import { catchError } from '../helpers/errors.ts';
import { tempDir } from '../helpers/sample.ts';

const header = { generator: 'test', each: 'r.csv' };

describe('manifest writer', () => {
  it('refuses a folder in the manifest’s place before the batch starts', () => {
    const out = tempDir('briefkit-manifest-');
    mkdirSync(join(out, 'manifest.json'));
    const error = catchError(() => createManifestWriter(out, header));
    expect(error.diagnostics[0]?.code).toBe('output-path');
    expect(readdirSync(out)).toEqual(['manifest.json']);
  });

  it('refuses a folder that takes the manifest’s place during the batch, leaving no temp file', () => {
    const out = tempDir('briefkit-manifest-');
    const writer = createManifestWriter(out, header);
    writer.settle(0, undefined);
    mkdirSync(join(out, 'manifest.json'));
    const error = catchError(() => writer.close());
    expect(error.diagnostics[0]).toMatchObject({
      code: 'output-path',
      place: { file: join(out, 'manifest.json') },
    });
    expect(readdirSync(out)).toEqual(['manifest.json']);
    // Aborting after a failed close is harmless.
    expect(() => writer.abort()).not.toThrow();
  });

  it.runIf(process.platform === 'linux')(
    'leaves no cut-off manifest when the file system takes only part of a write',
    () => {
      const out = tempDir('briefkit-manifest-');
      // In a shell limited to 8 KiB files (ulimit -f counts 512-byte blocks), as on a nearly
      // full disk: the write that crosses the limit is cut short, the next one refused.
      const script = [
        "const { createManifestWriter } = await import('./src/batch/manifest-writer.ts');",
        `const writer = createManifestWriter(${JSON.stringify(out)}, { generator: 'test', each: 'r.csv' });`,
        "const errors = [{ code: 'x', message: 'm'.repeat(20000) }];",
        "writer.fail({ row: 1, label: 'r.csv row 1', errors });",
        'writer.settle(0, undefined);',
        'try { writer.close(); console.log("closed"); } catch (e) { console.log(e.message); }',
      ].join('\n');
      const run = spawnSync(
        'sh',
        [
          '-c',
          'ulimit -f 16 && exec "$0" --import tsx --input-type=module -e "$1"',
          process.execPath,
          script,
        ],
        { encoding: 'utf8', timeout: 20_000 },
      );
      expect(run.stdout.trim()).toBe(
        `Cannot write to the output folder "${out}": a file would be larger than the system allows.`,
      );
      expect(readdirSync(out)).toEqual([]);
    },
  );
});
