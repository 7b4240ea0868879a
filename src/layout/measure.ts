import type { FontFace, FontSet, FontStyle } from './fonts.ts';

export interface Segment {
  text: string;
  face: FontFace;
}

/** The first face in the chain that has the glyph; the first face if none has it. */
export function faceFor(faces: readonly FontFace[], codePoint: number): FontFace {
  for (const face of faces) {
    if (face.covers(codePoint)) return face;
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

/** Han, kana, Hangul and CJK punctuation: scripts that office suites space apart from Latin. */
const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u;
const LATIN_RUN = /[\p{L}\p{N}]+/gu;
/** LibreOffice and PowerPoint put extra space, in ems, between CJK and Latin letters or digits. */
const SCRIPT_GAP = 0.3;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * Width in points. In text that mixes CJK and Latin (`mixed`, decided over the whole
 * paragraph, since wrapping measures word by word), each Latin run is charged the gaps office
 * suites add on both sides of it, so their rendering never needs more room than measured.
 */
export function textWidth(
  text: string,
  fonts: FontSet,
  style: FontStyle,
  size: number,
  mixed = hasCjk(text),
): number {
  let width = 0;
  const faces = fonts.styles[style];
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    width += faceFor(faces, codePoint).advance(codePoint);
  }
  if (mixed) {
    const latinRuns = [...text.matchAll(LATIN_RUN)].filter((m) => !CJK.test(m[0])).length;
    width += latinRuns * 2 * SCRIPT_GAP;
  }
  return width * size;
}

/** Code points no face of the set can draw, for warnings instead of silent boxes. */
export function uncovered(text: string, fonts: FontSet): string[] {
  const faces = fonts.styles.regular;
  const missing = new Set<string>();
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp > 0x20 && !faces.some((f) => f.covers(cp))) missing.add(char);
  }
  return [...missing];
}
