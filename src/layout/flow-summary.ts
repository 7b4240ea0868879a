import type { RenderedChart } from '../charts/render-chart.ts';
import { type Block, plainText, type Summary } from '../model/document.ts';
import type { ImageAsset } from '../template/read-images.ts';
import type { Theme } from '../template/theme.ts';
import { layoutOneLine, layoutText, type TextRequest } from './fit-text.ts';
import type { FontSet } from './fonts.ts';
import type {
  Box,
  Frame,
  OutlineEntry,
  PagedLayout,
  TableFrame,
  TextFrame,
  TextTag,
} from './frames.ts';
import { fitImage, logoFrame, logoRoom, plain, toParagraphs } from './slide-kit.ts';
import { layoutTable, tableColors } from './table.ts';

export type Paper = 'a4' | 'letter';

export const paperSizes: Record<Paper, { width: number; height: number }> = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

export interface SummaryContext {
  theme: Theme;
  fonts: FontSet;
  paper: Paper;
  /** Running header text. */
  header: string;
  /** "Page 2 of 3", in the report's language. */
  pageLabel(page: number, pages: number): string;
  /** `maxHeight`: how tall the chart may grow to keep the bands of a long list apart. */
  chart(name: string, alt: string, box: Box, maxHeight?: number): Promise<RenderedChart>;
  image(src: string): ImageAsset;
  /** The theme's logo, read; null without one. */
  logo?: ImageAsset | null;
}

const MARGIN = 56;
const BODY = 10.5;
const HEADING_SIZES: Record<number, number> = { 1: 22, 2: 15, 3: 12 };
const CHART_HEIGHT = 190;
/** The shortest a chart is drawn to finish a page rather than leave its foot blank. */
const CHART_MIN_HEIGHT = 100;
/** The share of its plot's height a chart drawn shorter must keep. */
const PLOT_KEPT = 0.4;
const IMAGE_MAX_HEIGHT = 260;
const BLOCK_GAP = 8;

/**
 * Flows the summary onto pages: headings stay with what follows, paragraphs and lists break
 * between lines, tables break between rows with the header repeated, charts never break.
 */
