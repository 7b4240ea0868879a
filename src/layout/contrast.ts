/**
 * Text that is hard to read on what lies under it, as WCAG AA measures it. A theme is the
 * press office's own: a light grey footer or a pale brand colour is easy to pick and hard to
 * read from the back of a room, so the build warns, naming the colours and the first place.
 */
import type { Diagnostic } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { Theme } from '../template/theme.ts';
import type { Box, Frame } from './frames.ts';
import { contrast, READABLE, VISIBLE } from './readable-color.ts';
import { bodyRowFill } from './table.ts';

/** A page or slide as the check sees it: its frames in drawing order, over its background. */
export interface Page {
  /** Names the page in a warning: "slide 9", "summary page 1". */
  name: string;
  background: string;
  frames: readonly Frame[];
  /** The colours it is drawn in: the slide theme, or its paper version on summary pages. */
  theme: Theme;
}

interface Text {
  color: string;
  on: string;
  size: number;
  bold: boolean;
}

/**
 * One warning per pair of colours and size class, at the first page it is met, placed in the
 * theme file; colours are named by the keys of the theme that page is drawn in, where they are
 * its own.
 */
export function contrastWarnings(pages: readonly Page[], themeFile: string): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const page of pages) {
    for (const text of textsOf(page)) {
      const needs = isLarge(text) ? VISIBLE : READABLE;
      const ratio = contrast(text.color, text.on);
      const key = `${text.color} ${text.on} ${needs}`;
      if (ratio >= needs || seen.has(key)) continue;
      const named = (hex: string) => namedIn(page.theme, hex);
      const shown = { ...text, color: named(text.color), on: named(text.on) };
      const message = messages.lowContrast(page.name, shown, ratio, needs);
      seen.set(key, { ...message, place: { file: themeFile } });
    }
  }
  return [...seen.values()];
}

/** "5F6673 (muted)": the colour with the theme's keys that hold it, or bare if none does. */
function namedIn(theme: Theme, hex: string): string {
  const keys = Object.entries(theme.colors).flatMap(([key, v]) => (v === hex ? [key] : []));
  return keys.length ? `${hex} (${keys.join(', ')})` : hex;
}

/** WCAG's large text: 18 pt, or 14 pt bold. */
function isLarge({ size, bold }: Text): boolean {
  return size >= 18 || (bold && size >= 14);
}

/** Each text box and table on the page, with the colour under its text. */
function textsOf(page: Page): Text[] {
  return page.frames.flatMap((frame, i): Text[] => {
    if (frame.kind === 'text') {
      if (!frame.paragraphs.some((p) => p.lines.length)) return [];
      const on = fillUnder(frame.box, page.frames.slice(0, i), page.background);
      return [{ color: frame.color, on, size: frame.size, bold: frame.bold }];
    }
    if (frame.kind !== 'table') return [];
    const { colors, size } = frame;
    const body = frame.rows.map((_, r) => bodyRowFill(colors, r));
    return [
      { color: colors.headerText, on: colors.header, size, bold: true },
      ...[...new Set(body)].map((on) => ({ color: colors.text, on, size, bold: false })),
    ];
  });
}

/** The fill of the topmost shape drawn before the text that holds the box's centre. */
function fillUnder(box: Box, below: readonly Frame[], background: string): string {
  const x = box.x + box.w / 2;
  const y = box.y + box.h / 2;
  const under = below.findLast(
    (f) =>
      f.kind === 'rect' &&
      x >= f.box.x &&
      x <= f.box.x + f.box.w &&
      y >= f.box.y &&
      y <= f.box.y + f.box.h,
  );
  return under?.kind === 'rect' ? under.fill : background;
}
