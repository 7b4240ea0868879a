import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFreshBundle } from './helpers/bundle.ts';

/**
 * Before any test: dist/ is bundled if src/ changed since, and every build in the run,
 * in-process or a spawned CLI, shares one fresh cache folder (chart store, code cache).
 */
export default function setup(): () => void {
  ensureFreshBundle();
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-test-cache-'));
  process.env.BRIEFKIT_CACHE_DIR = dir;
  // Retried: a CLI a test stopped may still be writing its last cache entries there.
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}
