import type { Align, Run } from '../model/document.ts';
import type { Theme } from '../template/theme.ts';
import { LINE_HEIGHT, WIDTH_SLACK } from './fit-text.ts';
import type { FontSet } from './fonts.ts';
import { styleOf } from './fonts.ts';
import type { Box, TableCell, TableFrame } from './frames.ts';
import { countGaps, textWidth } from './measure.ts';
import { measureMemo } from './measure-memo.ts';
import { textOn } from './readable-color.ts';
import { widestWord, wrapRuns } from './wrap.ts';

/**
 * Tables wear the theme: a primary header row in a colour that reads on it, body rows striped
 * in the surface and background colours under the theme's text colour.
 */
export function tableColors(theme: Theme): TableFrame['colors'] {
  return {
    text: theme.colors.text,
    header: theme.colors.primary,
    headerText: textOn(theme.colors.primary, theme),
    body: theme.colors.background,
    stripe: theme.colors.surface,
    rule: theme.colors.muted,
  };
}

/** The fill of body row `row` (0 is the first under the header): every second is striped. */
export function bodyRowFill(colors: TableFrame['colors'], row: number): string {
  return row % 2 === 1 ? colors.stripe : colors.body;
}

export interface TableRequest {
  name: string;
  box: Box;
  header: Run[][];
  rows: Run[][][];
  align: Align[];
  size: number;
  colors: TableFrame['colors'];
}

/**
 * Lays out a table at one size: columns share the width in proportion to their content
 * (each gets at least a fair minimum, and room for its longest word where the width allows),
 * cells wrap, and each row is as tall as its tallest cell.
 * The frame's box height is the table's real height, which may exceed the request's.
 */
export function layoutTable(request: TableRequest, fonts: FontSet): TableFrame {
  return laidOut(fonts, JSON.stringify(request), () => lay(request, fonts));
}

/**
 * Tables laid out before (`tables` in cacheDir): each cell's width is measured glyph by
 * glyph, which took a good part of a new process's summary layout.
 */
const laidOut = measureMemo<TableFrame>(
  {
    part: 'tables',
    limit: 500,
    accept: (value): value is TableFrame => (value as TableFrame | null)?.kind === 'table',
  },
  256,
);

function lay(request: TableRequest, fonts: FontSet): TableFrame {
  const { size } = request;
  const padding = size * 0.4;
  const lineHeight = size * LINE_HEIGHT;
  const headerRuns = request.header.map((cell) => cell.map((r) => ({ ...r, bold: true })));
  const all = [headerRuns, ...request.rows];
  const columnCount = Math.max(...all.map((row) => row.length));
  const natural = Array.from(
    { length: columnCount },
    (_, c) =>
      Math.max(...all.map((row) => runsWidth(row[c] ?? [], fonts, size))) / WIDTH_SLACK +
      2 * padding,
  );
  // A column narrower than its longest word would cut it between characters
  // ("Öffnungsstund|en"): such columns take their room from the others' slack.
  const words = Array.from(
    { length: columnCount },
    (_, c) =>
      Math.max(...all.map((row) => widestWord(row[c] ?? [], fonts, size))) / WIDTH_SLACK +
      2 * padding,
  );
  const columns = withMinimums(shareWidth(natural, request.box.w), words);
  const cells = (row: Run[][]): TableCell[] =>
    columns.map((w, c) => {
      const runs = row[c] ?? [];
      return { runs, lines: wrapRuns(runs, fonts, size, (w - 2 * padding) * WIDTH_SLACK) };
    });
  const header = cells(headerRuns);
  const rows = request.rows.map(cells);
  const rowHeights = [header, ...rows].map(
    (row) => Math.max(1, ...row.map((cell) => cell.lines.length)) * lineHeight + 2 * padding,
  );
  const height = rowHeights.reduce((a, b) => a + b, 0);
  return {
    kind: 'table',
    name: request.name,
    box: { ...request.box, h: height },
    size,
    lineHeight,
    padding,
    columns,
    align: request.align,
    header,
    rows,
    rowHeights,
    colors: request.colors,
  };
}

/** The runs side by side; script gaps where runs meet ("**31**项") count too, once. */
function runsWidth(runs: readonly Run[], fonts: FontSet, size: number): number {
  const gaps = countGaps(runs.map((r) => r.text).join(''));
  return runs.reduce(
    (w, r, i) => w + textWidth(r.text, fonts, styleOf(r.bold, r.italic), size, i === 0 ? gaps : 0),
    0,
  );
}

/** Narrow columns keep their natural width; the rest share what is left in proportion. */
function shareWidth(natural: number[], total: number): number[] {
  const fair = total / natural.length;
  const narrow = natural.map((w) => w <= fair);
  const fixed = natural.reduce((sum, w, i) => sum + (narrow[i] ? w : 0), 0);
  const flexible = natural.reduce((sum, w, i) => sum + (narrow[i] ? 0 : w), 0);
  if (flexible === 0) return natural.map((w) => (w / fixed) * total);
  return natural.map((w, i) => (narrow[i] ? w : (w / flexible) * (total - fixed)));
}

/**
 * Widens each column to its minimum, taking the room from the other columns in proportion to
 * what they have above theirs, so the total stays the same. Unchanged when the minimums
 * together are wider than the table: then some word must be cut anyway.
 */
function withMinimums(widths: number[], minimums: number[]): number[] {
  const short = widths.reduce((sum, w, i) => sum + Math.max(0, (minimums[i] ?? 0) - w), 0);
  const slack = widths.reduce((sum, w, i) => sum + Math.max(0, w - (minimums[i] ?? 0)), 0);
  if (short === 0 || short > slack) return widths;
  return widths.map((w, i) => {
    const min = minimums[i] ?? 0;
    return w <= min ? min : w - ((w - min) / slack) * short;
  });
}
