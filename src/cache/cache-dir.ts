import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where briefkit keeps what it can recompute (drawn charts, compiled code): the user's cache
 * folder, or BRIEFKIT_CACHE_DIR. BRIEFKIT_NO_CACHE=1 turns caching off (null).
 */
export function cacheDir(part: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.BRIEFKIT_NO_CACHE === '1') return null;
  return join(env.BRIEFKIT_CACHE_DIR || envPaths('briefkit', { suffix: '' }).cache, part);
}

declare const BRIEFKIT_BUILD_ID: string | undefined;

/**
 * Names the bundled build (a hash of the sources and the lock file, set by scripts/bundle.mjs)
 * so caches never mix builds. Run from source there is none.
 */
export const buildId: string | undefined =
  typeof BRIEFKIT_BUILD_ID === 'string' ? BRIEFKIT_BUILD_ID : undefined;
