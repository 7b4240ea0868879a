import type { FontSet } from '../../layout/fonts.ts';
import type { DeckLayout } from '../../layout/frames.ts';
import { drawFrames } from './draw-frames.ts';
import { createPdf, finishPdf, type PdfMeta } from './pdf-document.ts';

/** The deck as PDF: one page per slide, the same frames the PPTX painter drew. */
export async function paintSlides(
  layout: DeckLayout,
  fonts: FontSet,
  meta: PdfMeta,
): Promise<Uint8Array> {
  const doc = createPdf(meta, { tagged: false });
  for (const slide of layout.slides) {
    doc.addPage({ size: [layout.width, layout.height], margin: 0 });
    doc.rect(0, 0, layout.width, layout.height).fill(`#${slide.background}`);
    drawFrames(doc, slide.frames, fonts, null);
  }
  return finishPdf(doc);
}
