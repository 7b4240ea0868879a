/**
 * The fonts a PDF declares and whether each is embedded, read from the raw font
 * dictionaries (see pdf-objects.ts for which files that covers). A font is embedded when its
 * FontDescriptor, or for a composite (Type0) font its descendant's, has FontFile, FontFile2
 * or FontFile3. Type 3 fonts draw glyphs with PDF operators, so they always count as
 * embedded. This matches what `pdffonts` reports.
 */
import type { PdfFont } from './model.ts';
import { type PdfObjects, scanObjects } from './pdf-objects.ts';
import { decodeName, readArray, readDict, refKey } from './pdf-syntax.ts';

const TYPE_LABELS: Readonly<Record<string, string>> = {
  Type1: 'Type 1',
  MMType1: 'Type 1 MM',
  TrueType: 'TrueType',
  Type3: 'Type 3',
  CIDFontType0: 'CID Type 0',
  CIDFontType2: 'CID TrueType',
};

const FONT_FILES = ['FontFile', 'FontFile2', 'FontFile3'];

/** Follows a reference; direct values come back unchanged. */
function resolve(objects: PdfObjects, value: string | undefined): string {
  const key = refKey(value);
  return key === undefined ? (value ?? '') : (objects.get(key) ?? '');
}

function isEmbedded(objects: PdfObjects, font: Map<string, string>): boolean {
  const descriptor = readDict(resolve(objects, font.get('FontDescriptor')));
  return FONT_FILES.some((key) => descriptor.has(key));
}

function describe(objects: PdfObjects, font: Map<string, string>): PdfFont {
  const subtype = decodeName(font.get('Subtype') ?? '');
  const name = decodeName(font.get('BaseFont') ?? '') || '(unnamed)';
  if (subtype === 'Type3') return { name, type: 'Type 3', embedded: true };
  if (subtype === 'Type0') {
    const first = readArray(resolve(objects, font.get('DescendantFonts')))[0];
    const descendant = readDict(resolve(objects, first));
    const cidType = decodeName(descendant.get('Subtype') ?? '');
    return {
      name,
      type: TYPE_LABELS[cidType] ?? `Type0/${cidType || '?'}`,
      embedded: isEmbedded(objects, descendant),
    };
  }
  return { name, type: TYPE_LABELS[subtype] ?? subtype, embedded: isEmbedded(objects, font) };
}

const compare = (a: PdfFont, b: PdfFont): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0;

export interface PdfFonts {
  fonts: PdfFont[];
  /** False when object streams that may hold fonts could not be read (e.g. encrypted). */
  complete: boolean;
}

/**
 * All top-level fonts, sorted by name so the list does not depend on object numbering.
 * CID fonts are reported through their Type0 parent, as pdffonts does.
 */
export function readFonts(bytes: Uint8Array): PdfFonts {
  const { objects, unreadStreams } = scanObjects(bytes);
  const fonts: PdfFont[] = [];
  for (const body of objects.values()) {
    const dict = readDict(body);
    if (dict.get('Type') !== '/Font') continue;
    const subtype = dict.get('Subtype');
    if (subtype === '/CIDFontType0' || subtype === '/CIDFontType2') continue;
    fonts.push(describe(objects, dict));
  }
  return { fonts: fonts.sort(compare), complete: unreadStreams === 0 };
}
