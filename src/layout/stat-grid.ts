import type { Run, Slide } from '../model/document.ts';
import { fitTogether } from './fit-text.ts';
import type { Box, Frame, Paragraph } from './frames.ts';
import { overflow, type SlideContext } from './slide-kit.ts';

/**
 * A stat's accent bar spans this share of its cell, and its text stays beside the bar: the
 * figure sits on the line just above the middle and the label hangs just below it. Text
 * that would reach past the bar shrinks instead.
 */
const BAR_TOP = 0.15;
const BAR_BOTTOM = 0.85;
const FIGURE_BOTTOM = 0.45;
const LABEL_TOP = 0.5;
/** Room between the bar and the text. */
const TEXT_INSET = 14;

/** Big numbers over short labels: bold runs of each list item are the number. */
export function statGrid(slide: Slide, items: Run[][], area: Box, ctx: SlideContext): Frame[] {
  const { theme } = ctx;
  const perRow = items.length <= 3 ? items.length : Math.ceil(items.length / 2);
  const rows = Math.ceil(items.length / perRow);
  const gap = 24;
  const cellW = (area.w - gap * (perRow - 1)) / perRow;
  const cellH = (area.h - gap * (rows - 1)) / rows;
  const cell = (i: number): Box => ({
    x: area.x + (i % perRow) * (cellW + gap),
    y: area.y + Math.floor(i / perRow) * (cellH + gap),
    w: cellW,
    h: cellH,
  });
  /** The text beside cell i's bar, from `top` to `bottom` (shares of the cell's height). */
  const besideBar = (i: number, top: number, bottom: number): Box => {
    const { x, y, w, h } = cell(i);
    return { x: x + TEXT_INSET, y: y + h * top, w: w - TEXT_INSET, h: h * (bottom - top) };
  };
  const numberParts = items.map((runs) => runs.filter((r) => r.bold));
  const labelParts = items.map((runs): Paragraph[] => {
    const label = runs.filter((r) => !r.bold);
    const trimmed = label.map((r, i) => (i === 0 ? { ...r, text: r.text.trimStart() } : r));
    return trimmed.length ? [{ runs: trimmed, bullet: null }] : [];
  });
  const numbers = fitTogether(
    numberParts.map((runs, i) => {
      return {
        name: `stat ${i + 1} figure`,
        box: besideBar(i, BAR_TOP, FIGURE_BOTTOM),
        paragraphs: [{ runs, bullet: null }],
        maxSize: theme.sizes.stat,
        minSize: theme.sizes.minimum,
        color: theme.colors.primary,
        bold: true,
        valign: 'bottom' as const,
      };
    }),
    ctx.fonts,
  );
  // A label never outgrows its figure: a long figure that shrinks takes its label down too.
  const figureSize = numbers?.[0]?.size ?? theme.sizes.stat;
  const labels = fitTogether(
    labelParts.map((paragraphs, i) => {
      return {
        name: `stat ${i + 1} label`,
        box: besideBar(i, LABEL_TOP, BAR_BOTTOM),
        paragraphs,
        maxSize: Math.max(theme.sizes.minimum, Math.min(theme.sizes.body - 2, figureSize)),
        minSize: theme.sizes.minimum,
        color: theme.colors.text,
      };
    }),
    ctx.fonts,
  );
  if (!numbers || !labels)
    throw overflow(
      slide,
      'figures',
      ctx,
      items.map((runs) => ({ runs, bullet: null })),
    );
  const bars: Frame[] = items.map((_, i) => {
    const c = cell(i);
    return {
      kind: 'rect',
      box: { x: c.x, y: c.y + c.h * BAR_TOP, w: 4, h: c.h * (BAR_BOTTOM - BAR_TOP) },
      fill: theme.colors.accent,
    };
  });
  // Each figure before its label: the order screen readers and `inspect` read them in.
  return [...bars, ...numbers.flatMap((number, i) => [number, labels[i] as Frame])];
}
