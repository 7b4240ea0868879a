import { extname } from 'node:path';
import { BriefkitError } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { RecordEntry } from './batch-record.ts';
import { readCsvRecords } from './read-csv-records.ts';
import { readJsonRecords } from './read-json-records.ts';

const readers: Record<string, (file: string) => AsyncIterable<RecordEntry>> = {
  '.csv': readCsvRecords,
  '.json': readJsonRecords,
};

/** The records of a `--each` file, in order, as a stream: chosen by the file's extension. */
export function readRecords(file: string): AsyncIterable<RecordEntry> {
  const reader = readers[extname(file).toLowerCase()];
  if (!reader) throw new BriefkitError({ ...messages.eachFormat(file), place: { file } });
  return reader(file);
}
