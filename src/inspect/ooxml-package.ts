/**
 * Read access to an OOXML (zip) package: parts as parsed XML and relationships with their
 * targets resolved to package paths. Parsed parts are cached because slides, layouts and
 * charts are looked up repeatedly.
 */
import { posix } from 'node:path';
import JSZip from 'jszip';
import { BriefkitError, fail } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
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
  /** A part as plain text, e.g. an OpenDocument package's `mimetype`. */
  readText(part: string): Promise<string | undefined>;
  relationships(part: string): Promise<Map<string, Relationship>>;
}

function relsPathOf(part: string): string {
  const dir = posix.dirname(part);
  const rels = `_rels/${posix.basename(part)}.rels`;
  return dir === '.' ? rels : `${dir}/${rels}`;
}

/** Resolves a relationship target against the part that owns the relationship. */
function resolveTarget(part: string, target: string): string {
  let decoded: string;
  try {
    decoded = decodeURI(target);
  } catch {
    fail(
      messages.syntax(
        'PPTX',
        `a relationship of ${part} points at "${target}", which is no valid address.`,
      ),
    );
  }
  if (decoded.startsWith('/')) return posix.normalize(decoded.slice(1));
  return posix.normalize(posix.join(posix.dirname(part), decoded));
}

/** JSZip's chunked reader of a part; it has it at run time but leaves it out of its types. */
interface StreamingPart {
  internalStream(type: 'uint8array'): PartStream;
}
interface PartStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): PartStream;
  on(event: 'error', listener: (error: Error) => void): PartStream;
  on(event: 'end', listener: () => void): PartStream;
  pause(): PartStream;
  resume(): PartStream;
}

/** Far above any real slide or chart part; a zip bomb inflates to gigabytes. */
const MAX_PART_BYTES = 64 * 2 ** 20;

/**
 * Inflates and parses one part. A hostile package (a part that inflates to gigabytes, XML
 * with a DOCTYPE or nesting past the parser's limit) fails as a syntax error naming the part.
 * The part is inflated as a stream and dropped once past the limit: the size a zip declares
 * can lie (and JSZip reads a zip64 size as a negative number).
 */
async function readPart(part: string, file: JSZip.JSZipObject): Promise<XmlNode> {
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    const stream = (file as unknown as StreamingPart).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        bytes += chunk.length;
        if (bytes <= MAX_PART_BYTES) return void chunks.push(chunk);
        stream.pause();
        reject(new BriefkitError(messages.pptxPartTooLarge(part, MAX_PART_BYTES)));
      })
      .on('error', (error: Error) =>
        reject(new BriefkitError(messages.pptxPartUnreadable(part, error.message))),
      )
      .on('end', () => resolve(new TextDecoder().decode(Buffer.concat(chunks))))
      .resume();
  });
  try {
    return parseXml(text);
  } catch (error) {
    return fail(messages.pptxPartUnreadable(part, (error as Error).message));
  }
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
      cached = file ? readPart(part, file) : Promise.resolve(undefined);
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

  const readText = async (part: string): Promise<string | undefined> =>
    zip.file(part)?.async('string');

  return { readXml, readText, relationships };
}

/** The first relationship of a given type, e.g. a slide's `notesSlide`. */
export function relationshipOfType(
  rels: Map<string, Relationship>,
  type: string,
): Relationship | undefined {
  for (const rel of rels.values()) if (rel.type === type) return rel;
  return undefined;
}
