import { dirname, resolve } from 'node:path';
import type { SystemRefusal } from '../output/write-outputs.ts';

/** The disk itself refuses: full, over quota, or read-only. */
const diskWide = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);
/** Refused by permissions: batch-wide only where every record's folder is made. */
const permission = new Set(['EACCES', 'EPERM']);

/**
 * Whether a refused write is one no later record of the batch can escape, so the batch
 * should stop rather than fail every record alike: a disk that is full, over quota or
 * read-only, or an output root that will not take a record's folder. A record's own folder
 * refusing it (one left from an earlier run, without permission) is that record's alone.
 */
export function refusesEveryRecord(refusal: SystemRefusal, root: string): boolean {
  if (diskWide.has(refusal.code)) return true;
  if (!permission.has(refusal.code) || refusal.path === undefined) return false;
  const path = resolve(refusal.path);
  return path === resolve(root) || dirname(path) === resolve(root);
}
