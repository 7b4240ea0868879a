/** Shared pieces of slide layouts: the grid, the title, and Markdown blocks → paragraphs. */
import type { RenderedChart } from '../charts/render-chart.ts';
import { squeezed } from '../data/longest-field.ts';
import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { type Block, type BlockKind, plainText, type Run, type Slide } from '../model/document.ts';
import type { ImageAsset } from '../template/read-images.ts';
import { continuedSuffix } from '../template/strings.ts';
import type { Theme } from '../template/theme.ts';
import { fitText, type TextRequest } from './fit-text.ts';
import type { FontSet } from './fonts.ts';
import {
  type Box,
  type Frame,
  type ImageFrame,
  type Paragraph,
  SLIDE_NUMBER,
  SLIDE_TITLE,
  type TextFrame,
} from './frames.ts';

export interface SlideContext {
  theme: Theme;
  fonts: FontSet;
  /** The theme's logo, read; null without one. */
  logo?: ImageAsset | null;
  width: number;
  height: number;
  chart(name: string, alt: string, box: Box): Promise<RenderedChart>;
  image(src: string): ImageAsset;
  /** Added to the title of a continuation slide: the template's `continued` string. */
  continued: string;
  /** Where the data writes the longest part of some text (see longest-field.ts). */
  dataField?: (text: string) => Place | undefined;
}

export const MARGIN = 48;
const TITLE_TOP = 30;
const TITLE_HEIGHT = 72;

export function contentBox(ctx: SlideContext): Box {
  const top = TITLE_TOP + TITLE_HEIGHT + 24;
  return { x: MARGIN, y: top, w: ctx.width - 2 * MARGIN, h: ctx.height - top - 52 };
}

/** The smallest size a body may shrink to before it continues on another slide. */
export function comfortableSize(ctx: SlideContext): number {
  return Math.max(ctx.theme.sizes.minimum, Math.round(ctx.theme.sizes.body * 0.75));
}

/** The error for text that does not fit, naming the data field to shorten where there is one. */
export function overflow(
  slide: Slide,
  box: string,
  ctx: SlideContext,
  paragraphs?: Paragraph[],
): BriefkitError {
  const text = paragraphs && plainParagraphs(paragraphs);
  const field = text ? ctx.dataField?.(text) : undefined;
  return new BriefkitError({
    ...messages.textOverflow(slide.layout, box, text && openingWords(text), field),
    place: slide.place,
  });
}

/** Fits text or fails naming the slide, the box and how its text starts: text never overflows. */
export function fitOrFail(slide: Slide, request: TextRequest, ctx: SlideContext): TextFrame {
  const frame = fitText(request, ctx.fonts);
  if (frame) return frame;
  throw overflow(slide, request.name, ctx, request.paragraphs);
}

function plainParagraphs(paragraphs: Paragraph[]): string {
  return squeezed(paragraphs.flatMap((p) => p.runs.map((r) => r.text)).join(' '));
}

