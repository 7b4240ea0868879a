import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every build in a test run, in-process or a spawned CLI, shares one fresh chart store. */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-test-cache-'));
  process.env.BRIEFKIT_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
