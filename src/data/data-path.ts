export type PathSegment = string | number;

/**
 * Characters in a key that would act on a terminal or the text around them (control
 * characters, line separators, bidirectional overrides) rather than show.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

/** `['highlights', 2, 'title']` → `highlights[2].title`; a key from the data shows as text. */
export function formatDataPath(path: readonly PathSegment[]): string {
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${printable(s)}`))
    .join('');
}

function printable(key: string): string {
  return key.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)?.toString(16)}}`);
}

/** The value at a path, or undefined where the data has none (own keys only). */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PathSegment, unknown>)[key];
  }
  return value;
}

/** The path of the first key whose key and value pass the test, depth first. */
export function pathWhere(
  value: unknown,
  test: (key: string, child: unknown) => boolean,
): PathSegment[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    if (test(key, child)) return [key];
    const path = pathWhere(child, test);
    if (path) return [Array.isArray(value) ? Number(key) : key, ...path];
  }
  return undefined;
}
