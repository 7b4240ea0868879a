import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { type CsvError, type Info, type Parser, parse } from 'csv-parse';
import { castCell, withoutEmptyCells } from '../data/csv-cells.ts';
import { explainCsvError, headerProblems, recordStartLine } from '../data/csv-faults.ts';
import { throwProblems } from '../data/limits.ts';
import { lfLineEndsStream } from '../data/line-ends.ts';
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
  let lastSkipped: UnreadableRecord | undefined;
  const parser: Parser = parse({
    // The header ends on the line the parser has reached (blank lines may come before it).
    columns: (header: unknown[]) => checkHeader(file, header, parser.info.lines),
    bom: true,
    cast: castCell,
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (!error) return;
      const diagnostic = explainCsvError(file, error);
      const row = diagnostic.place?.line ?? 0;
      if (lastSkipped?.row === row) {
        // After a bad quote the parser faults again in the same record, having read the rest
        // of the file into it: report the record once, and that the rows after it are lost.
        if (error.code === 'CSV_QUOTE_NOT_CLOSED' && Number(error.lines) > row)
          lastSkipped.diagnostics.push({
            ...messages.csvRestUnread(row),
            place: { file, line: row },
          });
        return;
      }
      lastSkipped = { seq: -1, row, label: `${file} row ${row}`, diagnostics: [diagnostic] };
      skipped.push(lastSkipped);
    },
  });
  // pipeline, unlike pipe, hands a read error (e.g. no such file) on to the loop below.
  pipeline(createReadStream(file), lfLineEndsStream(), parser, () => {});
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{
      record: Record<string, unknown>;
      info: Info;
      raw: string;
    }>) {
      const row = recordStartLine(info.lines, raw);
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
function checkHeader(file: string, header: unknown[], endLine: number): string[] {
  const names = header.map(String);
  throwProblems(headerProblems(file, names, recordStartLine(endLine, names.join(','))));
  return names;
}
