import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeOutputFolder } from '../output/write-outputs.ts';

/**
 * Writes a cache file whole or not at all (temp file, then rename), so a reader in another
 * process or thread never sees half of it. A cache that cannot be written is no reason to
 * fail: errors are ignored.
 */
export function writeCacheFile(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    // Private, as cacheDir expects: only this user reads what the cache holds.
    makeOutputFolder(dirname(file), 0o700);
    writeFileSync(temp, data, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {} // a folder it may not even look into (EACCES): nothing was written there
  }
}
