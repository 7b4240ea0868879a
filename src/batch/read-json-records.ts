import { readFile, stat } from 'node:fs/promises';
import { readSource } from '../data/read-source.ts';
import { BriefkitError } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { RecordEntry } from './batch-record.ts';

/** JSON has no streaming parse here, so the whole file is read: cap it to bound memory. */
const maxBytes = 64 * 1024 * 1024;

/** The items of a JSON array file, each an object of fields, labelled by array index. */
export async function* readJsonRecords(file: string): AsyncGenerator<RecordEntry> {
  const items = await readArray(file);
  for (const [index, item] of items.entries()) {
    const label = `${file}[${index}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      const found = item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item;
      yield {
        ok: false,
        record: {
          seq: index,
          row: index,
          label,
          diagnostics: [{ ...messages.notAnObject(found), place: { file, path: `[${index}]` } }],
        },
      };
    } else {
      const fields = item as Record<string, unknown>;
      yield { ok: true, record: { seq: index, row: index, label, fields } };
    }
  }
}

async function readArray(file: string): Promise<unknown[]> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new BriefkitError({ ...messages.fileNotFound(file, 'records file'), place: { file } });
  }
  if (size > maxBytes) {
    throw new BriefkitError({
      ...messages.eachTooLarge(file, maxBytes / 1024 / 1024),
      place: { file },
    });
  }
  const text = await readFile(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Only on failure: the YAML reader parses JSON too and says where the mistake is.
    value = readSource(file, text).value;
  }
  if (!Array.isArray(value)) {
    const found = value === null ? 'null' : typeof value === 'object' ? 'an object' : typeof value;
    throw new BriefkitError({ ...messages.notAnArray(found), place: { file } });
  }
  return value;
}
