import type { FontSet } from '../../layout/fonts.ts';
import { type DeckLayout, slideTitle } from '../../layout/frames.ts';
import { artifact, drawFrames, type StructTarget } from './draw-frames.ts';
import { createPdf, finishPdf, type PdfMeta } from './pdf-document.ts';
import { embedPictures } from './pictures.ts';

/**
 * The deck as PDF: one page per slide, the same frames the PPTX painter drew. Tagged, each
 * slide a section, so screen readers read it as they read the handout and the summary; with a
 * bookmark per titled slide.
 */
export async function paintSlides(
  layout: DeckLayout,
  fonts: FontSet,
  meta: PdfMeta,
): Promise<Uint8Array> {
  const doc = createPdf(meta, { tagged: true });
  const root = doc.struct('Document');
  doc.addStructure(root);
  await embedPictures(
    doc,
    layout.slides.flatMap((slide) => slide.frames),
  );
  for (const slide of layout.slides) {
    doc.addPage({ size: [layout.width, layout.height], margin: 0 });
    // A bookmark per titled slide, as LibreOffice makes from the deck's title placeholders.
    const title = slideTitle(slide);
    if (title) doc.outline.addItem(title);
    artifact(doc, root, () => {
      doc.rect(0, 0, layout.width, layout.height).fill(`#${slide.background}`);
    });
    const section = doc.struct('Sect');
    root.add(section);
    drawFrames(doc, slide.frames, fonts, section as StructTarget);
    section.end();
  }
  root.end();
  return finishPdf(doc);
}
