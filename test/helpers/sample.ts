import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/index.ts';

export interface SampleOutputs {
  dir: string;
  pptx: Uint8Array;
  summary: Uint8Array;
  slides: Uint8Array;
  handout: Uint8Array;
}

let sample: Promise<SampleOutputs> | undefined;

/** Builds the sample once per test file's worker into a fresh temp folder. */
export function buildSample(): Promise<SampleOutputs> {
  sample ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefkit-sample-'));
    await build({ out: dir });
    const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
    return {
      dir,
      pptx: read('briefing.pptx'),
      summary: read('summary.pdf'),
      slides: read('slides.pdf'),
      handout: read('handout.pdf'),
    };
  })();
  return sample;
}

export function tempDir(prefix = 'briefkit-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of the sample template, as `template` in `dir`, for a test to change. */
export function sampleTemplateCopy(dir = tempDir()): string {
  const template = join(dir, 'template');
  cpSync('templates/briefing', template, { recursive: true });
  return template;
}

/**
 * Runs `run`, then writes the cache entries it queued (briefkit writes them after a build,
 * or at exit). The module is imported afresh, so after vi.resetModules() it is the instance
 * the code under test uses.
 */
export async function thenStored<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    const { flushJsonStores } = await import('../../src/cache/json-store.ts');
    flushJsonStores();
  }
}

/** The folders a build of the sample fills in the cache folder (besides `code/`). */
export const storeFolders = [
  'charts',
  'lines',
  'markdown',
  'parsed',
  'schemas',
  'subsets',
  'tables',
  'templates',
];
