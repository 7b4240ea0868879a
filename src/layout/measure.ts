import type { FontFace, FontSet, FontStyle } from './fonts.ts';

export interface Segment {
  text: string;
  face: FontFace;
}

const advances = new WeakMap<FontFace, Map<number, number>>();

/** Fraction of the em the face's glyph advances, cached per face and code point. */
function advance(face: FontFace, codePoint: number): number {
  let table = advances.get(face);
  if (!table) {
    table = new Map();
    advances.set(face, table);
  }
  let width = table.get(codePoint);
  if (width === undefined) {
    width = face.font.glyphForCodePoint(codePoint).advanceWidth / face.font.unitsPerEm;
    table.set(codePoint, width);
  }
  return width;
}

/** The first face in the chain that has the glyph; the first face if none has it. */
export function faceFor(faces: readonly FontFace[], codePoint: number): FontFace {
  for (const face of faces) {
    if (face.font.hasGlyphForCodePoint(codePoint)) return face;
  }
  return faces[0] as FontFace;
}

/** Splits text into runs drawn by one face each: pdfkit has no per-glyph fallback. */
export function segmentByFace(text: string, faces: readonly FontFace[]): Segment[] {
  const segments: Segment[] = [];
  for (const char of text) {
    const face = faceFor(faces, char.codePointAt(0) as number);
    const last = segments.at(-1);
    if (last?.face === face) last.text += char;
    else segments.push({ text: char, face });
  }
  return segments;
}

export function textWidth(text: string, fonts: FontSet, style: FontStyle, size: number): number {
  let width = 0;
  const faces = fonts.styles[style];
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    width += advance(faceFor(faces, codePoint), codePoint);
  }
  return width * size;
}

/** Code points no face of the set can draw, for warnings instead of silent boxes. */
export function uncovered(text: string, fonts: FontSet): string[] {
  const faces = fonts.styles.regular;
  const missing = new Set<string>();
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp > 0x20 && !faces.some((f) => f.font.hasGlyphForCodePoint(cp))) missing.add(char);
  }
  return [...missing];
}
