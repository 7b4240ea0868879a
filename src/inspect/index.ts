/**
 * `inspect`: a stable, readable, diffable view of a PPTX or PDF. Tests and reviews compare
 * these views instead of opaque bytes; the JSON form carries the same data for tools.
 */
import { readFile, stat } from 'node:fs/promises';
import { fail, isBriefkitError } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { formatInspection } from './format.ts';
import { inspectPdf } from './inspect-pdf.ts';
import { inspectPptx } from './inspect-pptx.ts';
import type { Inspection } from './model.ts';

export { formatInspection } from './format.ts';
export { inspectPdf } from './inspect-pdf.ts';
export { inspectPptx } from './inspect-pptx.ts';
export type * from './model.ts';

export interface InspectOptions {
  /** Pretty JSON of the structured inspection instead of the text view. */
  json?: boolean | undefined;
}

export type FileKind = Inspection['format'];

/**
 * Tells the kind from magic bytes. A zip ("PK\x03\x04") is taken as PPTX; a PDF header may
 * follow up to 1024 bytes of junk, which readers tolerate, so we do too.
 */
function detectKind(bytes: Uint8Array): FileKind | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return 'pptx';
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-') ? 'pdf' : undefined;
}

async function readInput(file: string): Promise<Uint8Array> {
  const what = 'the file to inspect';
  const stats = await stat(file).catch(() => undefined);
  if (stats && !stats.isFile()) fail({ ...messages.notRegularFile(file, what), place: { file } });
  try {
    return await readFile(file);
  } catch {
    fail({ ...messages.fileNotFound(file, what), place: { file } });
  }
}

/** The structured inspection of a PPTX or PDF, whichever the bytes are. */
async function inspectKind(bytes: Uint8Array): Promise<Inspection> {
  const kind = detectKind(bytes);
  if (kind === 'pptx') return inspectPptx(bytes);
  if (kind === 'pdf') return inspectPdf(bytes);
  fail(messages.syntax('file', 'expected a PPTX (zip) or a PDF, judging by its first bytes'));
}

/** As inspectKind, with every diagnostic naming the file it came from, when there is one. */
async function inspectBytes(bytes: Uint8Array, file?: string): Promise<Inspection> {
  try {
    return await inspectKind(bytes);
  } catch (error) {
    if (!file || !isBriefkitError(error)) throw error;
    throw error.mapped((d) => ({ ...d, place: { file, ...d.place } }));
  }
}

/**
 * Reads a PPTX or PDF (path or bytes; kind detected from magic bytes: "PK" zip vs "%PDF")
 * and returns a stable, readable, diffable text view, or pretty JSON text when json is true.
 */
export async function inspect(
  input: string | Uint8Array,
  options: InspectOptions = {},
): Promise<string> {
  const bytes = typeof input === 'string' ? await readInput(input) : input;
  const inspection = await inspectBytes(bytes, typeof input === 'string' ? input : undefined);
  return options.json ? `${JSON.stringify(inspection, null, 2)}\n` : formatInspection(inspection);
}