/** The first words of some text: about 40 characters, cut between words where it has spaces. */
function openingWords(text: string): string {
  const chars = [...text];
  if (chars.length <= 40) return text;
  const cut = chars.slice(0, 41).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut.slice(0, -1)).trimEnd()}…`;
}

/** A slide's place among the slides a long list or table spreads over: `index` from 0. */
export interface SlidePart {
  index: number;
  count: number;
}

/**
 * Title and accent rule: what every titled content slide shares. Continuations say so after
 * the title, numbered: " (2 of 3)".
 */
export function chrome(
  slide: Slide,
  title: Block | undefined,
  ctx: SlideContext,
  part: SlidePart = { index: 0, count: 1 },
): Frame[] {
  const { theme } = ctx;
  const frames: Frame[] = [];
  if (title) {
    const runs: Run[] =
      part.index > 0
        ? [
            ...titleRuns(title),
            { text: continuedSuffix(ctx.continued, part.index + 1, part.count) },
          ]
        : titleRuns(title);
    frames.push(
      fitOrFail(
        slide,
        {
          name: SLIDE_TITLE,
          box: { x: MARGIN, y: TITLE_TOP, w: ctx.width - 2 * MARGIN, h: TITLE_HEIGHT },
          paragraphs: [{ runs, bullet: null }],
          maxSize: theme.sizes.heading,
          minSize: theme.sizes.minimum,
          color: theme.colors.primary,
          bold: true,
          valign: 'bottom',
          tag: 'H1',
        },
        ctx,
      ),
      // The accent rule underlines the title; without one it would underline nothing.
      {
        kind: 'rect',
        box: { x: MARGIN, y: TITLE_TOP + TITLE_HEIGHT + 8, w: 64, h: 4 },
        fill: theme.colors.accent,
      },
    );
  }
  return frames;
}

function titleRuns(title: Block): Run[] {
  return title.kind === 'heading' ? title.runs : [];
}

/**
 * A logo scaled to fit `fit`, its right edge at `right`, centred on the line at `middle`.
 * Decoration: no alt text, so painters mark it for screen readers to skip.
 */
export function logoFrame(
  logo: ImageAsset,
  right: number,
  middle: number,
  fit: { w: number; h: number },
): ImageFrame {
  const { w, h } = fitImage(logo, { x: 0, y: 0, ...fit });
  return { kind: 'image', box: { x: right - w, y: middle - h / 2, w, h }, image: logo, alt: '' };
}

/** The width a row of text leaves for a logo at its right end (none: 0), with a gap before it. */
export function logoRoom(logo: readonly ImageFrame[]): number {
  return logo.reduce((room, frame) => room + frame.box.w + 12, 0);
}

/** The slide's logo at the right end of the footer row; none without one. */
export function slideLogo(ctx: SlideContext): ImageFrame[] {
  if (!ctx.logo) return [];
  return [logoFrame(ctx.logo, ctx.width - MARGIN, ctx.height - 25, { w: 120, h: 28 })];
}

/**
 * Footer text and "n / total", added once slides are numbered after continuations, left of
 * the logo if the theme has one.
 */
export function footer(
  label: Slide,
  number: number,
  total: number,
  text: string,
  ctx: SlideContext,
): Frame[] {
  const { theme } = ctx;
  const y = ctx.height - 34;
  const logo = slideLogo(ctx);
  const reserved = logoRoom(logo);
  const base = {
    maxSize: theme.sizes.footer,
    minSize: Math.min(theme.sizes.footer, 7),
    color: theme.colors.muted,
    valign: 'middle' as const,
    // Running text on every slide: screen readers skip it, as in the summary's running heads.
    tag: 'Artifact' as const,
  };
  return [
    fitOrFail(
      label,
      {
        ...base,
        name: 'footer',
        box: { x: MARGIN, y, w: ctx.width - 2 * MARGIN - 80 - reserved, h: 18 },
        paragraphs: plain(text),
      },
      ctx,
    ),
    fitOrFail(
      label,
      {
        ...base,
        name: SLIDE_NUMBER,
        box: { x: ctx.width - MARGIN - 72 - reserved, y, w: 72, h: 18 },
        paragraphs: plain(`${number} / ${total}`),
        align: 'right',
      },
      ctx,
    ),
    ...logo,
  ];
}

export function plain(text: string): Paragraph[] {
  return text ? [{ runs: [{ text }], bullet: null }] : [];
}

type BlockOf<K extends BlockKind> = Extract<Block, { kind: K }>;

/** How each block kind reads as paragraphs of a text box; charts and tables are not text. */
const paragraphsOf: { [K in BlockKind]: (block: BlockOf<K>) => Paragraph[] } = {
  heading: (b) => [{ runs: b.runs.map((r) => ({ ...r, bold: true })), bullet: null }],
  paragraph: (b) => [{ runs: b.runs, bullet: null }],
  quote: (b) => [{ runs: b.runs.map((r) => ({ ...r, italic: true })), bullet: null }],
  list: (b) => b.items.map((runs, i) => ({ runs, bullet: b.ordered ? i + 1 : ('disc' as const) })),
  table: () => [],
  chart: () => [],
  image: () => [],
};

/**
 * A paragraph without text (`## {{field}}` with an empty field) is left out: office apps
 * show nothing for it, where the PDFs would keep its line.
 */
export function toParagraphs(blocks: readonly Block[]): Paragraph[] {
  return blocks
    .flatMap((block) => (paragraphsOf[block.kind] as (b: Block) => Paragraph[])(block))
    .filter((p) => p.runs.length > 0);
}

/**
 * Splits off the slide's first level-1 heading as its title. One without text (`# {{field}}`
 * with an empty field) is no title: the deck would hold an empty title placeholder, which
 * PowerPoint shows as "Click to add title" and its accessibility checker flags.
 */
export function splitTitle(slide: Slide): { title: Block | undefined; body: Block[] } {
  const index = slide.blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
  if (index < 0) return { title: undefined, body: slide.blocks };
  const title = slide.blocks[index] as BlockOf<'heading'>;
  return {
    title: plainText(title.runs).trim() ? title : undefined,
    body: slide.blocks.filter((_, i) => i !== index),
  };
}

/** Fails when a slide holds a block its layout cannot show. */
export function accept(slide: Slide, blocks: readonly Block[], kinds: readonly BlockKind[]): void {
  const wrong = blocks.find((b) => !kinds.includes(b.kind));
  if (wrong) {
    throw new BriefkitError({
      ...messages.layoutContent(
        slide.layout,
        `it has a ${wrong.kind}; it takes ${kinds.join(', ')}.`,
      ),
      place: slide.place,
    });
  }
}

/** The slide's one block of a kind: none, or a second one the layout would drop, is an error. */
export function requireBlock<K extends BlockKind>(
  slide: Slide,
  blocks: readonly Block[],
  kind: K,
): BlockOf<K> {
  const found = blocks.filter((b) => b.kind === kind);
  if (found.length !== 1) {
    throw new BriefkitError({
      ...messages.layoutContent(
        slide.layout,
        `it needs exactly one ${kind}, found ${found.length}.`,
      ),
      place: slide.place,
    });
  }
  return found[0] as BlockOf<K>;
}

/** The largest box of the image's aspect ratio that fits `area`, centred in it. */
export function fitImage(image: ImageAsset, area: Box): Box {
  const scale = Math.min(area.w / image.width, area.h / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  return { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
}
