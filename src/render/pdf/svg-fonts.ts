import type { FontFace, FontSet, FontStyle } from '../../layout/fonts.ts';
import { faceFor } from '../../layout/measure.ts';

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;
const FAMILY = /\sfont-family="[^"]*"/;

/**
 * svg-to-pdfkit picks one font per <text> from its font-family, with no per-glyph fallback,
 * so a Chinese axis label would come out blank. Each text element is therefore tagged with
 * the position in the fallback chain of the first face that covers all of its characters.
 */
export function assignSvgFonts(
  svg: string,
  fonts: FontSet,
): { svg: string; faces: (family: string, style: FontStyle) => FontFace } {
  const tagged = svg.replace(TEXT, (_element, attributes: string, content: string) => {
    const index = chainIndex(decodeXml(content), fonts);
    const family = ` font-family="briefkit-${index}"`;
    const attrs = FAMILY.test(attributes)
      ? attributes.replace(FAMILY, family)
      : `${attributes}${family}`;
    return `<text${attrs}>${content}</text>`;
  });
  const faces = (family: string, style: FontStyle): FontFace => {
    const chain = fonts.styles[style];
    const index = Number(/^briefkit-(\d+)$/.exec(family)?.[1] ?? 0);
    return (chain[index] ?? chain[0]) as FontFace;
  };
  return { svg: tagged, faces };
}

/** The first face in the regular chain that has every character; the first face if none. */
function chainIndex(text: string, fonts: FontSet): number {
  const chain = fonts.styles.regular;
  const chars = [...text].map((c) => c.codePointAt(0) as number).filter((c) => c > 0x20);
  const needed = new Set(chars.map((c) => chain.indexOf(faceFor(chain, c))));
  if (needed.size <= 1) return [...needed][0] ?? 0;
  const all = chain.findIndex((face) => chars.every((c) => face.covers(c)));
  return all >= 0 ? all : Math.max(...needed);
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}
