/** Vega-Lite's field types (vega-lite/src/type.ts). */
export const FIELD_TYPES = ['quantitative', 'temporal', 'ordinal', 'nominal', 'geojson'] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/** The first letters Vega-Lite takes for a type (`"q"`); geojson has none. */
const SHORT: Record<string, FieldType> = {
  q: 'quantitative',
  t: 'temporal',
  o: 'ordinal',
  n: 'nominal',
};

/**
 * A spec's field type as Vega-Lite reads it (its getFullName): in any case, or by its first
 * letter, so `"Q"` is quantitative; undefined for what it does not take.
 */
export function fieldType(type: unknown): FieldType | undefined {
  if (typeof type !== 'string') return undefined;
  const lower = type.toLowerCase();
  return SHORT[lower] ?? FIELD_TYPES.find((t) => t === lower);
}
