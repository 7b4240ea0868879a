import type { FontFace } from '../../layout/fonts.ts';
import { forEachCodePoint } from '../../layout/measure.ts';
import { glyphHex, pdfFont, useFace } from './pdf-document.ts';

/** What setText touches of pdfkit's document beyond its public API (pinned with pdfkit). */
interface TextState {
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** pdfkit's number format: at most six decimals. */
export const num = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Sets one run of text in one face on its alphabetic baseline, glyph by glyph with plain
 * advances (as layout measured it), writing exactly the operators pdfkit's `text()` writes
 * for such a run. pdfkit lays a run out three times over and parses its options each call;
 * on a page of text that is most of the cost of the PDF.
 */
export function setText(
  doc: PDFKit.PDFDocument,
  face: FontFace,
  size: number,
  text: string,
  x: number,
  baseline: number,
  /** Outlined (text render mode 1, in the stroke colour and line width) instead of filled. */
  outline = false,
): void {
  if (!text) return;
  useFace(doc, face);
  const font = pdfFont(doc, face);
  let hex = '';
  forEachCodePoint(text, (codePoint) => {
    const glyph = face.glyph(codePoint);
    const gid = font.subset.includeGlyph(glyph.id);
    hex += glyphHex(gid);
    font.widths[gid] ??= glyph.advanceWidth * font.scale;
    font.unicode[gid] ??= glyph.codePoints;
  });
  const state = doc as unknown as TextState;
  const height = state.page.height;
  state.page.fonts[font.id] ??= font.ref();
  state.addContent(
    [
      'q',
      `1 0 0 -1 0 ${num(height)} cm`,
      'BT',
      ...(outline ? ['1 Tr'] : []),
      `1 0 0 1 ${num(x)} ${num(height - baseline)} Tm`,
      `/${font.id} ${num(size)} Tf`,
      `[<${hex}> 0] TJ`,
      'ET',
      'Q',
    ].join('\n'),
  );
}
