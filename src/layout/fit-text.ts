import type { FontSet } from './fonts.ts';
import type { Box, LaidParagraph, Paragraph, TextFrame, TextTag } from './frames.ts';
import { textWidth } from './measure.ts';
import { wrapRuns } from './wrap.ts';

/** Line height as a multiple of the font size; painters use the same figure. */
export const LINE_HEIGHT = 1.2;
/** Measured widths get this much slack so PowerPoint's own wrapping never needs more lines. */
export const WIDTH_SLACK = 0.97;

export interface TextRequest {
  name: string;
  box: Box;
  paragraphs: Paragraph[];
  maxSize: number;
  minSize: number;
  color: string;
  bold?: boolean;
  align?: TextFrame['align'];
  valign?: TextFrame['valign'];
  /** What the text is in a tagged PDF; paragraphs (and list items) by default. */
  tag?: TextTag;
}

/**
 * Lays out text at the largest size from maxSize down to minSize at which it fits its box.
 * Returns null when it cannot fit even at minSize; the caller decides to split or fail.
 */
export function fitText(request: TextRequest, fonts: FontSet): TextFrame | null {
  for (let size = request.maxSize; size >= request.minSize; size -= size > 24 ? 2 : 1) {
    const frame = layoutText(request, fonts, size);
    if (frame.contentHeight <= request.box.h) return frame;
  }
  return null;
}

export function layoutText(request: TextRequest, fonts: FontSet, size: number): TextFrame {
  const lineHeight = size * LINE_HEIGHT;
  const paragraphGap = size * 0.5;
  const emphasised = request.bold === true;
  let top = 0;
  const paragraphs = request.paragraphs.map((p, i): LaidParagraph => {
    const indent = p.bullet === null ? 0 : size * (typeof p.bullet === 'number' ? 1.6 : 1.1);
    const runs = emphasised ? p.runs.map((r) => ({ ...r, bold: true })) : p.runs;
    const lines = wrapRuns(runs, fonts, size, (request.box.w - indent) * WIDTH_SLACK);
    if (i > 0) top += paragraphGap;
    const laid = { ...p, runs, lines, top, indent };
    top += lines.length * lineHeight;
    return laid;
  });
  return {
    kind: 'text',
    ...(request.tag && { tag: request.tag }),
    name: request.name,
    box: request.box,
    size,
    lineHeight,
    paragraphGap,
    color: request.color,
    bold: emphasised,
    align: request.align ?? 'left',
    valign: request.valign ?? 'top',
    paragraphs,
    contentHeight: top,
  };
}

const ELLIPSIS = '…';

/**
 * Plain running text (a page's head or foot) on one line at `size`: a second line would run
 * into what lies below it, so text too long for the box is cut at the last word that fits,
 * and ends in an ellipsis.
 */
export function layoutOneLine(request: TextRequest, fonts: FontSet, size: number): TextFrame {
  const whole = layoutText(request, fonts, size);
  if (whole.contentHeight <= whole.lineHeight) return whole;
  // Lines are filled to the width times the slack, so the ellipsis is given back divided by it.
  const ellipsis = textWidth(ELLIPSIS, fonts, whole.bold ? 'bold' : 'regular', size) / WIDTH_SLACK;
  const box = { ...request.box, w: request.box.w - ellipsis };
  const first = layoutText({ ...request, box }, fonts, size).paragraphs[0]?.lines[0];
  const kept = (first?.pieces ?? [])
    .map((p) => p.text)
    .join('')
    .trimEnd();
  const paragraphs = [{ runs: [{ text: `${kept}${ELLIPSIS}` }], bullet: null }];
  return layoutText({ ...request, paragraphs }, fonts, size);
}

/** Fits several boxes at one shared size, so a row of stats looks even. */
export function fitTogether(requests: TextRequest[], fonts: FontSet): TextFrame[] | null {
  const fitted = requests.map((r) => fitText(r, fonts));
  if (fitted.some((f) => f === null)) return null;
  const size = Math.min(...fitted.map((f) => (f as TextFrame).size));
  return requests.map((r) => layoutText(r, fonts, size));
}
