import LineBreaker from 'linebreak';
import type { Run } from '../model/document.ts';
import { type FontSet, type FontStyle, styleOf } from './fonts.ts';
import {
  type Surroundings,
  scriptGaps,
  surroundings,
  surroundingsOf,
  textWidth,
} from './measure.ts';
import { measureMemo } from './measure-memo.ts';

/** A styled piece of text on one line. */
export interface Piece {
  text: string;
  style: FontStyle;
  link?: string;
  width: number;
  /** Where it sits in its paragraph, which sets the face of punctuation at its edges. */
  around?: Surroundings;
}

export interface Line {
  pieces: Piece[];
  /** Width without trailing spaces. */
  width: number;
}

interface StyledText {
  text: string;
  style: FontStyle;
  link?: string;
  /** Offset in the paragraph, to find the script gaps that fall in this text. */
  at: number;
}

/**
 * Lines already broken, by font set, runs, size and width (`lines` in cacheDir): the fitting
 * loops try each paragraph at several sizes.
 */
const broken = measureMemo<Line[]>(
  {
    part: 'lines',
    limit: 5000,
    accept: (value): value is Line[] => Array.isArray(value),
  },
  4096,
);

/**
 * Greedy line breaking at Unicode (UAX #14) break opportunities, measured with the real
 * fonts. A word longer than the line is cut between characters so it never overflows.
 */
export function wrapRuns(
  runs: readonly Run[],
  fonts: FontSet,
  size: number,
  maxWidth: number,
): readonly Line[] {
  return broken(fonts, `${size}\0${maxWidth}\0${JSON.stringify(runs)}`, () =>
    breakLines(runs, fonts, size, maxWidth),
  );
}

/**
 * The width of the widest word (between UAX #14 break opportunities, without its trailing
 * space): the narrowest line these runs fit without cutting a word between characters.
 */
export function widestWord(runs: readonly Run[], fonts: FontSet, size: number): number {
  const m = measureOf(runs, fonts, size);
  return Math.max(
    0,
    ...splitWords(runs).map((word) =>
      trimmedWidth(
        word.map((w) => piece(w, m)),
        m,
      ),
    ),
  );
}

function breakLines(runs: readonly Run[], fonts: FontSet, size: number, maxWidth: number): Line[] {
  const m = measureOf(runs, fonts, size);
  const lines: Line[] = [];
  let current: Piece[] = [];
  let currentWidth = 0;
  const flush = () => {
    lines.push({ pieces: current, width: trimmedWidth(current, m) });
    current = [];
    currentWidth = 0;
  };
  for (const word of splitWords(runs)) {
    const pieces = word.map((w) => piece(w, m));
    const width = sum(pieces);
    const visible = trimmedWidth(pieces, m);
    if (current.length && currentWidth + visible > maxWidth) flush();
    if (visible > maxWidth) {
      for (const chunk of cutWord(word, m, maxWidth)) {
        if (current.length) flush();
        current = chunk;
        currentWidth = sum(chunk);
      }
      continue;
    }
    current.push(...pieces);
    currentWidth += width;
  }
  if (current.length || lines.length === 0) flush();
  return lines.map((line) => ({ ...line, pieces: mergePieces(line.pieces) }));
}

/** What measuring needs: fonts, size, and the paragraph's script gaps and surroundings. */
interface Measure {
  fonts: FontSet;
  size: number;
  gaps: Uint32Array;
  around: (from: number, to: number) => Surroundings;
}

function measureOf(runs: readonly Run[], fonts: FontSet, size: number): Measure {
  const paragraph = runs.map((r) => r.text).join('');
  return { fonts, size, gaps: scriptGaps(paragraph), around: surroundingsOf(paragraph) };
}

function piece({ at, ...text }: StyledText, m: Measure): Piece {
  const end = at + text.text.length;
  const gaps = (m.gaps[end] as number) - (m.gaps[at] as number);
  const around = m.around(at, end);
  const width = textWidth(text.text, m.fonts, text.style, m.size, gaps, around);
  return { ...text, width, around };
}

function sum(pieces: readonly Piece[]): number {
  return pieces.reduce((w, p) => w + p.width, 0);
}

function trimmedWidth(pieces: readonly Piece[], m: Measure): number {
  const last = pieces.at(-1);
  if (!last) return 0;
  const trailing = last.text.length - last.text.trimEnd().length;
  const spaces = trailing
    ? textWidth(last.text.slice(-trailing), m.fonts, last.style, m.size, 0)
    : 0;
  return sum(pieces) - spaces;
}

/** Splits styled runs into words (each with its trailing space), keeping styles. */
function splitWords(runs: readonly Run[]): StyledText[][] {
  let at = 0;
  const styled = runs.map((r) => {
    const s = {
      text: r.text,
      style: styleOf(r.bold, r.italic),
      at,
      ...(r.link ? { link: r.link } : {}),
    };
    at += r.text.length;
    return s;
  });
  const full = styled.map((s) => s.text).join('');
  const words: StyledText[][] = [];
  const breaker = new LineBreaker(full);
  let start = 0;
  for (let brk = breaker.nextBreak(); brk; brk = breaker.nextBreak()) {
    if (brk.position > start) words.push(slice(styled, start, brk.position));
    start = brk.position;
  }
  return words;
}

/** The styled text between two offsets of the joined runs. */
function slice(styled: readonly StyledText[], from: number, to: number): StyledText[] {
  const out: StyledText[] = [];
  for (const s of styled) {
    const a = Math.max(from, s.at);
    const b = Math.min(to, s.at + s.text.length);
    if (a < b) out.push({ ...s, text: s.text.slice(a - s.at, b - s.at), at: a });
  }
  return out;
}

function cutWord(word: StyledText[], m: Measure, maxWidth: number): Piece[][] {
  const chunks: Piece[][] = [];
  let chunk: Piece[] = [];
  let width = 0;
  for (const part of word) {
    let at = part.at;
    for (const char of part.text) {
      const p = piece({ ...part, text: char, at }, m);
      at += char.length;
      if (chunk.length && width + p.width > maxWidth) {
        chunks.push(chunk);
        chunk = [];
        width = 0;
      }
      chunk.push(p);
      width += p.width;
    }
  }
  if (chunk.length) chunks.push(chunk);
  return chunks.map(mergePieces);
}

function mergePieces(pieces: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (last && last.style === p.style && last.link === p.link) {
      last.text += p.text;
      last.width += p.width;
      last.around = surroundings(last.around?.before, p.around?.after);
    } else {
      out.push({ ...p });
    }
  }
  return out;
}
