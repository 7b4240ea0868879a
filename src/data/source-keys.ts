import type { Diagnostic, Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { mapStrings } from '../template/literal.ts';
import type { PathSegment } from './data-path.ts';

/**
 * Fields named `source` whose key the dataset's `sources` lacks. Where the template cites one
 * (`{{source this.source}}`), the `source` helper stops the build; a figure's source that no
 * template line cites would otherwise go unnoticed, misspelt. Only a value written as a key
 * is one: text with spaces or a slash (`Parent survey`, a URL) is a source of its own.
 */
export function unknownSourceWarnings(
  data: unknown,
  locate: (path: PathSegment[]) => Place,
): Diagnostic[] {
  const sources = (data as { sources?: unknown } | null)?.sources;
  if (sources === null || typeof sources !== 'object' || Array.isArray(sources)) return [];
  const keys = Object.keys(sources);
  const warnings: Diagnostic[] = [];
  mapStrings(data, (text, path) => {
    if (path.at(-1) === 'source' && /^[^\s/]+$/.test(text) && !Object.hasOwn(sources, text))
      warnings.push({ ...messages.unknownSource(text, keys), place: locate(path) });
    return text;
  });
  return warnings;
}
