export type PathSegment = string | number;

/** `['highlights', 2, 'title']` → `highlights[2].title` */
export function formatDataPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
