import type { Place } from '../errors/briefkit-error.ts';
import { mapStrings } from '../template/literal.ts';
import type { PathSegment } from './data-path.ts';

type Field = { text: string; path: PathSegment[] };

/**
 * Where the data writes the longest part of some text: what to shorten when a slide's text
 * does not fit. Only text written as it is shows; a field the template changed (through
 * `md`, say) is not found, and neither is one shorter than `shortest` characters.
 */
export function longestField(
  data: unknown,
  locate: (path: PathSegment[]) => Place,
  shortest = 12,
): (text: string) => Place | undefined {
  // Gathered on the first question only: most builds fit and never ask.
  let fields: Field[] | undefined;
  const gather = () => {
    const found: Field[] = [];
    mapStrings(data, (text, path) => {
      const plain = squeezed(text);
      if ([...plain].length >= shortest) found.push({ text: plain, path });
      return text;
    });
    return found;
  };
  return (text) => {
    fields ??= gather();
    const within = squeezed(text);
    const found = fields.filter((field) => within.includes(field.text));
    const longest = found.reduce<Field | undefined>(
      (best, field) => (best && best.text.length >= field.text.length ? best : field),
      undefined,
    );
    return longest && locate(longest.path);
  };
}

/** Runs of white space as one space: lines wrap and paragraphs join differently in a frame. */
export function squeezed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
