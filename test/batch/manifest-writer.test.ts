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
});
