import type { FontFace, FontSet, FontStyle } from './fonts.ts';

export interface Segment {
  text: string;
  face: FontFace;
  /** The advances of its glyphs, in ems. */
  advance: number;
}

/**
 * The nearest letter, digit or CJK character (as a code point) on each side of a piece of a
 * paragraph; left out at the paragraph's ends (lines are kept as JSON, see wrap.ts).
 * Punctuation at the piece's edges takes its face from these, so a piece measures and draws
 * as it would inside its paragraph.
 */
export interface Surroundings {
  before?: number;
  after?: number;
}

/** Text that stands alone. */
export const ALONE: Surroundings = {};

/** Surroundings with only the sides that have a letter. */
export function surroundings(before: number | undefined, after: number | undefined): Surroundings {
  return {
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}

/** Whether a face of the chain has the glyph (a loop: `some` made a closure per character). */
function drawnBy(faces: readonly FontFace[], codePoint: number): boolean {
  for (const face of faces) if (face.covers(codePoint)) return true;
  return false;
}

/** The first face in the chain that has the glyph; the first face if none has it. */
export function faceFor(faces: readonly FontFace[], codePoint: number): FontFace {
  for (const face of faces) {
    if (face.covers(codePoint)) return face;
  }
  return faces[0] as FontFace;
}

/**
 * Punctuation both Carlito and the CJK face draw: curly quotes, the em dash, the ellipsis and
 * the middle dot. Chinese sets them full width, so, as LibreOffice does, each takes the face
 * of the text around it rather than the first face that has it.
 */
const SHARED_PUNCTUATION = new Set([0xb7, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026]);

/**
 * Visits each character of the text with the face that draws it: the first face that has it,
 * except that shared punctuation after CJK text (or, with nothing before it, before CJK text)
 * takes that text's face. Measuring and drawing both go through here, so they always agree.
 */
function forEachFaced(
  text: string,
  faces: readonly FontFace[],
  around: Surroundings,
  visit: (char: string, codePoint: number, face: FontFace) => void,
): void {
  let offset = 0;
  let near: ((from: number, to: number) => Surroundings) | undefined;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    let context: number | undefined;
    if (SHARED_PUNCTUATION.has(codePoint)) {
      near ??= surroundingsOf(text);
      const { before, after } = near(offset, offset + char.length);
      context = before ?? around.before ?? after ?? around.after;
    }
    const cjk = context !== undefined && scriptOf(context) === CJK ? faceFor(faces, context) : null;
    visit(char, codePoint, cjk?.covers(codePoint) ? cjk : faceFor(faces, codePoint));
    offset += char.length;
  }
}

/**
 * The surroundings of any stretch text[from, to) (UTF-16 offsets): the nearest letter, digit
 * or CJK character before it and after it, found for every offset in one pass each way.
 * Scanning for them stretch by stretch took a time growing with the square of a long text
 * without letters: a title of 14,000 characters of emoji took 25 s to lay out.
 */
export function surroundingsOf(text: string): (from: number, to: number) => Surroundings {
  const before = new Int32Array(text.length + 1).fill(-1);
  const after = new Int32Array(text.length + 1).fill(-1);
  for (let i = 0; i < text.length; i++) before[i + 1] = letterAt(text, i) ?? (before[i] as number);
  for (let i = text.length - 1; i >= 0; i--)
    after[i] = letterAt(text, i) ?? (after[i + 1] as number);
  const found = (codePoint: number | undefined) =>
    codePoint === undefined || codePoint < 0 ? undefined : codePoint;
  return (from, to) => surroundings(found(before[from]), found(after[to]));
}

/**
 * The letter, digit or CJK character at a UTF-16 offset, if it holds one. At a pair's high
 * half codePointAt reads the whole code point; a lone low half counts as weak.
 */
function letterAt(text: string, i: number): number | undefined {
  const codePoint = text.codePointAt(i) as number;
  return scriptOf(codePoint) !== WEAK ? codePoint : undefined;
}

/** Splits text into runs drawn by one face each: pdfkit has no per-glyph fallback. */
export function segmentByFace(text: string, faces: readonly FontFace[], around = ALONE): Segment[] {
  const segments: Segment[] = [];
  forEachFaced(text, faces, around, (char, codePoint, face) => {
    const last = segments.at(-1);
    if (last?.face === face) {
      last.text += char;
      last.advance += face.advance(codePoint);
    } else {
      segments.push({ text: char, face, advance: face.advance(codePoint) });
    }
  });
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
 * Splits text where it turns CJK or back; spaces and punctuation go with the script before
 * them, as office suites class them.
 */
export function splitCjk(text: string): { text: string; cjk: boolean }[] {
  const parts: { text: string; cjk: boolean }[] = [];
  for (const char of text) {
    const script = scriptOf(char.codePointAt(0) as number);
    const last = parts.at(-1);
    const cjk = script === WEAK ? (last?.cjk ?? false) : script === CJK;
    if (last?.cjk === cjk) last.text += char;
    else parts.push({ text: char, cjk });
  }
  return parts;
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
 * more room than measured. By default text stands alone: it is charged the gaps inside it,
 * and nothing around it sets the face of its punctuation.
 */
export function textWidth(
  text: string,
  fonts: FontSet,
  style: FontStyle,
  size: number,
  gaps = countGaps(text),
  around = ALONE,
): number {
  let width = gaps * SCRIPT_GAP;
  forEachFaced(text, fonts.styles[style], around, (_, codePoint, face) => {
    width += face.advance(codePoint);
  });
  return width * size;
}

/** Code points no face of the set can draw, for warnings instead of silent boxes. */
export function uncovered(text: string, fonts: FontSet): string[] {
  const faces = fonts.styles.regular;
  const missing = new Set<number>();
  forEachCodePoint(text, (cp) => {
    if (cp > 0x20 && !drawnBy(faces, cp)) missing.add(cp);
  });
  return [...missing].map((cp) => String.fromCodePoint(cp));
}

/**
 * Each code point of the text, without making a string of each character as `for…of` does:
 * for the text every build draws (checked for coverage, set in the PDFs), those strings were
 * a good part of the memory a rebuild took.
 */
export function forEachCodePoint(text: string, visit: (codePoint: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i) as number;
    if (codePoint > 0xffff) i++;
    visit(codePoint);
  }
}
