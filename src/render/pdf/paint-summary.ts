import type { FontSet } from '../../layout/fonts.ts';
import type { PagedLayout } from '../../layout/frames.ts';
import { drawFrames } from './draw-frames.ts';
import { createPdf, finishPdf, type PdfMeta } from './pdf-document.ts';
import { embedPictures } from './pictures.ts';

/** The printable summary: tagged, with bookmarks from its headings. */
export async function paintSummary(
  layout: PagedLayout,
  fonts: FontSet,
  meta: PdfMeta,
): Promise<Uint8Array> {
  const doc = createPdf(meta, { tagged: true });
  const root = doc.struct('Document');
  doc.addStructure(root);
  await embedPictures(doc, layout.pages.flat());
  const bookmarks: PDFKit.PDFOutline[] = [];
  layout.pages.forEach((frames, n) => {
    doc.addPage({ size: [layout.width, layout.height], margin: 0 });
    drawFrames(doc, frames, fonts, root);
    for (const entry of layout.outline.filter((e) => e.page === n)) {
      const parent = bookmarks[entry.level - 2] ?? doc.outline;
      bookmarks[entry.level - 1] = parent.addItem(entry.title);
      bookmarks.length = entry.level;
    }
  });
  root.end();
  return finishPdf(doc);
}
