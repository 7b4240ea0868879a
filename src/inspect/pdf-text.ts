/**
 * Positioned text pieces → reading lines. PDF has no lines, only glyph runs at positions,
 * and writers split them differently (per line, per word, per kerning pair). Grouping by
 * baseline and ordering top-to-bottom, left-to-right gives the same lines for the same page
 * whatever the split, which is what a diffable view needs. A tagged PDF also says which
 * text belongs together (a paragraph, a list, a chart's labels): its blocks are read in
 * their tagged order, so a chart beside a list does not interleave with it line by line.
 */

export interface PlacedText {
  text: string;
  /** Start of the baseline, PDF user space (y grows upwards). */
  x: number;
  y: number;
  /** Advance width along the baseline. */
  width: number;
  /** Font size as drawn. */
  size: number;
}

/** Pieces whose baselines differ by at most this much (pt) share a line. */
const BASELINE_TOLERANCE = 1;
/** A horizontal gap wider than this share of the font size reads as a word space. */
const GAP_RATIO = 0.1;

function joinLine(pieces: PlacedText[]): string {
  let line = '';
  let previousEnd: number | undefined;
  for (const piece of pieces) {
    const gap = previousEnd === undefined ? 0 : Math.abs(piece.x - previousEnd);
    const spaced = /\s$/.test(line) || /^\s/.test(piece.text);
    if (line !== '' && !spaced && gap > GAP_RATIO * piece.size) line += ' ';
    line += piece.text;
    previousEnd = piece.x + piece.width;
  }
  // Column gaps often arrive as runs of spaces; one space keeps the view stable.
  return line.replace(/\s+/g, ' ').trim();
}

interface TextLine {
  text: string;
  /** Baseline of the line's first piece. */
  y: number;
}

/** Groups pieces into lines, top to bottom; each line's pieces left to right. */
export function groupLines(pieces: readonly PlacedText[]): string[] {
  return placeLines(pieces).map((line) => line.text);
}

/** Text a tagged PDF says belongs together; a figure's block is labelled with its alt text. */
export interface TextBlock {
  pieces: PlacedText[];
  label?: string;
}

/**
 * Lines of a tagged page: each block's lines in the blocks' order, and the untagged text
 * (running heads, page numbers) by position: before the first block that starts below it.
 */
export function readingOrder(
  blocks: readonly TextBlock[],
  untagged: readonly PlacedText[],
): string[] {
  const loose = placeLines(untagged);
  const lines: string[] = [];
  for (const block of blocks) {
    const placed = placeLines(block.pieces);
    const top = placed[0];
    while (top && loose[0] && loose[0].y > top.y) lines.push((loose.shift() as TextLine).text);
    if (block.label) lines.push(block.label);
    lines.push(...placed.map((line) => line.text));
  }
  return [...lines, ...loose.map((line) => line.text)];
}

function placeLines(pieces: readonly PlacedText[]): TextLine[] {
  const sorted = pieces
    .filter((piece) => piece.text !== '')
    .map((piece, index) => ({ piece, index }))
    .sort((a, b) => b.piece.y - a.piece.y || a.piece.x - b.piece.x || a.index - b.index)
    .map(({ piece }) => piece);

  const lines: PlacedText[][] = [];
  let current: PlacedText[] = [];
  let baseline = Number.NaN;
  for (const piece of sorted) {
    if (current.length > 0 && Math.abs(piece.y - baseline) <= BASELINE_TOLERANCE) {
      current.push(piece);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [piece];
    baseline = piece.y;
  }
  if (current.length > 0) lines.push(current);

  return lines
    .map((line) => ({
      text: joinLine([...line].sort((a, b) => a.x - b.x)),
      y: (line[0] as PlacedText).y,
    }))
    .filter((line) => line.text !== '');
}
