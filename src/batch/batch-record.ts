import type { Diagnostic } from '../errors/briefkit-error.ts';

/** One record of a batch, as read: where it came from and its fields. */
export interface BatchRecord {
  /** Position in the file, in record order from 0; orders the manifest. */
  seq: number;
  /** CSV: the line the record starts on (the header is row 1). JSON: the array index. */
  row: number;
  /** How messages name the record, e.g. `recipients.csv row 4` or `recipients.json[3]`. */
  label: string;
  fields: Record<string, unknown>;
}

/** A record that could not even be read (malformed CSV row, a JSON item that is no object). */
export interface UnreadableRecord {
  seq: number;
  row: number;
  label: string;
  diagnostics: Diagnostic[];
}

export type RecordEntry =
  | { ok: true; record: BatchRecord }
  | { ok: false; record: UnreadableRecord };
