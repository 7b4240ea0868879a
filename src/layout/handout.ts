import type { Box } from './frames.ts';

export type HandoutSize = 2 | 3 | 6;
export const handoutSizes: readonly HandoutSize[] = [2, 3, 6];

export interface HandoutSlot {
  /** Index into the deck's slides. */
  slide: number;
  /** Where the slide is drawn, keeping the slide's aspect ratio. */
  thumb: Box;
  /** The slide's number, just under the thumbnail's right edge. */
  label: Box;
  /** Where notes and writing lines go, if this size has room for them. */
  notes: Box | null;
}

export interface HandoutLayout {
  width: number;
  height: number;
  /** The deck's title above the slides and the page number below them. */
  header: Box;
  footer: Box;
  pages: HandoutSlot[][];
}

/** Half an inch less a little: within what any office printer prints, and more room for slides. */
const MARGIN = 30;
/** The header or footer line and the space between it and the slides. */
const HEAD = 20;
const GAP = 14;
const LABEL = 10;
/** 3 a page: the slide's share of the width; the rest, about 3 in, is lines to write on. */
const THREE_UP_SLIDE = 0.56;

/**
 * N slides a page: 2 stacked; 3 down the left with lines for notes beside them (the
 * classic PowerPoint handout), the lines filling each third of the page; 6 in a 2 × 3 grid.
 * Slides on portrait paper are as wide as the page allows.
 */
export function layoutHandout(
  slideCount: number,
  slide: { width: number; height: number },
  paper: { width: number; height: number },
  perPage: HandoutSize,
): HandoutLayout {
  const area: Box = {
    x: MARGIN,
    y: MARGIN + HEAD,
    w: paper.width - 2 * MARGIN,
    h: paper.height - 2 * MARGIN - 2 * HEAD,
  };
  const columns = perPage === 6 ? 2 : 1;
  const rows = perPage === 2 ? 2 : 3;
  const cellW = (area.w - GAP * (columns - 1)) / columns;
  const cellH = (area.h - GAP * (rows - 1)) / rows;
  const thumbMaxW = perPage === 3 ? cellW * THREE_UP_SLIDE : cellW;
  const scale = Math.min(thumbMaxW / slide.width, (cellH - LABEL) / slide.height);
  const thumbW = slide.width * scale;
  const thumbH = slide.height * scale;
  const pages: HandoutSlot[][] = [];
  for (let i = 0; i < slideCount; i++) {
    const n = i % perPage;
    if (n === 0) pages.push([]);
    const cell = {
      x: area.x + (n % columns) * (cellW + GAP),
      y: area.y + Math.floor(n / columns) * (cellH + GAP),
    };
    // Beside lines the slide sits at the top of its third, level with the first line.
    const thumb =
      perPage === 3
        ? { x: cell.x, y: cell.y, w: thumbW, h: thumbH }
        : {
            x: cell.x + (cellW - thumbW) / 2,
            y: cell.y + (cellH - thumbH - LABEL) / 2,
            w: thumbW,
            h: thumbH,
          };
    const label = { x: thumb.x, y: thumb.y + thumb.h + 2, w: thumb.w, h: LABEL };
    const notes =
      perPage === 3
        ? { x: cell.x + thumbW + GAP * 1.5, y: cell.y, w: cellW - thumbW - GAP * 1.5, h: cellH }
        : null;
    pages[pages.length - 1]?.push({ slide: i, thumb, label, notes });
  }
  return {
    width: paper.width,
    height: paper.height,
    header: { x: MARGIN, y: MARGIN, w: area.w, h: HEAD },
    footer: { x: MARGIN, y: paper.height - MARGIN - HEAD / 2, w: area.w, h: HEAD },
    pages,
  };
}
