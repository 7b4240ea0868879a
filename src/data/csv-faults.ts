/**
 * What is wrong with a CSV file, and where, for every CSV briefkit reads (`--data`, `!csv`
 * tables, `build --each`), so a fault reads the same wherever it is found: csv-parse's own
 * messages ("Invalid Record Length: expect 2, got 3 on line 3") say it in the parser's terms.
 */
import type { CsvError } from 'csv-parse';
import type { Diagnostic, Place } from '../errors/briefkit-error.ts';
import { type Message, messages } from '../errors/messages.ts';

/**
 * The line a record starts on, from the line csv-parse counted when it ended and the
 * record's raw text, which starts with any blank lines skipped before it and ends with the
 * record's own line break. Line ends are LF by then (see line-ends.ts).
 */
export function recordStartLine(lines: number, raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return lines - (body.match(/\n/g)?.length ?? 0);
}

/**
 * A csv-parse error in plain words, placed at the row the record starts on and, for a fault
 * inside one cell, its column: named from `columns` (the header) where known. Anything else
 * (a bug, say) is rethrown.
 */
export function explainCsvError(
  file: string,
  error: CsvError,
  columns: readonly string[] = [],
): Diagnostic {
  if (!(error instanceof Error) || typeof (error as { code?: unknown }).code !== 'string') {
    throw error;
  }
  const { lines, raw, column } = error as { lines?: number; raw?: unknown; column?: unknown };
  const row = recordStartLine(lines ?? 0, typeof raw === 'string' ? raw : '');
  const counts = /(?:expect|columns length is) (\d+), got (\d+)/.exec(error.message);
  const cellCount = () => messages.csvCellCount(row, Number(counts?.[2]), Number(counts?.[1]));
  const explain: Record<string, () => Message> = {
    // csv-parse's code for a record read as an array, and for one read with named columns.
    CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: cellCount,
    CSV_RECORD_INCONSISTENT_COLUMNS: cellCount,
    CSV_QUOTE_NOT_CLOSED: () => messages.csvQuoteNotClosed(row),
    CSV_INVALID_CLOSING_QUOTE: () => messages.csvTextAfterQuote(row),
    INVALID_OPENING_QUOTE: () => messages.csvQuoteInCell(row),
  };
  // A quote fault lies inside one cell; a wrong cell count belongs to the whole row.
  const inCell = error.code.includes('QUOTE');
  const message =
    explain[error.code]?.() ??
    messages.syntax('CSV', error.message.replace(/ (?:at|on) line \d+/, '').replace(/\.$/, ''));
  return { ...message, place: rowPlace(file, row, inCell ? columnName(column, columns) : '') };
}

/** Column names become field names, so each must be a distinct, non-empty name. */
export function headerProblems(file: string, names: readonly string[], line: number): Diagnostic[] {
  // One column whose name holds tabs or semicolons: a table another program separated so.
  const [only] = names;
  const separator = names.length === 1 && only ? /[\t;]/.exec(only)?.[0] : undefined;
  if (separator) {
    const by = separator === '\t' ? 'tabs' : 'semicolons';
    return [{ ...messages.csvSeparator(by), place: rowPlace(file, line, '') }];
  }
  return names.flatMap((name, i) => {
    const place = rowPlace(file, line, String(i + 1));
    if (!name.trim()) return [{ ...messages.csvHeaderUnnamed(i + 1), place }];
    if (names.indexOf(name) !== i) return [{ ...messages.csvHeaderTwice(name), place }];
    return [];
  });
}

/** `file:line (row 5, column "b")`, the column as the header names it or by number. */
function rowPlace(file: string, line: number, column: string): Place {
  return { file, line, ...(column ? { path: `row ${line}, column ${column}` } : {}) };
}

/** csv-parse gives the column by name when it reads named columns, else by index. */
function columnName(column: unknown, columns: readonly string[]): string {
  const name = typeof column === 'number' ? columns[column] : column;
  if (typeof name === 'string' && name) return `"${name}"`;
  return typeof column === 'number' ? String(column + 1) : '';
}
