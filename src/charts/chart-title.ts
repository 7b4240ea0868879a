/**
 * Vega-Lite writes a title as text, as a list of lines, or (for a whole chart) as an object
 * whose `text` is either. Native charts and alt text need one line: the lines joined by a
 * space. Anything else (an expression, a null title) reads as no title.
 */
export function titleText(title: unknown): string | null {
  const text =
    title !== null && typeof title === 'object' && !Array.isArray(title)
      ? (title as { text?: unknown }).text
      : title;
  if (typeof text === 'string') return text;
  if (Array.isArray(text) && text.every((line) => typeof line === 'string')) return text.join(' ');
  return null;
}
