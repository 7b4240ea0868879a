import { extname } from 'node:path';
import { BriefkitError, type Diagnostic } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { manifestName } from './manifest-writer.ts';
import { type Naming, nameRecord, namesAField } from './name-pattern.ts';
import { readRecords } from './read-records.ts';
import { collisionKey } from './safe-name.ts';

export interface BatchPlan {
  /** Records in the file, readable or not. */
  total: number;
  /** How folders are named: the pattern, or by row padded to `width` digits. */
  naming: Naming;
}

/**
 * A first streaming pass over the records: counts them (for progress) and checks that no
 * two records get the same folder, nor the manifest's name. A collision is a mistake in
 * `--name`, not in one record, so it stops the batch before anything is built; so does a
 * file with no records at all (empty, or a CSV header alone), which is surely not what was
 * meant. Only the names are held in memory.
 */
export async function planBatch(file: string, pattern: string | undefined): Promise<BatchPlan> {
  const csv = extname(file).toLowerCase() === '.csv';
  // Default names come from unique row numbers, so only a pattern can collide.
  const naming = { pattern, csv, width: 1 };
  // Each folder's first record, and the name it gave: a later record may spell it otherwise.
  const owners = new Map<string, { label: string; name: string }>();
  const collisions: Diagnostic[] = [];
  // The manifest sits beside the records' folders: a folder of its name would block it.
  const reserved = collisionKey(manifestName);
  let total = 0;
  let lastRow = 0;
  for await (const { ok, record } of readRecords(file)) {
    total++;
    lastRow = Math.max(lastRow, record.row);
    if (!ok || pattern === undefined) continue;
    const named = nameRecord(record, naming);
    if (!named.ok) continue;
    const key = collisionKey(named.name);
    const owner = owners.get(key);
    const clash =
      key === reserved
        ? messages.nameReserved(named.name, record.label)
        : owner !== undefined
          ? messages.nameCollision(
              owner,
              { label: record.label, name: named.name },
              !namesAField(pattern),
            )
          : undefined;
    if (clash) collisions.push({ ...clash, place: { file } });
    else owners.set(key, { label: record.label, name: named.name });
  }
  if (!total) throw new BriefkitError({ ...messages.noRecords(), place: { file } });
  if (collisions.length) throw new BriefkitError(collisions);
  return { total, naming: { ...naming, width: String(lastRow).length } };
}
