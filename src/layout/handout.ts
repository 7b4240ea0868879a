import type { Box } from './frames.ts';

export type HandoutSize = 2 | 3 | 6;
export const handoutSizes: readonly HandoutSize[] = [2, 3, 6];

export interface HandoutSlot {
  /** Index into the deck's slides. */
  slide: number;
  /** Where the slide is drawn, keeping the slide's aspect ratio. */
  thumb: Box;
  /** Where notes and writing lines go, if this size has room for them. */
  notes: Box | null;
}

export interface HandoutLayout {
  width: number;
  height: number;
  pages: HandoutSlot[][];
}

const MARGIN = 40;
const HEAD = 24;
const GAP = 18;

/**
 * N slides a page: 2 stacked; 3 down the left with lines for notes beside them (the
 * classic PowerPoint handout); 6 in a 2 × 3 grid.
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
  const thumbMaxW = perPage === 3 ? cellW * 0.5 : cellW;
  const scale = Math.min(thumbMaxW / slide.width, cellH / slide.height);
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
    const offsetX = perPage === 3 ? 0 : (cellW - thumbW) / 2;
    const thumb = { x: cell.x + offsetX, y: cell.y + (cellH - thumbH) / 2, w: thumbW, h: thumbH };
    const notes =
      perPage === 3
        ? { x: cell.x + thumbW + GAP, y: thumb.y, w: cellW - thumbW - GAP, h: thumbH }
        : null;
    pages[pages.length - 1]?.push({ slide: i, thumb, notes });
  }
  return { width: paper.width, height: paper.height, pages };
}
