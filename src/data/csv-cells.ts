import type { CastingContext } from 'csv-parse';

/** JSON's number syntax: no leading zeros (so codes such as 02139 stay text), no hex, no NaN. */
const jsonNumber = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Marks an unquoted empty cell, which is left out of its record. */
export const emptyCell = Symbol('empty cell');

/**
 * The cell rules for every CSV briefkit reads (`--data`, `!csv` tables, `--each`), so a CSV
 * means the same everywhere: cells are text, except that an unquoted cell written as a JSON
 * number becomes a number, and an unquoted empty cell is left out (optional fields can be
 * blank; in a batch, a blank keeps the dataset's value). Write `""` for an empty text.
 */
export function castCell(value: string, context: CastingContext): unknown {
  if (context.header || context.quoting) return value;
  if (value === '') return emptyCell;
  return jsonNumber.test(value) ? Number(value) : value;
}

export function withoutEmptyCells(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== emptyCell));
}
