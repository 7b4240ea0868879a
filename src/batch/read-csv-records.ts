import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { type CsvError, type Info, parse } from 'csv-parse';
import { castCell, withoutEmptyCells } from '../data/csv-cells.ts';
import { BriefkitError, isBriefkitError } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { RecordEntry, UnreadableRecord } from './batch-record.ts';

/**
 * Streams the records of a CSV file with a header row. Only the parser's buffer and the
 * current record are in memory, however long the file. A malformed row (wrong number of
 * cells, an unclosed quote) becomes an unreadable record instead of ending the batch.
 */
export async function* readCsvRecords(file: string): AsyncGenerator<RecordEntry> {
  const skipped: UnreadableRecord[] = [];
  let seq = 0;
  const parser = parse({
    columns: (header: unknown[]) => checkHeader(file, header),
    bom: true,
    cast: castCell,
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      const row = typeof error?.lines === 'number' ? error.lines : 0;
      skipped.push({
        seq: -1,
        row,
        label: `${file} row ${row}`,
        diagnostics: [
          {
            ...messages.csvRecords(error?.message ?? 'unreadable row'),
            place: { file, line: row },
          },
        ],
      });
    },
  });
  // pipeline, unlike pipe, hands a read error (e.g. no such file) on to the loop below.
  pipeline(createReadStream(file), parser, () => {});
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{
      record: Record<string, unknown>;
      info: Info;
      raw: string;
    }>) {
      const row = info.lines - lineBreaks(raw);
      // Parsing runs ahead of this loop, so yield skipped rows in file order.
      while (skipped[0] && skipped[0].row < row) {
        yield { ok: false, record: { ...(skipped.shift() as UnreadableRecord), seq: seq++ } };
      }
      const fields = withoutEmptyCells(record);
      yield { ok: true, record: { seq: seq++, row, label: `${file} row ${row}`, fields } };
    }
  } catch (error) {
    if (isBriefkitError(error)) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BriefkitError({ ...messages.fileNotFound(file, 'records file'), place: { file } });
    }
    throw error;
  }
  for (const record of skipped) yield { ok: false, record: { ...record, seq: seq++ } };
}

/** Column names become field names, so each must be a distinct, non-empty name. */
function checkHeader(file: string, header: unknown[]): string[] {
  const names = header.map(String);
  const seen = new Set<string>();
  for (const name of names) {
    const problem = !name.trim()
      ? 'has an empty column name'
      : seen.has(name)
        ? `names "${name}" twice`
        : '';
    if (problem) {
      throw new BriefkitError({
        ...messages.syntax('CSV', `the header row ${problem}; each column needs its own name.`),
        place: { file, line: 1 },
      });
    }
    seen.add(name);
  }
  return names;
}

/**
 * Line breaks inside a record's raw text: not the one that ends it, nor those of skipped
 * empty lines before it, which the raw text starts with.
 */
function lineBreaks(raw: string): number {
  const body = raw.replace(/^(?:\r\n|\r|\n)+/, '').replace(/(?:\r\n|\r|\n)$/, '');
  return body.match(/\r\n|\r|\n/g)?.length ?? 0;
}
