import { type CsvError, type Info, parse } from 'csv-parse/sync';
import { BriefkitError, type Diagnostic, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { castCell, emptyCell } from './csv-cells.ts';
import { formatDataPath, type PathSegment } from './data-path.ts';
import { checkFileSize, checkScalar, dataLimits, tableTooLong, throwProblems } from './limits.ts';

/** A CSV file with a header row, read as a list of records. */
export interface CsvTable {
  rows: Record<string, unknown>[];
  /** Place of a row (`[2]`) or a cell (`[2, 'value']`): the file, the row's line, the column. */
  locate(path: readonly PathSegment[]): Place;
}

type ParsedRecord = { record: unknown[]; info: Info; raw: string };

/**
 * Reads a CSV table. Every problem names its row (the line the record starts on; the header
 * is row 1) and column, and a row with more or fewer cells than the header is an error, so
 * no cell is silently dropped.
 */
export function readCsvTable(file: string, text: string): CsvTable {
  checkFileSize(file, text);
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      bom: true,
      cast: castCell,
      info: true,
      raw: true,
      skip_empty_lines: true,
      // The header, the most rows allowed, and one more to tell that there are too many.
      to: dataLimits.listLength + 2,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    throw csvError(file, text, error as CsvError);
  }
  const [head, ...body] = records;
  if (!head) {
    throw new BriefkitError({
      ...messages.syntax('CSV', 'the file is empty; it needs a header row naming the columns.'),
      place: { file },
    });
  }
  const headLine = startLine(head);
  const columns = readHeader(file, head, headLine);
  const lines = body.map(startLine);
  const cellPlace = (row: number, column?: string): Place => {
    const line = lines[row];
    if (line === undefined) return { file };
    return {
      file,
      line,
      path: column === undefined ? `row ${line}` : `row ${line}, column "${column}"`,
    };
  };

  if (body.length > dataLimits.listLength) {
    throw new BriefkitError({
      ...tableTooLong(),
      place: cellPlace(dataLimits.listLength),
    });
  }
  const problems: Diagnostic[] = [];
  const rows = body.map(({ record }, row) => {
    const fields: [string, unknown][] = [];
    record.forEach((cell, i) => {
      const column = columns[i] as string;
      if (cell === emptyCell) return;
      const problem = checkScalar(cell);
      if (problem) problems.push({ ...problem, place: cellPlace(row, column) });
      fields.push([column, cell]);
    });
    // fromEntries makes own properties: a "__proto__" column stays a plain field.
    return Object.fromEntries(fields);
  });
  throwProblems(problems);

  return {
    rows,
    locate: (path) => {
      const [row, column] = path;
      if (typeof row !== 'number')
        return { file, ...(path.length ? { path: formatDataPath(path) } : {}) };
      return cellPlace(row, typeof column === 'string' ? column : undefined);
    },
  };
}

function readHeader(file: string, head: ParsedRecord, line: number): string[] {
  const columns = head.record.map((cell) => (cell === emptyCell ? '' : String(cell)));
  const problems: Diagnostic[] = [];
  columns.forEach((name, i) => {
    const place = { file, line, path: `row ${line}, column ${i + 1}` };
    if (!name.trim()) {
      problems.push({
        ...messages.syntax('CSV', `column ${i + 1} of the header row has no name.`),
        place,
      });
    } else if (columns.indexOf(name) !== i) {
      problems.push({
        ...messages.syntax('CSV', `the header names column "${name}" twice.`),
        place,
      });
    }
  });
  throwProblems(problems);
  return columns;
}

/** The line a record starts on: csv-parse counts the line it ends on. */
function startLine({ info, raw }: ParsedRecord): number {
  const body = raw.replace(/^(?:\r\n|\r|\n)+/, '').replace(/(?:\r\n|\r|\n)$/, '');
  return info.lines - lineBreaks(body);
}

function csvError(file: string, text: string, error: CsvError): BriefkitError {
  if (!(error instanceof Error) || typeof (error as { code?: unknown }).code !== 'string') {
    throw error;
  }
  const context = error as { bytes_records?: number; lines?: number; raw?: unknown };
  // A complete record comes with its raw text; an unclosed quote only says where it began.
  const row =
    typeof context.raw === 'string' && context.raw && context.lines
      ? startLine({ info: { lines: context.lines } as Info, raw: context.raw, record: [] })
      : recordStart(text, context.bytes_records ?? 0);
  const counts = /expect (\d+), got (\d+)/.exec(error.message);
  const detail: Record<string, string> = {
    CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: `row ${row} has ${counts?.[2]} cells, but the header has ${counts?.[1]} columns.`,
    CSV_QUOTE_NOT_CLOSED: `row ${row}: a quoted cell is never closed; the file ends inside it.`,
    CSV_INVALID_CLOSING_QUOTE: `row ${row}: a quoted cell has text after its closing quote; write a quote inside quotes as "".`,
  };
  const message =
    detail[error.code] ?? error.message.replace(/ (?:at|on) line \d+/, '').replace(/\.$/, '');
  return new BriefkitError({ ...messages.syntax('CSV', message), place: { file, line: row } });
}

/** The line of the record that starts after `bytes` of UTF-8, past any blank lines. */
function recordStart(text: string, bytes: number): number {
  const before = Buffer.from(text, 'utf8').subarray(0, bytes).toString('utf8');
  const blank = /^(?:\r\n|\r|\n)*/.exec(text.slice(before.length))?.[0] ?? '';
  return lineBreaks(before + blank) + 1;
}

function lineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
