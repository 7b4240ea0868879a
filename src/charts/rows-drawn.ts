/**
 * The rows of a chart's bound list that can reach its marks, for the chart's memo key: rows
 * the spec's leading field filters (`oneOf`, `equal`) certainly drop are left out, so
 * editing a figure a chart does not show does not draw that chart again. Vega still draws
 * from every row. "Certainly": a row stays when its field matches as it is, or as Vega-Lite's
 * implicit string or number parse reads it. Specs read otherwise (nested data, dates, an
 * explicit format) keep every row.
 */
export function rowsDrawn(spec: Record<string, unknown>, rows: unknown): unknown {
  if (!Array.isArray(rows) || !plainlyRead(spec)) return rows;
  let kept: unknown[] = rows;
  for (const transform of Array.isArray(spec.transform) ? spec.transform : []) {
    const filter = fieldFilter(transform);
    if (!filter) break;
    kept = kept.filter((row) => mayPass(row, filter));
  }
  return kept;
}

type Primitive = string | number | boolean | null;

interface FieldFilter {
  field: string;
  values: Primitive[];
}

/** A field name Vega-Lite reads as one plain key, not a path (`a.b`, `a[0]`, escapes). */
const PLAIN_FIELD = /^[^.[\]\\]+$/;

function fieldFilter(transform: unknown): FieldFilter | undefined {
  const filter = (transform as { filter?: unknown } | null)?.filter;
  if (!isRecord(transform) || Object.keys(transform).length !== 1 || !isRecord(filter)) return;
  const { field, ...test } = filter;
  if (typeof field !== 'string' || !PLAIN_FIELD.test(field)) return;
  const [[kind, value] = [], ...others] = Object.entries(test);
  if (others.length) return;
  const values = kind === 'equal' ? [value] : kind === 'oneOf' ? value : null;
  if (!Array.isArray(values) || !values.every(isPrimitive)) return;
  return { field, values };
}

/** Whether a row's field may pass: as it is, or after Vega's toString or toNumber. */
function mayPass(row: unknown, { field, values }: FieldFilter): boolean {
  if (!isRecord(row)) return true;
  const value = row[field];
  const empty = value == null || value === '';
  const readings = [value, empty ? null : `${value}`, empty ? null : Number(value)];
  return readings.some((reading) => values.indexOf(reading as Primitive) !== -1);
}

/** No data but the top-level source, no dates (parsed before filtering), no format. */
function plainlyRead(spec: Record<string, unknown>): boolean {
  const { data, ...rest } = spec;
  if (isRecord(data) && 'format' in data) return false;
  const text = JSON.stringify(rest);
  return !/"(data|timeUnit)":|"temporal"/.test(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: unknown): value is Primitive {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
