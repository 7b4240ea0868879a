import type { Theme } from '../template/theme.ts';

/** WCAG's relative luminance of a 6-digit hex colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text. */
const READABLE = 4.5;

/**
 * The colour to write on a fill of the theme's (its primary, say): white where white reads,
 * as themes are usually drawn, else whichever of the theme's background and text colours
 * stands out most, so a light brand colour gets dark text.
 */
export function textOn(fill: string, theme: Theme): string {
  const white = 'FFFFFF';
  if (contrast(white, fill) >= READABLE) return white;
  const candidates = [white, theme.colors.background, theme.colors.text];
  return candidates.reduce((best, c) => (contrast(c, fill) > contrast(best, fill) ? c : best));
}
