import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { FontFace, FontSet, FontStyle } from '../../layout/fonts.ts';
import { faceFor } from '../../layout/measure.ts';

/** Both sides of the round trip agree on the tree's shape; every value stays a string. */
const tree = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: true,
} as const;

const parser = new XMLParser({
  ...tree,
  parseTagValue: false,
  parseAttributeValue: false,
  // Spaces inside a label are drawn.
  trimValues: false,
  // Vega writes `&#xA;` and the like in attribute values.
  htmlEntities: true,
});

const builder = new XMLBuilder({ ...tree, suppressEmptyNode: true });

/** One node of fast-xml-parser's ordered tree: `{ name: children, ':@': attributes }`. */
type XmlEntry = Record<string, unknown> & { ':@'?: Record<string, string> };

/** The elements whose own characters svg-to-pdfkit draws in their own font-family. */
const TEXT_ELEMENTS = new Set(['text', 'tspan']);

/**
 * svg-to-pdfkit picks one font per text element from its font-family, with no per-glyph
 * fallback, so a Chinese axis label would come out blank. Each <text> and <tspan> (Vega
 * writes one per line of a multi-line title) is therefore tagged with the position in the
 * fallback chain of the first face that covers all of its own characters.
 */
export function assignSvgFonts(
  svg: string,
  fonts: FontSet,
): { svg: string; faces: (family: string, style: FontStyle) => FontFace } {
  const faces = (family: string, style: FontStyle): FontFace => {
    const chain = fonts.styles[style];
    const index = Number(/^briefkit-(\d+)$/.exec(family)?.[1] ?? 0);
    return (chain[index] ?? chain[0]) as FontFace;
  };
  // When every text would be tagged with the first face, which an untagged family gets too,
  // the SVG is drawn as it is: parsing and writing it again cost more than drawing a replay.
  return { svg: firstFaceCoversAll(svg, fonts) ? svg : tagSvgFonts(svg, fonts), faces };
}

/** The SVG with each text element's font-family naming its place in the fallback chain. */
export function tagSvgFonts(svg: string, fonts: FontSet): string {
  const entries = parser.parse(svg) as XmlEntry[];
  tagTextFonts(entries, fonts);
  return builder.build(entries) as string;
}

/**
 * Whether the first regular face has every character the SVG holds, markup included, so
 * chainIndex is 0 for each of its texts. A character reference (`&#…;`) could stand for any
 * character: an SVG with one is not taken to be covered.
 */
function firstFaceCoversAll(svg: string, fonts: FontSet): boolean {
  if (svg.includes('&#')) return false;
  const first = fonts.styles.regular[0] as FontFace;
  const seen = new Set<number>();
  for (const char of svg) {
    const code = char.codePointAt(0) as number;
    if (code <= 0x20 || seen.has(code)) continue;
    if (!first.covers(code)) return false;
    seen.add(code);
  }
  return true;
}

function tagTextFonts(entries: XmlEntry[], fonts: FontSet): void {
  for (const entry of entries) {
    const name = Object.keys(entry).find((key) => key !== ':@');
    const children = name === undefined ? undefined : entry[name];
    if (!Array.isArray(children)) continue;
    if (TEXT_ELEMENTS.has(name as string)) {
      const own = children.map((child: XmlEntry) => child['#text'] ?? '').join('');
      // Spread keeps an existing font-family where it was, as the attribute order is.
      entry[':@'] = { ...entry[':@'], 'font-family': `briefkit-${chainIndex(own, fonts)}` };
    }
    tagTextFonts(children as XmlEntry[], fonts);
  }
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