export async function flowSummary(summary: Summary, ctx: SummaryContext): Promise<PagedLayout> {
  const { width, height } = paperSizes[ctx.paper];
  const content: Box = {
    x: MARGIN,
    y: MARGIN + 20,
    w: width - 2 * MARGIN,
    h: height - 2 * MARGIN - 40,
  };
  const bottom = content.y + content.h;
  const pages: Frame[][] = [[]];
  const outline: OutlineEntry[] = [];
  let y = content.y;
  const page = () => pages[pages.length - 1] as Frame[];
  const newPage = () => {
    pages.push([]);
    y = content.y;
  };
  const room = () => bottom - y;
  const flow: Flow = {
    room,
    atTop: () => y === content.y,
    newPage,
    place: (frame, h) => {
      page().push({ ...frame, box: { ...frame.box, y } } as Frame);
      y += h;
    },
  };

  // Charts are 190 pt high, or taller, up to a page, when a long list of bars needs it; one
  // under a heading grows only as far as leaves the heading room on its page.
  const chart = (block: Extract<Block, { kind: 'chart' }>, maxHeight = content.h) =>
    ctx.chart(block.name, block.alt, { ...content, h: CHART_HEIGHT }, maxHeight);
  /**
   * A chart of the usual height that misses the page's foot is drawn as tall as the room left,
   * if that is at least CHART_MIN_HEIGHT, rather than leave the foot blank: on A4 the sample's
   * second chart left a quarter of its first page empty, and on Letter its Sources went to a
   * page of their own. Only if the shorter chart still reads: its plot keeps PLOT_KEPT of its
   * height (long labels turned on their side do not take it all), and its bands need not grow
   * past the room to keep their labels apart. A chart grown for a long list keeps its height.
   * Null when the chart must go to a new page.
   */
  const shortened = async (
    block: Extract<Block, { kind: 'chart' }>,
    drawn: RenderedChart,
    h: number,
  ): Promise<RenderedChart | null> => {
    if (drawn.height !== CHART_HEIGHT || h < CHART_MIN_HEIGHT) return null;
    const box = { ...content, h: Math.floor(h) };
    const short = await ctx.chart(block.name, block.alt, box, CHART_HEIGHT);
    const plot =
      drawn.plotHeight === null || (short.plotHeight ?? 0) >= drawn.plotHeight * PLOT_KEPT;
    return short.height <= h && plot ? short : null;
  };
  let headed: Promise<RenderedChart> | null = null;
  const blocks = summary.blocks;
  for (const [i, block] of blocks.entries()) {
    // A heading without text (`## {{field}}` with an empty field) would be an empty bookmark.
    if ('runs' in block && block.runs.length === 0) continue;
    if (y > content.y) y += block.kind === 'heading' ? BLOCK_GAP * 1.5 : BLOCK_GAP;
    if (block.kind === 'chart') {
      let drawn = await (headed ?? chart(block));
      headed = null;
      if (room() < drawn.height && !flow.atTop()) {
        const short = await shortened(block, drawn, room());
        if (short) drawn = short;
        else newPage();
      }
      const box = { x: content.x, y, w: content.w, h: drawn.height };
      flow.place({ kind: 'chart', box, chart: drawn }, drawn.height);
      continue;
    }
    if (block.kind === 'image') {
      const image = ctx.image(block.src);
      const box = fitImage(image, { x: content.x, y: 0, w: content.w, h: IMAGE_MAX_HEIGHT });
      if (room() < box.h) newPage();
      flow.place({ kind: 'image', box: { ...box, y }, image, alt: block.alt }, box.h);
      continue;
    }
    if (block.kind === 'table') {
      placeTable(block, ctx, content, flow);
      continue;
    }
    const frame = textFrame(block, ctx, { ...content, y, h: Number.POSITIVE_INFINITY });
    if (block.kind === 'heading') {
      const next = blocks[i + 1];
      headed =
        next?.kind === 'chart' ? chart(next, content.h - frame.contentHeight - BLOCK_GAP) : null;
      const first = headed ? (await headed).height : firstLineHeight(next);
      const keep = frame.contentHeight + BLOCK_GAP + first;
      // At the top of a page already, a new one would only leave this one blank.
      if (room() < keep && !flow.atTop()) {
        const below = room() - frame.contentHeight - BLOCK_GAP;
        const short =
          headed && next?.kind === 'chart' && (await shortened(next, await headed, below));
        if (short) headed = Promise.resolve(short);
        else newPage();
      }
      outline.push({ title: plainText(block.runs), level: block.level, page: pages.length - 1 });
    }
    placeSplit(frame, flow);
  }
  const total = pages.length;
  const framed = pages.map((frames, n) => [
    ...frames,
    ...runningHeads(ctx, width, height, n + 1, total),
  ]);
  return { width, height, pages: framed, outline };
}

function textFrame(block: Block, ctx: SummaryContext, box: Box): TextFrame {
  const size = block.kind === 'heading' ? (HEADING_SIZES[block.level] ?? BODY) : BODY;
  const tags: Record<string, TextTag> = {
    heading: `H${Math.min(3, block.kind === 'heading' ? block.level : 1)}` as TextTag,
    quote: 'BlockQuote',
  };
  const request: TextRequest = {
    name: block.kind,
    box,
    paragraphs: toParagraphs([block]),
    maxSize: size,
    minSize: size,
    color: block.kind === 'heading' ? ctx.theme.colors.primary : ctx.theme.colors.text,
    bold: block.kind === 'heading',
    tag: tags[block.kind] ?? 'P',
  };
  return layoutText(request, ctx.fonts, size);
}

function firstLineHeight(block: Block | undefined): number {
  if (!block) return 0;
  if (block.kind === 'image') return IMAGE_MAX_HEIGHT;
  return BODY * 1.2 * 3;
}

