/**
 * Greedily splits items into consecutive parts that each pass `fits`; used to continue a
 * long list or table on following slides. Null when a single item cannot fit on its own.
 */
export function splitToFit<T>(
  items: readonly T[],
  fits: (part: readonly T[]) => boolean,
): T[][] | null {
  const parts: T[][] = [];
  let start = 0;
  while (start < items.length) {
    let end = start + 1;
    if (!fits(items.slice(start, end))) return null;
    while (end < items.length && fits(items.slice(start, end + 1))) end++;
    parts.push(items.slice(start, end));
    start = end;
  }
  return parts;
}
