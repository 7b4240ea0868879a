import type { PathSegment } from '../data/data-path.ts';

export interface MissingField {
  field: string;
  /** Where the spec names it, e.g. `['encoding', 'y', 'field']`. */
  path: PathSegment[];
  /** The fields the rows have, sorted. */
  known: string[];
}

/** Transform keys whose outputs are known: `calculate` names its field in `as`. */
const FORESEEN = new Set(['filter', 'calculate', 'as']);

/**
 * A misspelt field draws nothing: Vega warns only of an "Infinite extent for field
 * "kilos_start"", or not at all for a text field. So each encoded field must be one the rows
 * have or a calculation makes. Specs with other transforms (fold, aggregate, window, …) make
 * fields that cannot be foreseen here, and are left to Vega.
 */
export function missingField(spec: object, rows: readonly unknown[]): MissingField | null {
  const made: string[] = [];
  const encoded: { field: string; path: PathSegment[] }[] = [];
  let foreseeable = true;
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const here = [...path, Array.isArray(value) ? Number(key) : key];
      if (key === 'transform' && Array.isArray(child)) {
        for (const step of child as Record<string, unknown>[]) {
          if (Object.keys(step ?? {}).some((k) => !FORESEEN.has(k))) foreseeable = false;
          if (typeof step?.as === 'string') made.push(step.as);
        }
      }
      if (key === 'encoding') encoded.push(...encodedFields(child, here));
      visit(child, here);
    }
  };
  visit(spec, []);
  const known = new Set(
    rows.flatMap((row) => (row && typeof row === 'object' ? Object.keys(row) : [])),
  );
  if (!foreseeable || known.size === 0) return null;
  const missing = encoded.find(({ field }) => !known.has(field) && !made.includes(field));
  return missing ? { ...missing, known: [...known].sort() } : null;
}

/** Plain field names of an encoding's channels (nested paths such as `a.b` are skipped). */
function encodedFields(encoding: unknown, path: PathSegment[]) {
  const fields: { field: string; path: PathSegment[] }[] = [];
  for (const [channel, def] of Object.entries(encoding ?? {})) {
    const defs = Array.isArray(def) ? def : [def];
    defs.forEach((d, i) => {
      const field = (d as { field?: unknown } | null)?.field;
      if (typeof field !== 'string' || /[.[\]\\]/.test(field)) return;
      const at = Array.isArray(def) ? [...path, channel, i, 'field'] : [...path, channel, 'field'];
      fields.push({ field, path: at });
    });
  }
  return fields;
}
