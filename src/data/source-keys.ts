import type { Diagnostic, Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { mapStrings } from '../template/literal.ts';
import type { PathSegment } from './data-path.ts';

/**
 * Fields named `source` whose key the dataset's `sources` lacks. Where the template cites one
 * (`{{source this.source}}`), the `source` helper stops the build; a figure's source that no
 * template line cites would otherwise go unnoticed, misspelt.
 */
export function unknownSourceWarnings(
  data: Record<string, unknown>,
  locate: (path: PathSegment[]) => Place,
): Diagnostic[] {
  const { sources } = data;
  if (sources === null || typeof sources !== 'object' || Array.isArray(sources)) return [];
  const keys = Object.keys(sources);
  const warnings: Diagnostic[] = [];
  mapStrings(data, (text, path) => {
    if (path.at(-1) === 'source' && !Object.hasOwn(sources, text))
      warnings.push({ ...messages.unknownSource(text, keys), place: locate(path) });
    return text;
  });
  return warnings;
}
