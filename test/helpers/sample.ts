import { mkdtempSync, readFileSync } from 'node:fs';
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

/**
 * Runs `run`, then waits for the cache entries it queued to reach the disk: briefkit writes
 * them just after the work that made them (see json-store.ts).
 */
export async function thenStored<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    await new Promise((resolve) => setImmediate(resolve));
  }
}
