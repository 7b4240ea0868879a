import type { Theme } from '../template/theme.ts';

/** Red, green and blue of a 6-digit hex colour, 0–255. */
function channels(hex: string): number[] {
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
}

/** WCAG's relative luminance of a 6-digit hex colour. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA: normal text, and large text (or lines and shapes that must be seen). */
export const READABLE = 4.5;
export const VISIBLE = 3;

/** The first candidate that reaches `ratio` on `fill`, else the one that stands out most. */
function firstReadable(fill: string, candidates: readonly string[], ratio = READABLE): string {
  const found = candidates.find((c) => contrast(c, fill) >= ratio);
  if (found) return found;
  return candidates.reduce((best, c) => (contrast(c, fill) > contrast(best, fill) ? c : best));
}

/**
 * The colour to write on a fill of the theme's (its primary, say): white where white reads,
 * as themes are usually drawn, else whichever of the theme's background and text colours
 * stands out most, so a light brand colour gets dark text.
 */
export function textOn(fill: string, theme: Theme): string {
  return firstReadable(fill, ['FFFFFF', theme.colors.background, theme.colors.text]);
}

const PAPER = 'FFFFFF';
/** How much of the text colour a pale tint holds: light enough for that text to read on it. */
const PALE = 0.1;

/** `amount` of the colour over white paper, as 6 hex digits. */
function tint(hex: string, amount: number): string {
  const mixed = channels(hex).map((c) => Math.round(255 - (255 - c) * amount));
  return mixed.map((c) => c.toString(16).padStart(2, '0').toUpperCase()).join('');
}

/**
 * The theme as printed on white paper (the summary, and the handout around its slides): a
 * dark theme's light text and rules would all but vanish there. Each colour that does not read
 * on white gives way to one that does: text to the slide background or black, headings and
 * rules to that text colour, stripes and chart grid lines too dark for the text to a pale
 * tint of it.
 */
export function paperTheme(theme: Theme): Theme {
  const { colors } = theme;
  const text = firstReadable(PAPER, [colors.text, colors.background, '000000']);
  const primary = contrast(colors.primary, PAPER) >= VISIBLE ? colors.primary : text;
  return {
    ...theme,
    colors: {
      ...colors,
      background: PAPER,
      text,
      primary,
      muted: firstReadable(PAPER, [colors.muted, text]),
      surface: contrast(text, colors.surface) >= READABLE ? colors.surface : tint(text, PALE),
    },
  };
}
