import { BriefkitError } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { Block, LayoutName, Run, Slide } from '../model/document.ts';
import { fitText, fitTogether, layoutText, type TextRequest } from './fit-text.ts';
import {
  type Box,
  type Frame,
  type Paragraph,
  SLIDE_TITLE,
  type TableFrame,
  type TextFrame,
  type TextTag,
} from './frames.ts';
import { textOn } from './readable-color.ts';
import {
  accept,
  chrome,
  comfortableSize,
  contentBox,
  fitImage,
  fitOrFail,
  MARGIN,
  overflow,
  requireBlock,
  type SlideContext,
  splitTitle,
  toParagraphs,
} from './slide-kit.ts';
import { splitToFit } from './split-to-fit.ts';
import { statGrid } from './stat-grid.ts';
import { layoutTable, tableColors } from './table.ts';

/** A layout turns one slide of the model into one or more slides of frames (continuations). */
type LayoutFn = (slide: Slide, ctx: SlideContext) => Promise<Frame[][]>;

const TEXT_BLOCKS = ['heading', 'paragraph', 'list', 'quote'] as const;

/** Every layout name maps to exactly one function: a new layout does not compile until wired. */
export const slideLayouts: Record<LayoutName, LayoutFn> = {
  title: async (slide, ctx) => {
    const { title, body } = splitTitle(slide);
    accept(slide, body, ['paragraph']);
    const { theme } = ctx;
    const w = ctx.width - 2 * MARGIN;
    const onPrimary = textOn(theme.colors.primary, theme);
    return [
      [
        {
          kind: 'rect',
          box: { x: 0, y: 0, w: ctx.width, h: ctx.height },
          fill: theme.colors.primary,
        },
        fitOrFail(
          slide,
          {
            name: SLIDE_TITLE,
            box: { x: MARGIN, y: ctx.height * 0.22, w, h: ctx.height * 0.3 },
            paragraphs: toParagraphs(title ? [title] : []),
            maxSize: theme.sizes.title * 1.2,
            minSize: theme.sizes.minimum,
            color: onPrimary,
            bold: true,
            valign: 'bottom',
            tag: 'H1',
          },
          ctx,
        ),
        {
          kind: 'rect',
          box: { x: MARGIN, y: ctx.height * 0.55, w: 96, h: 5 },
          fill: theme.colors.accent,
        },
        fitOrFail(
          slide,
          {
            name: 'subtitle',
            box: { x: MARGIN, y: ctx.height * 0.6, w, h: ctx.height * 0.25 },
            paragraphs: toParagraphs(body),
            maxSize: theme.sizes.body + 4,
            minSize: theme.sizes.minimum,
            color: onPrimary,
          },
          ctx,
        ),
      ],
    ];
  },

  section: async (slide, ctx) => {
    const { title, body } = splitTitle(slide);
    accept(slide, body, ['paragraph']);
    const { theme } = ctx;
    return [
      [
        {
          kind: 'rect',
          box: { x: 0, y: 0, w: ctx.width, h: ctx.height },
          fill: theme.colors.surface,
        },
        ...titleAndBody(
          fitOrFail(
            slide,
            {
              name: 'section',
              box: {
                x: MARGIN,
                y: ctx.height * 0.3,
                w: ctx.width - 2 * MARGIN,
                h: ctx.height * 0.3,
              },
              paragraphs: toParagraphs([...(title ? [title] : []), ...body]),
              maxSize: theme.sizes.title,
              minSize: theme.sizes.minimum,
              color: theme.colors.primary,
              valign: 'middle',
            },
            ctx,
          ),
          title !== undefined,
        ),
      ],
    ];
  },

  bullets: async (slide, ctx) => textSlide(slide, ctx, ctx.theme.sizes.body),

  closing: async (slide, ctx) => textSlide(slide, ctx, ctx.theme.sizes.body - 2),

  stats: async (slide, ctx) => {
    const { title, body } = splitTitle(slide);
    accept(slide, body, ['list']);
    const items = requireBlock(slide, body, 'list').items;
    if (items.length < 2 || items.length > 6) {
      throw new BriefkitError({
        ...messages.layoutContent('stats', `it takes 2 to 6 list items, found ${items.length}.`),
        place: slide.place,
      });
    }
    return [[...chrome(slide, title, ctx), ...statGrid(slide, items, contentBox(ctx), ctx)]];
  },

  chart: async (slide, ctx) => {
    const { title, body } = splitTitle(slide);
    accept(slide, body, ['chart']);
    const chart = requireBlock(slide, body, 'chart');
    const box = contentBox(ctx);
    return [
      [
        ...chrome(slide, title, ctx),
        { kind: 'chart', box, chart: await ctx.chart(chart.name, chart.alt, box) },
      ],
    ];
  },

  'chart-text': async (slide, ctx) => {
    const { title, body } = splitTitle(slide);
    accept(slide, body, ['chart', ...TEXT_BLOCKS]);
    const chart = requireBlock(slide, body, 'chart');
    const area = contentBox(ctx);
    const chartBox = { ...area, w: area.w * 0.6 };
    const textBox = { ...area, x: area.x + chartBox.w + 24, w: area.w - chartBox.w - 24 };
    return [
      [
        ...chrome(slide, title, ctx),
        { kind: 'chart', box: chartBox, chart: await ctx.chart(chart.name, chart.alt, chartBox) },
        bodyText(slide, body, textBox, ctx, ctx.theme.sizes.body, 'middle'),
      ],
    ];
  },

  'two-columns': async (slide, ctx) => {
    const { title, body } = splitTitle(slide);
    accept(slide, body, TEXT_BLOCKS);
    const columns = splitColumns(slide, body);
    const area = contentBox(ctx);
    const w = (area.w - 32) / 2;
    const boxes: Box[] = [
      { ...area, w },
      { ...area, x: area.x + w + 32, w },
    ];
    const frames = fitTogether(
      columns.map((blocks, i) => ({
        name: `column ${i + 1}`,
        box: boxes[i] as Box,
        paragraphs: toParagraphs(blocks),
        maxSize: ctx.theme.sizes.body,
        minSize: ctx.theme.sizes.minimum,
        color: ctx.theme.colors.text,
      })),
      ctx.fonts,
    );
    if (!frames) throw overflow(slide, 'columns', ctx, columns.flatMap(toParagraphs));
    return [[...chrome(slide, title, ctx), ...frames]];
  },

  table: async (slide, ctx) => {
    const { title, body } = splitTitle(slide);
    accept(slide, body, ['table']);
    const table = requireBlock(slide, body, 'table');
    const area = contentBox(ctx);
    const { theme } = ctx;
    const at = (size: number, rows: Run[][][]) =>
      layoutTable(
        {
          name: 'table',
          box: area,
          header: table.header,
          rows,
          align: table.align,
          size,
          colors: tableColors(theme),
        },
        ctx.fonts,
      );
    // Shrink first; then continue on more slides, each with the header row again.
    const fitted = (rows: readonly Run[][][], floor: number) => {
      for (let size = theme.sizes.body; size >= floor; size--) {
        const frame = at(size, [...rows]);
        if (frame.box.h <= area.h) return frame;
      }
      return null;
    };
    const whole = fitted(table.rows, theme.sizes.minimum);
    if (whole) return [[...chrome(slide, title, ctx), whole]];
    const parts = splitToFit(table.rows, (rows) => fitted(rows, comfortableSize(ctx)) !== null);
    if (!parts) throw overflow(slide, 'table', ctx);
    // One size for every continuation, so the slides read as one table.
    const shared = Math.min(
      ...parts.map((rows) => (fitted(rows, comfortableSize(ctx)) as TableFrame).size),
    );
    return parts.map((rows, index) => [
      ...chrome(slide, title, ctx, { index, count: parts.length }),
      at(shared, rows),
    ]);
  },

  image: async (slide, ctx) => {
    const { title, body } = splitTitle(slide);
    accept(slide, body, ['image', 'paragraph']);
    const picture = requireBlock(slide, body, 'image');
    const caption = body.filter((b) => b.kind === 'paragraph');
    const area = contentBox(ctx);
    const captionHeight = caption.length ? 48 : 0;
    const image = ctx.image(picture.src);
    const frames: Frame[] = [
      ...chrome(slide, title, ctx),
      {
        kind: 'image',
        box: fitImage(image, { ...area, h: area.h - captionHeight }),
        image,
        alt: picture.alt,
      },
    ];
    if (caption.length) {
      frames.push(
        fitOrFail(
          slide,
          {
            name: 'caption',
            box: { ...area, y: area.y + area.h - captionHeight + 8, h: captionHeight - 8 },
            paragraphs: toParagraphs(caption),
            maxSize: ctx.theme.sizes.body - 4,
            minSize: ctx.theme.sizes.minimum,
            color: ctx.theme.colors.muted,
            align: 'center',
          },
          ctx,
        ),
      );
    }
    return [frames];
  },

  // An optional title names the slide for screen readers and PowerPoint's accessibility
  // checker; the quote then starts below it.
  quote: async (slide, ctx) => {
    const { title, body } = splitTitle(slide);
    accept(slide, body, ['quote', 'paragraph']);
    const quote = requireBlock(slide, body, 'quote');
    const attribution = body.filter((b) => b.kind === 'paragraph');
    const { theme } = ctx;
    const w = ctx.width - 4 * MARGIN;
    const top = title ? contentBox(ctx).y : ctx.height * 0.2;
    const quoteBox = { x: 2 * MARGIN, y: top, w, h: ctx.height * 0.65 - top };
    return [
      [
        {
          kind: 'rect',
          box: { x: 0, y: 0, w: ctx.width, h: ctx.height },
          fill: theme.colors.surface,
        },
        ...chrome(slide, title, ctx),
        {
          kind: 'rect',
          box: { x: 2 * MARGIN - 20, y: quoteBox.y, w: 6, h: quoteBox.h },
          fill: theme.colors.accent,
        },
        fitOrFail(
          slide,
          {
            name: 'quote',
            box: quoteBox,
            paragraphs: [{ runs: quote.runs, bullet: null }],
            maxSize: theme.sizes.title,
            minSize: theme.sizes.minimum,
            color: theme.colors.primary,
            valign: 'middle',
            tag: 'BlockQuote',
          },
          ctx,
        ),
        fitOrFail(
          slide,
          {
            name: 'attribution',
            box: { x: 2 * MARGIN, y: ctx.height * 0.7, w, h: ctx.height * 0.12 },
            paragraphs: toParagraphs(attribution),
            maxSize: theme.sizes.body,
            minSize: theme.sizes.minimum,
            color: theme.colors.muted,
          },
          ctx,
        ),
      ],
    ];
  },
};

