import { type CsvError, type Info, parse } from 'csv-parse/sync';
import { BriefkitError, type Diagnostic, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { castCell, emptyCell } from './csv-cells.ts';
import { explainCsvError, headerProblems, recordStartLine } from './csv-faults.ts';
import { formatDataPath, type PathSegment } from './data-path.ts';
import { checkFileSize, checkScalar, dataLimits, tableTooLong, throwProblems } from './limits.ts';
import { lfLineEnds } from './line-ends.ts';

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
export function readCsvTable(file: string, written: string): CsvTable {
  checkFileSize(file, written);
  const text = lfLineEnds(written);
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
    throw new BriefkitError(explainCsvError(file, error as CsvError, headerOf(text)));
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
  throwProblems(headerProblems(file, columns, line));
  return columns;
}

/** The line a record starts on: csv-parse counts the line it ends on. */
function startLine({ info, raw }: ParsedRecord): number {
  return recordStartLine(info.lines, raw);
}

/** The header's column names, to name the column of a fault further down; none if unreadable. */
function headerOf(text: string): string[] {
  try {
    const [head] = parse(text, { bom: true, skip_empty_lines: true, to: 1 }) as string[][];
    return head ?? [];
  } catch {
    return [];
  }
}
