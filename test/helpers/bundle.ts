import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The bundled executable, as users run it. */
export const CLI = 'dist/cli.js';

/** Node's permission model, by the flag this Node knows it by. */
export const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission'; // Node 20 and 21

/** dist/ is built by `npm ci` (prepare); rebuild it when src/ is newer, as a developer would. */
export function ensureFreshBundle(): void {
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  let built = 0;
  try {
    // The types are written last; a dist/ from before they were has none.
    built = Math.min(statSync(CLI).mtimeMs, statSync('dist/index.d.ts').mtimeMs);
  } catch {}
  if (built < newest('src')) {
    const bundle = spawnSync(process.execPath, ['scripts/bundle.mjs'], { encoding: 'utf8' });
    if (bundle.status !== 0) throw new Error(`bundling failed:\n${bundle.stderr}`);
  }
}
