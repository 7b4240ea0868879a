import { formatDataPath, type PathSegment } from '../data/data-path.ts';
import { describeValue } from '../data/explain-schema-error.ts';
import type { Place } from '../errors/briefkit-error.ts';
import { type Message, messages } from '../errors/messages.ts';
import { type ChartSpecSource, placeInSpec } from '../template/read-template.ts';
import { fieldType } from './field-type.ts';
import { rowsDrawn } from './rows-drawn.ts';

/** Transform keys whose outputs are known: `calculate` names its field in `as`. */
const FORESEEN = new Set(['filter', 'calculate', 'as']);

interface Encoded {
  field: string;
  /** Where the spec names it, e.g. `['encoding', 'y', 'field']`. */
  path: PathSegment[];
  /** What Vega reads the field's values as: numbers or dates, else as they are. */
  reads: 'number' | 'date' | null;
}

/** A problem with the rows a chart draws, placed in the spec or in the dataset. */
export interface RowProblem {
  message: Message;
  place: Place;
}

/**
 * Checks a chart's rows before Vega sees them, for what Vega reports badly or not at all:
 *
 * - a misspelt field draws nothing, with at best an "Infinite extent for field "kilos_start""
 *   warning (none for a text field). Each field encoded from the chart's own rows must be one
 *   the rows have or a calculation makes. Specs with other transforms (fold, aggregate,
 *   window, …) make fields that cannot be foreseen here, and are left to Vega;
 * - Vega keys plain objects by category, and a value "__proto__" fails deep in its dataflow;
 * - a text value that does not read as the number or date its channel needs ("1,512,750",
 *   "2025-13-01") is left out of the drawing without a word: a bar is missing, a line jumps
 *   over a month.
 */
export function checkRows(
  chart: ChartSpecSource,
  source: string,
  rows: readonly unknown[],
  locateData: (path: PathSegment[]) => Place,
): RowProblem | null {
  const { encoded, made, foreseeable } = readSpec(chart.spec, source);
  const records = rows.filter(isRecord);
  const known = new Set(records.flatMap((row) => Object.keys(row)));
  const missing = encoded.find(({ field }) => !known.has(field) && !made.has(field));
  if (foreseeable && known.size > 0 && missing) {
    return {
      message: messages.chartField(chart.name, missing.field, source, [...known].sort()),
      place: placeInSpec(chart, missing.path),
    };
  }
  for (const { field } of encoded) {
    // Counted among all rows, so a null or text entry before it does not shift the path.
    const row = rows.findIndex(
      (r) => isRecord(r) && Object.hasOwn(r, field) && r[field] === '__proto__',
    );
    if (row >= 0) {
      const path = [source, row, field];
      return {
        message: messages.chartReservedValue(chart.name, formatDataPath(path)),
        place: locateData(path),
      };
    }
  }
  return unreadable(chart, source, encoded, made, rows, locateData);
}

function isRecord(row: unknown): row is Record<string, unknown> {
  return !!row && typeof row === 'object';
}

/**
 * The first value, in a row the chart may draw, that Vega cannot read as its channel needs;
 * named by its row in the data, counting the rows a filter drops.
 */
function unreadable(
  chart: ChartSpecSource,
  source: string,
  encoded: readonly Encoded[],
  made: ReadonlySet<string>,
  rows: readonly unknown[],
  locateData: (path: PathSegment[]) => Place,
): RowProblem | null {
  const drawn = new Set(rowsDrawn(chart.spec, rows) as readonly unknown[]);
  for (const { field, reads } of encoded) {
    if (!reads || made.has(field)) continue;
    const row = rows.findIndex(
      (r) => drawn.has(r) && unreadableText((r as Record<string, unknown>)?.[field], reads),
    );
    if (row >= 0) {
      const path = [source, row, field];
      return {
        message: messages.chartUnreadableValue(
          chart.name,
          formatDataPath(path),
          describeValue((rows[row] as Record<string, unknown>)[field]),
          reads,
        ),
        place: locateData(path),
      };
    }
  }
  return null;
}

/**
 * Text Vega reads as no number or no date. An empty text, like null, is a gap Vega draws on
 * purpose; numbers and dates written as such are read as they are.
 */
function unreadableText(value: unknown, reads: 'number' | 'date'): boolean {
  if (typeof value !== 'string' || value.trim() === '') return false;
  return Number.isNaN(reads === 'number' ? Number(value) : Date.parse(value));
}

/** Fields encoded from the source's rows, fields calculations make, and whether that is all. */
function readSpec(spec: object, source: string) {
  const encoded: Encoded[] = [];
  const made = new Set<string>();
  let foreseeable = true;
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (value === null || typeof value !== 'object') return;
    // A view with data of its own (a layer's threshold line, say) draws other rows.
    const data = (value as { data?: { name?: unknown } }).data;
    if (path.length > 0 && data !== undefined && data?.name !== source) return;
    for (const [key, child] of Object.entries(value)) {
      const here = [...path, Array.isArray(value) ? Number(key) : key];
      if (key === 'transform' && Array.isArray(child)) {
        for (const step of child as Record<string, unknown>[]) {
          if (Object.keys(step ?? {}).some((k) => !FORESEEN.has(k))) foreseeable = false;
          if (typeof step?.as === 'string') made.add(step.as);
        }
      }
      if (key === 'encoding') encoded.push(...encodedFields(child, here));
      visit(child, here);
    }
  };
  visit(spec, []);
  return { encoded, made, foreseeable };
}

/** Plain field names of an encoding's channels (nested paths such as `a.b` are skipped). */
function encodedFields(encoding: unknown, path: PathSegment[]): Encoded[] {
  const fields: Encoded[] = [];
  for (const [channel, def] of Object.entries(encoding ?? {})) {
    const defs = Array.isArray(def) ? def : [def];
    defs.forEach((d, i) => {
      const { field, type, timeUnit } = (d ?? {}) as Record<string, unknown>;
      if (typeof field !== 'string' || /[.[\]\\]/.test(field)) return;
      const at = Array.isArray(def) ? [...path, channel, i, 'field'] : [...path, channel, 'field'];
      const reads =
        fieldType(type) === 'temporal' || timeUnit !== undefined
          ? 'date'
          : fieldType(type) === 'quantitative'
            ? 'number'
            : null;
      fields.push({ field, path: at, reads });
    });
  }
  return fields;
}
