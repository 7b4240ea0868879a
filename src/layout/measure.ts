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

/**
 * LibreOffice and PowerPoint put extra space, in ems, where CJK text meets Latin letters or
 * digits. LibreOffice measures about 0.24 em; the rest is margin for PowerPoint.
 */
const SCRIPT_GAP = 0.3;

/** How office suites class a character for that spacing; weak ones take the script before them. */
const WEAK = 0;
const LATIN = 1;
const CJK = 2;
type Script = typeof WEAK | typeof LATIN | typeof CJK;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Han (with its supplementary planes), kana, Hangul, CJK punctuation and full-width forms. */
function scriptOf(codePoint: number): Script {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    return (lower >= 0x61 && lower <= 0x7a) || (codePoint >= 0x30 && codePoint <= 0x39)
      ? LATIN
      : WEAK;
  }
  if (
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7af) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff)
  ) {
    return CJK;
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint)) ? LATIN : WEAK;
}

/**
 * Where office suites put the gap: before each letter, digit or CJK character whose script
 * differs from the last such character before it. Spaces and punctuation in between do not
 * stop it (LibreOffice gives them the script before them), so "中文 English" has one gap.
 * Returns, per UTF-16 offset i, the gaps before i: text[a, b) holds `gaps[b] - gaps[a]`.
 * Wrapping measures word by word and so needs gaps found over the whole paragraph.
 */
export function scriptGaps(text: string): Uint32Array {
  const gaps = new Uint32Array(text.length + 1);
  forEachGap(text, (i) => {
    gaps[i + 1] = 1;
  });
  for (let i = 0; i < text.length; i++) (gaps[i + 1] as number) += gaps[i] as number;
  return gaps;
}

/** The gaps inside a text that stands alone. */
export function countGaps(text: string): number {
  let count = 0;
  forEachGap(text, () => count++);
  return count;
}

function forEachGap(text: string, gapBefore: (offset: number) => void): void {
  let last: Script = WEAK;
  for (let i = 0; i < text.length; i++) {
    // A low surrogate reads as a lone code unit, so it counts as weak.
    const script = scriptOf(text.codePointAt(i) as number);
    if (script === WEAK) continue;
    if (last !== WEAK && script !== last) gapBefore(i);
    last = script;
  }
}

/**
 * Width in points, with `gaps` script gaps (see `scriptGaps`) so office rendering never needs
 * more room than measured. By default text stands alone and is charged the gaps inside it.
 */
export function textWidth(
  text: string,
  fonts: FontSet,
  style: FontStyle,
  size: number,
  gaps = countGaps(text),
): number {
  let width = gaps * SCRIPT_GAP;
  const faces = fonts.styles[style];
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    width += faceFor(faces, codePoint).advance(codePoint);
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