/** Title and body; a body too long even at the minimum size continues on more slides. */
function textSlide(slide: Slide, ctx: SlideContext, size: number): Frame[][] {
  const { title, body } = splitTitle(slide);
  accept(slide, body, TEXT_BLOCKS);
  const request = (paragraphs: Paragraph[], minSize: number): TextRequest => ({
    name: 'body',
    box: contentBox(ctx),
    paragraphs,
    maxSize: size,
    minSize,
    color: ctx.theme.colors.text,
  });
  const paragraphs = toParagraphs(body);
  const whole = fitText(request(paragraphs, ctx.theme.sizes.minimum), ctx.fonts);
  if (whole) return [[...chrome(slide, title, ctx), whole]];
  const floor = comfortableSize(ctx);
  const parts = splitToFit(
    paragraphs,
    (part) => fitText(request([...part], floor), ctx.fonts) !== null,
  );
  if (!parts) throw overflow(slide, 'body', ctx, paragraphs);
  // One size for every continuation, so the slides read as one list.
  const shared = Math.min(...parts.map((part) => fitOrFail(slide, request(part, floor), ctx).size));
  return parts.map((part, index) => [
    ...chrome(slide, title, ctx, { index, count: parts.length }),
    layoutText(request(part, shared), ctx.fonts, shared),
  ]);
}

