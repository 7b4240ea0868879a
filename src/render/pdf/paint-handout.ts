import { fitText, layoutOneLine, layoutText } from '../../layout/fit-text.ts';
import type { FontSet } from '../../layout/fonts.ts';
import { type Box, type DeckLayout, slideTitle, type TextFrame } from '../../layout/frames.ts';
import type { HandoutLayout, HandoutSlot } from '../../layout/handout.ts';
import { plain } from '../../layout/slide-kit.ts';
import { artifact, drawFrames, type StructTarget } from './draw-frames.ts';
import { createPdf, finishPdf, type PdfMeta } from './pdf-document.ts';
import { embedPictures } from './pictures.ts';

export interface HandoutOptions {
  /** Print each slide's speaker notes above the writing lines (3 a page). */
  notes: boolean;
  ruleColor: string;
  textColor: string;
  pageLabel(page: number, pages: number): string;
}

type Doc = PDFKit.PDFDocument;

/**
 * Slides drawn small from the same frames as the PPTX, each numbered, with lines for notes.
 * Tagged, with a bookmark per titled slide as in slides.pdf.
 */
export async function paintHandout(
  deck: DeckLayout,
  handout: HandoutLayout,
  fonts: FontSet,
  meta: PdfMeta,
  options: HandoutOptions,
): Promise<Uint8Array> {
  const doc = createPdf(meta, { tagged: true });
  const root = doc.struct('Document');
  doc.addStructure(root);
  await embedPictures(
    doc,
    deck.slides.flatMap((slide) => slide.frames),
  );
  handout.pages.forEach((slots, n) => {
    doc.addPage({ size: [handout.width, handout.height], margin: 0 });
    for (const { slide } of slots) {
      const title = deck.slides[slide] && slideTitle(deck.slides[slide]);
      if (title) doc.outline.addItem(title);
    }
    const heads = [
      headText(meta.title, handout.header, 'left', fonts, options),
      headText(
        options.pageLabel(n + 1, handout.pages.length),
        handout.footer,
        'right',
        fonts,
        options,
      ),
    ];
    drawFrames(doc, heads, fonts, root);
    for (const slot of slots) drawSlot(doc, deck, slot, fonts, root, options);
  });
  root.end();
  return finishPdf(doc);
}

function drawSlot(
  doc: Doc,
  deck: DeckLayout,
  slot: HandoutSlot,
  fonts: FontSet,
  root: PDFKit.PDFStructureElement,
  options: HandoutOptions,
): void {
  const slide = deck.slides[slot.slide];
  if (!slide) return;
  const { thumb } = slot;
  const scale = thumb.w / deck.width;
  const section = doc.struct('Sect');
  root.add(section);
  artifact(doc, root, () => {
    doc.rect(thumb.x, thumb.y, thumb.w, thumb.h).fill(`#${slide.background}`);
  });
  doc.save();
  doc.translate(thumb.x, thumb.y).scale(scale);
  doc.rect(0, 0, deck.width, deck.height).clip();
  drawFrames(doc, slide.frames, fonts, section as StructTarget);
  doc.restore();
  artifact(doc, root, () => {
    doc.rect(thumb.x, thumb.y, thumb.w, thumb.h).lineWidth(0.75).stroke(`#${options.ruleColor}`);
  });
  // The slide's own number is a few points high at this size; this one can be read.
  drawFrames(
    doc,
    [headText(String(slot.slide + 1), slot.label, 'right', fonts, options)],
    fonts,
    root,
  );
  if (slot.notes)
    drawNotes(doc, slot.notes, options.notes ? slide.notes : '', fonts, section, options);
  section.end();
}

/** Speaker notes (when asked for), then ruled lines to the bottom of the box. */
function drawNotes(
  doc: Doc,
  box: Box,
  notes: string,
  fonts: FontSet,
  parent: PDFKit.PDFStructureElement,
  options: HandoutOptions,
): void {
  let top = box.y;
  if (notes) {
    const frame = notesFrame(notes, box, fonts, options.textColor);
    drawFrames(doc, [frame], fonts, parent);
    top += frame.contentHeight + 6;
  }
  artifact(doc, parent, () => {
    for (let y = top + 18; y <= box.y + box.h; y += 18) {
      doc
        .moveTo(box.x, y)
        .lineTo(box.x + box.w, y)
        .lineWidth(0.5)
        .stroke(`#${options.ruleColor}`);
    }
  });
}

/**
 * Notes shrink to 6 pt; beyond that they are cut at the box with an ellipsis, never overflow.
 * Each comment of the slide starts a new line, as in the PPTX's notes.
 */
function notesFrame(notes: string, box: Box, fonts: FontSet, color: string): TextFrame {
  const paragraphs = notes.split('\n').flatMap(plain);
  const request = {
    name: 'notes',
    box,
    paragraphs,
    maxSize: 9,
    minSize: 6,
    color,
    tag: 'P' as const,
  };
  return fitText(request, fonts) ?? cutToBox(layoutText(request, fonts, 6));
}

/** The lines that fit the box, the last of them an ellipsis. */
function cutToBox(frame: TextFrame): TextFrame {
  const room = frame.box.h - frame.lineHeight;
  const paragraphs = frame.paragraphs
    .filter((p) => p.top <= room)
    .map((p) => ({ ...p, lines: p.lines.slice(0, Math.floor((room - p.top) / frame.lineHeight)) }));
  const last = paragraphs.at(-1);
  const ellipsis = { pieces: [{ text: '…', style: 'regular' as const, width: 0 }], width: 0 };
  if (last) last.lines = [...last.lines, ellipsis];
  const contentHeight = last ? last.top + last.lines.length * frame.lineHeight : 0;
  return { ...frame, paragraphs, contentHeight };
}

/**
 * The running head, page number and slide numbers: small, one line each (a long title would
 * run into the first slide), and artifacts to screen readers.
 */
function headText(
  text: string,
  box: Box,
  align: 'left' | 'right',
  fonts: FontSet,
  options: HandoutOptions,
): TextFrame {
  return layoutOneLine(
    {
      name: 'head',
      box,
      paragraphs: plain(text),
      maxSize: 8.5,
      minSize: 8.5,
      color: options.textColor,
      align,
      tag: 'Artifact',
    },
    fonts,
    8.5,
  );
}