/**
 * Places a text frame, breaking it between lines where the page runs out. Each part is a
 * frame of its own, sized to its content, placed through `place` on the current page.
 */
function placeSplit(frame: TextFrame, flow: Flow): void {
  let current: TextFrame['paragraphs'] = [];
  let height = 0;
  const close = () => {
    if (current.length)
      flow.place(
        { ...frame, paragraphs: current, contentHeight: height, box: { ...frame.box, h: height } },
        height,
      );
    current = [];
    height = 0;
  };
  for (const paragraph of frame.paragraphs) {
    let lines = paragraph.lines;
    let gap = current.length ? frame.paragraphGap : 0;
    while (lines.length) {
      let fit = Math.floor((flow.room() - height - gap) / frame.lineHeight);
      if (fit <= 0 && (current.length || !flow.atTop())) {
        close();
        flow.newPage();
        gap = 0;
        continue;
      }
      fit = Math.max(fit, 1); // a page always takes at least one line
      const taken = lines.slice(0, fit);
      current.push({ ...paragraph, lines: taken, top: height + gap });
      height += gap + taken.length * frame.lineHeight;
      lines = lines.slice(fit);
      gap = 0;
      if (lines.length) {
        close();
        flow.newPage();
      }
    }
  }
  close();
}

interface Flow {
  room(): number;
  atTop(): boolean;
  newPage(): void;
  /** Puts a frame at the current position and advances by `height`. */
  place(frame: Frame, height: number): void;
}

/** Places a table, breaking between rows and repeating the header on each page. */
function placeTable(
  block: Extract<Block, { kind: 'table' }>,
  ctx: SummaryContext,
  content: Box,
  flow: Flow,
): void {
  const { theme, fonts } = ctx;
  const whole = layoutTable(
    {
      name: 'table',
      box: content,
      header: block.header,
      rows: block.rows,
      align: block.align,
      size: BODY,
      colors: tableColors(theme),
    },
    fonts,
  );
  const [headerHeight = 0, ...rowHeights] = whole.rowHeights;
  let start = 0;
  while (start < whole.rows.length) {
    let end = start;
    let height = headerHeight;
    while (end < whole.rows.length && height + (rowHeights[end] ?? 0) <= flow.room()) {
      height += rowHeights[end] ?? 0;
      end++;
    }
    if (end === start && !flow.atTop()) {
      flow.newPage();
      continue;
    }
    if (end === start) height += rowHeights[end++] ?? 0; // a row taller than a page is still drawn
    const part: TableFrame = {
      ...whole,
      box: { ...whole.box, h: height },
      rows: whole.rows.slice(start, end),
      rowHeights: [headerHeight, ...rowHeights.slice(start, end)],
    };
    flow.place(part, height);
    start = end;
    if (start < whole.rows.length) flow.newPage();
  }
}

function runningHeads(
  ctx: SummaryContext,
  width: number,
  height: number,
  n: number,
  total: number,
): Frame[] {
  const base = { maxSize: 8.5, minSize: 8.5, color: ctx.theme.colors.muted };
  const logo = ctx.logo
    ? [logoFrame(ctx.logo, width - MARGIN, MARGIN - 10, { w: 100, h: 24 })]
    : [];
  const w = width - 2 * MARGIN;
  const reserved = logoRoom(logo);
  return [
    ...logo,
    {
      // One line: a long title would otherwise wrap into the page's first block.
      ...layoutOneLine(
        {
          ...base,
          name: 'header',
          box: { x: MARGIN, y: MARGIN - 16, w: w - reserved, h: 12 },
          paragraphs: plain(ctx.header),
        },
        ctx.fonts,
        8.5,
      ),
      tag: 'Artifact',
    },
    {
      ...layoutText(
        {
          ...base,
          name: 'footer',
          box: { x: MARGIN, y: height - MARGIN + 4, w, h: 12 },
          paragraphs: plain(ctx.pageLabel(n, total)),
          align: 'right',
        },
        ctx.fonts,
        8.5,
      ),
      tag: 'Artifact',
    },
  ];
}
