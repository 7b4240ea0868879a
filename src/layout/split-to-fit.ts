/**
 * Splits items (list paragraphs, table rows) into consecutive parts that each pass `fits`,
 * to continue a long list or table on following slides. Uses as few parts as greedy filling
 * needs, then evens them out so the last slide is not a lonely leftover. Null when a single
 * item cannot fit on its own.
 */
export function splitToFit<T>(
  items: readonly T[],
  fits: (part: readonly T[]) => boolean,
): T[][] | null {
  const greedy = fillGreedily(items, fits);
  if (!greedy) return null;
  const even = evenParts(items, greedy.length);
  return even.every(fits) ? even : greedy;
}

function fillGreedily<T>(items: readonly T[], fits: (part: readonly T[]) => boolean): T[][] | null {
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

function evenParts<T>(items: readonly T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => items.slice(i * size, (i + 1) * size)).filter(
    (p) => p.length,
  );
}
