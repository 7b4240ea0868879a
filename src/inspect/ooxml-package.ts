/**
 * Read access to an OOXML (zip) package: parts as parsed XML and relationships with their
 * targets resolved to package paths. Parsed parts are cached because slides, layouts and
 * charts are looked up repeatedly.
 */
import { posix } from 'node:path';
import JSZip from 'jszip';
import { parseXml, type XmlNode } from './xml.ts';

export interface Relationship {
  id: string;
  /** Last segment of the relationship type URI: `slide`, `chart`, `notesSlide`, `hyperlink`… */
  type: string;
  /** A package path (no leading slash) for internal targets, the URI as written otherwise. */
  target: string;
  external: boolean;
}

export interface OoxmlPackage {
  readXml(part: string): Promise<XmlNode | undefined>;
  relationships(part: string): Promise<Map<string, Relationship>>;
}

function relsPathOf(part: string): string {
  const dir = posix.dirname(part);
  const rels = `_rels/${posix.basename(part)}.rels`;
  return dir === '.' ? rels : `${dir}/${rels}`;
}

/** Resolves a relationship target against the part that owns the relationship. */
function resolveTarget(part: string, target: string): string {
  const decoded = decodeURI(target);
  if (decoded.startsWith('/')) return posix.normalize(decoded.slice(1));
  return posix.normalize(posix.join(posix.dirname(part), decoded));
}

/** Opens a zip package. Rejects when the bytes are not a readable zip. */
export async function openPackage(bytes: Uint8Array): Promise<OoxmlPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const xmlCache = new Map<string, Promise<XmlNode | undefined>>();
  const relsCache = new Map<string, Promise<Map<string, Relationship>>>();

  const readXml = (part: string): Promise<XmlNode | undefined> => {
    let cached = xmlCache.get(part);
    if (!cached) {
      const file = zip.file(part);
      cached = file ? file.async('string').then(parseXml) : Promise.resolve(undefined);
      xmlCache.set(part, cached);
    }
    return cached;
  };

  const readRelationships = async (part: string): Promise<Map<string, Relationship>> => {
    const root = await readXml(relsPathOf(part));
    const map = new Map<string, Relationship>();
    for (const rel of root?.children ?? []) {
      if (rel.name !== 'Relationship') continue;
      const { Id: id, Type: type = '', Target: target = '', TargetMode: mode } = rel.attrs;
      if (id === undefined) continue;
      const external = mode === 'External';
      map.set(id, {
        id,
        type: type.slice(type.lastIndexOf('/') + 1),
        target: external ? target : resolveTarget(part, target),
        external,
      });
    }
    return map;
  };

  const relationships = (part: string): Promise<Map<string, Relationship>> => {
    let cached = relsCache.get(part);
    if (!cached) {
      cached = readRelationships(part);
      relsCache.set(part, cached);
    }
    return cached;
  };

  return { readXml, relationships };
}

/** The first relationship of a given type, e.g. a slide's `notesSlide`. */
export function relationshipOfType(
  rels: Map<string, Relationship>,
  type: string,
): Relationship | undefined {
  for (const rel of rels.values()) if (rel.type === type) return rel;
  return undefined;
}
