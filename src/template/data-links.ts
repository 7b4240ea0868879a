import { formatDataPath, type PathSegment } from '../data/data-path.ts';
import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { refusedLinkMessage } from '../model/parse-markdown.ts';
import { unescapeMarkdown } from './literal.ts';

/**
 * Where in the data a helper's argument was written, from the dotted paths Handlebars tracked
 * for it (see argumentPaths in helpers.ts); undefined for one the template wrote itself.
 */
export type DataPlaceOf = (paths: readonly string[], value: unknown) => Place | undefined;

export function dataPlaces(literal: unknown, locate: (path: PathSegment[]) => Place): DataPlaceOf {
  return (paths, value) => {
    for (const dotted of paths) {
      const path = pathTo(literal, dotted, value);
      if (path) return { ...locate(path), path: formatDataPath(path) };
    }
    return undefined;
  };
}

/**
 * Links that text from the data brings into the Markdown through `md`. The parser, reading the
 * composed Markdown, knows only the template line; a link it refuses that came from the data
 * is reported at the data field instead, where the user has to change it.
 */
export function dataLinks(placeOf: DataPlaceOf) {
  const places = new Map<string, Place>();
  return {
    /** A refused link `md` was given, with the dotted paths its text may have in the data. */
    note(url: string, paths: readonly string[], value: unknown): void {
      if (places.has(url)) return;
      const place = placeOf(paths, value);
      if (place) places.set(url, place);
    },
    /** Runs a parse of composed Markdown, placing the links it refuses that came from data. */
    placed<T>(parse: () => T): T {
      try {
        return parse();
      } catch (error) {
        if (!(error instanceof BriefkitError) || !places.size) throw error;
        throw error.mapped((d) => {
          const url = [...places.keys()].find((u) => refusedLinkMessage(u).message === d.message);
          return url === undefined ? d : { ...d, place: places.get(url) as Place };
        });
      }
    },
  };
}

/**
 * A dotted Handlebars path (`highlights.2.note`) as a data path, if it leads to `value`: a
 * number only where it indexes a list, and an object's key as the data has it (`#each` over an
 * object tracks it escaped).
 */
function pathTo(data: unknown, dotted: string, value: unknown): PathSegment[] | undefined {
  const path: PathSegment[] = [];
  let at = data;
  for (const segment of dotted.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    const key: PathSegment | undefined = Array.isArray(at)
      ? /^\d+$/.test(segment)
        ? Number(segment)
        : undefined
      : [segment, unescapeMarkdown(segment)].find((k) => Object.hasOwn(at as object, k));
    if (key === undefined) return undefined;
    path.push(key);
    at = (at as Record<PathSegment, unknown>)[key];
  }
  return at === value ? path : undefined;
}
