import { extname } from 'node:path';
import { BriefkitError, type Diagnostic } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { manifestName } from './manifest-writer.ts';
import {
  hasNameField,
  type Naming,
  nameRecord,
  namesAField,
  patternFields,
} from './name-pattern.ts';
import { readRecords } from './read-records.ts';
import { collisionKey } from './safe-name.ts';

export interface BatchPlan {
  /** Records in the file, readable or not. */
  total: number;
  /** How folders are named: the pattern, or by row padded to `width` digits. */
  naming: Naming;
}

/**
 * A first streaming pass over the records: counts them (for progress) and checks that every
 * `--name` field is in some record, and that no two records get the same folder, nor the
 * manifest's name. These are mistakes in `--name`, not in one record, so they stop the batch
 * before anything is built; so does a file with no records at all (empty, or a CSV header
 * alone), which is surely not what was meant. Only names are held in memory.
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
  // The pattern's fields no record has yet, and the fields the records have, for the hint.
  const unseen = new Set(pattern === undefined ? [] : patternFields(pattern));
  const seenFields = new Set<string>();
  let readable = false;
  let total = 0;
  let lastRow = 0;
  for await (const { ok, record } of readRecords(file)) {
    total++;
    lastRow = Math.max(lastRow, record.row);
    if (!ok || pattern === undefined) continue;
    readable = true;
    for (const field of unseen) if (hasNameField(record.fields, field)) unseen.delete(field);
    if (unseen.size) for (const field of Object.keys(record.fields)) seenFields.add(field);
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
  // A field in no record is a mistake in --name, not in the records: one error, not one each.
  const [missing] = unseen;
  if (missing !== undefined && readable) {
    const message = messages.nameFieldInNoRecord(missing, [...seenFields]);
    throw new BriefkitError({ ...message, place: { file } });
  }
  if (collisions.length) throw new BriefkitError(collisions);
  return { total, naming: { ...naming, width: String(lastRow).length } };
}
