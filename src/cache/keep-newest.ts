import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Once a cache folder holds more than `limit` files ending in `suffix`, deletes all but the
 * `keep` most recently written. Best effort: a file another process removed first is no error.
 */
export function keepNewest(folder: string, suffix: string, limit: number, keep = limit): void {
  try {
    const names = readdirSync(folder).filter((name) => name.endsWith(suffix));
    if (names.length <= limit) return;
    const byAge = names
      .map((name) => ({ file: join(folder, name), time: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { file } of byAge.slice(keep)) rmSync(file, { force: true });
  } catch {}
}
