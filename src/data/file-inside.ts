import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Why a file named by a template or a dataset cannot be read. */
export type FileProblem = 'leaves' | 'missing' | 'resolves-outside' | 'not-a-file';

/**
 * Resolves `ref`, relative to `folder`, to a regular file that stays inside the folder after
 * symlinks. Templates and datasets name their files this way, and must never make briefkit
 * read anything else: not a file elsewhere through a symlink, and not a FIFO or device, whose
 * read would block or never end.
 */
export function resolveInside(
  folder: string,
  ref: string,
): { file: string; bytes: number } | { problem: FileProblem } {
  if (isAbsolute(ref) || ref.split(/[\\/]/).includes('..')) return { problem: 'leaves' };
  let root: string;
  let file: string;
  try {
    root = realpathSync(folder);
    file = realpathSync(join(folder, ref));
  } catch {
    return { problem: 'missing' };
  }
  const rel = relative(root, file);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return { problem: 'resolves-outside' };
  }
  const stat = statSync(file);
  if (!stat.isFile()) return { problem: 'not-a-file' };
  return { file, bytes: stat.size };
}