function bodyText(
  slide: Slide,
  blocks: Block[],
  box: Box,
  ctx: SlideContext,
  size: number,
  valign: 'top' | 'middle',
) {
  return fitOrFail(
    slide,
    {
      name: 'body',
      box,
      paragraphs: toParagraphs(blocks),
      maxSize: size,
      minSize: ctx.theme.sizes.minimum,
      color: ctx.theme.colors.text,
      valign,
    },
    ctx,
  );
}

/** Two columns, each opened by a level-2 heading. */
function splitColumns(slide: Slide, body: Block[]): Block[][] {
  const columns: Block[][] = [];
  for (const block of body) {
    if (block.kind === 'heading' && block.level === 2) columns.push([block]);
    else columns.at(-1)?.push(block);
  }
  if (columns.length !== 2 || columns.flat().length !== body.length) {
    throw new BriefkitError({
      ...messages.layoutContent(
        'two-columns',
        'it needs exactly two "## heading" sections and nothing before them.',
      ),
      place: slide.place,
    });
  }
  return columns;
}

/**
 * A section slide's text, fitted as one (title and body share a size and sit centred
 * together), split into the slide's title and its body at the same places, so the deck and
 * the PDFs can tell the title from the rest.
 */
function titleAndBody(frame: TextFrame, titled: boolean): TextFrame[] {
  const top = frame.box.y + (frame.box.h - frame.contentHeight) / 2;
  const part = (name: string, paragraphs: TextFrame['paragraphs'], tag?: TextTag): TextFrame => {
    const start = paragraphs[0]?.top ?? 0;
    const last = paragraphs.at(-1);
    const height = last ? last.top + last.lines.length * frame.lineHeight - start : 0;
    return {
      ...frame,
      name,
      ...(tag ? { tag } : {}),
      valign: 'top',
      box: { ...frame.box, y: top + start, h: height },
      paragraphs: paragraphs.map((p) => ({ ...p, top: p.top - start })),
      contentHeight: height,
    };
  };
  const [first, ...rest] = frame.paragraphs;
  if (!titled || !first) return [part('body', frame.paragraphs)];
  return [part(SLIDE_TITLE, [first], 'H1'), ...(rest.length ? [part('body', rest)] : [])];
}
