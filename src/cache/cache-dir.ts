import { statSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where briefkit keeps what it can recompute (drawn charts, compiled code): the user's cache
 * folder, or BRIEFKIT_CACHE_DIR. BRIEFKIT_NO_CACHE=1 turns caching off (null), and so does a
 * folder that is not private (see isPrivate).
 */
export function cacheDir(part: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.BRIEFKIT_NO_CACHE === '1') return null;
  const root = env.BRIEFKIT_CACHE_DIR || envPaths('briefkit', { suffix: '' }).cache;
  const dir = join(root, part);
  return isPrivate(root) && isPrivate(dir) ? dir : null;
}

/**
 * Later builds run the code the cache holds (compiled templates, schema validators, V8
 * bytecode), so a folder someone else owns, or that others may write to, is not used: it
 * would let them run code as this user. A folder not made yet is made private (0700).
 */
function isPrivate(folder: string): boolean {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(folder);
  } catch (error) {
    // Not made yet: it will be made private. Any other failure: it cannot be used.
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  const owner = process.getuid?.();
  return (owner === undefined || stat.uid === owner) && (Number(stat.mode) & 0o022) === 0;
}

declare const BRIEFKIT_BUILD_ID: string | undefined;

/**
 * Names the bundled build (a hash of the sources and the lock file, set by scripts/bundle.mjs)
 * so caches never mix builds. Run from source there is none.
 */
export const buildId: string | undefined =
  typeof BRIEFKIT_BUILD_ID === 'string' ? BRIEFKIT_BUILD_ID : undefined;
