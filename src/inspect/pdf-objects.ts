/**
 * A linear scan of a PDF's indirect objects, without the cross-reference table. pdf.js
 * does not expose raw dictionaries, and the facts inspect needs (is a font's file embedded?)
 * live only there.
 *
 * Scope, on purpose:
 * - Plain objects (`12 0 obj << … >> endobj`) anywhere in the file. Stream data is skipped by
 *   its direct `/Length` (falling back to the `endstream` keyword), so binary font or image
 *   data cannot fake an object header.
 * - Object streams (`/Type /ObjStm`, PDF 1.5+) that are unfiltered or FlateDecode alone,
 *   which is what qpdf, Acrobat and most writers produce. pdfkit writes none at all.
 * - When an object is defined twice (incremental updates), the later one wins, as the last
 *   cross-reference section would decide.
 * Encrypted files are not decrypted: their object streams cannot be inflated, which the scan
 * reports (`unreadStreams`) so callers do not mistake a sealed stream for an absent object.
 */
import { inflateSync } from 'node:zlib';
import { readArray, readDict, skipSpace, skipValue } from './pdf-syntax.ts';

/** Object bodies (the text between `obj` and `stream`/`endobj`) keyed by `"num gen"`. */
export type PdfObjects = ReadonlyMap<string, string>;

export interface PdfScan {
  objects: PdfObjects;
  /** Object streams that could not be unpacked (encrypted, or filters other than Flate). */
  unreadStreams: number;
}

const HEADER = /(?<![0-9])(\d+)\s+(\d+)\s+obj(?![A-Za-z])/.source;

function streamEnd(text: string, dataStart: number, length: string | undefined): number {
  if (length !== undefined && /^\d+$/.test(length)) {
    const end = dataStart + Number(length);
    if (text.startsWith('endstream', skipSpace(text, end))) return end;
  }
  const keyword = text.indexOf('endstream', dataStart);
  return keyword < 0 ? text.length : keyword;
}

/**
 * Adds the objects packed in an object stream (`/N` pairs of number and offset, then data).
 * Returns false when the stream cannot be unpacked.
 */
function unpackObjectStream(
  bytes: Uint8Array,
  dict: Map<string, string>,
  start: number,
  end: number,
  into: Map<string, string>,
): boolean {
  const filter = dict.get('Filter');
  const filters = filter === undefined ? [] : filter.startsWith('[') ? readArray(filter) : [filter];
  if (filters.some((name) => name !== '/FlateDecode') || filters.length > 1) return false;
  let data: string;
  try {
    const raw = bytes.subarray(start, end);
    data = Buffer.from(filters.length === 0 ? raw : inflateSync(raw)).toString('latin1');
  } catch {
    return false;
  }
  const first = Number(dict.get('First') ?? Number.NaN);
  const count = Number(dict.get('N') ?? 0);
  const header = data.slice(0, first).trim().split(/\s+/).map(Number);
  for (let k = 0; k < count; k += 1) {
    const num = header[2 * k];
    const offset = header[2 * k + 1];
    if (num === undefined || offset === undefined || Number.isNaN(first)) break;
    const next = header[2 * k + 3];
    const bodyEnd = next === undefined ? data.length : first + next;
    into.set(`${num} 0`, data.slice(first + offset, bodyEnd));
  }
  return true;
}

/** Scans all objects in a PDF file. */
export function scanObjects(bytes: Uint8Array): PdfScan {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const objects = new Map<string, string>();
  let unreadStreams = 0;
  const header = new RegExp(HEADER, 'g');
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const bodyStart = match.index + match[0].length;
    const valueStart = skipSpace(text, bodyStart);
    const valueEnd = skipValue(text, valueStart);
    objects.set(`${match[1]} ${match[2]}`, text.slice(bodyStart, valueEnd));
    let next = skipSpace(text, valueEnd);
    if (text.startsWith('stream', next)) {
      // The keyword is followed by CRLF or LF, then the data.
      let dataStart = next + 'stream'.length;
      if (text.startsWith('\r\n', dataStart)) dataStart += 2;
      else if (text.charAt(dataStart) === '\n') dataStart += 1;
      const dict = readDict(text.slice(bodyStart, valueEnd));
      const dataEnd = streamEnd(text, dataStart, dict.get('Length'));
      if (
        dict.get('Type') === '/ObjStm' &&
        !unpackObjectStream(bytes, dict, dataStart, dataEnd, objects)
      ) {
        unreadStreams += 1;
      }
      next = dataEnd;
    }
    header.lastIndex = Math.max(next, bodyStart);
  }
  return { objects, unreadStreams };
}
