import type { FontSet } from '../../layout/fonts.ts';
import type {
  Box,
  ChartFrame,
  Frame,
  LaidParagraph,
  TableCell,
  TableFrame,
  TextFrame,
} from '../../layout/frames.ts';
import { segmentByFace } from '../../layout/measure.ts';
import { bodyRowFill } from '../../layout/table.ts';
import type { Line, Piece } from '../../layout/wrap.ts';
import type { Align } from '../../model/document.ts';
import { drawChartScene } from './draw-chart.ts';
import { embeddedPicture } from './pictures.ts';
import { setText } from './set-text.ts';

type Doc = PDFKit.PDFDocument;
type StructParent = PDFKit.PDFStructureElement;

/** Where tagged content goes; null for untagged documents. */
export type StructTarget = StructParent | null;

/** Baseline of a line within its line box; matches how Office centres Calibri in its line. */
const ASCENT = 0.83;

export function drawFrames(
  doc: Doc,
  frames: readonly Frame[],
  fonts: FontSet,
  parent: StructTarget,
): void {
  for (const frame of frames) drawFrame(doc, frame, fonts, parent);
}

function drawFrame(doc: Doc, frame: Frame, fonts: FontSet, parent: StructTarget): void {
  switch (frame.kind) {
    case 'rect':
      artifact(doc, parent, () =>
        doc.rect(frame.box.x, frame.box.y, frame.box.w, frame.box.h).fill(`#${frame.fill}`),
      );
      return;
    case 'text':
      drawText(doc, frame, fonts, parent);
      return;
    case 'chart':
      drawChart(doc, frame, fonts, parent);
      return;
    case 'table':
      drawTable(doc, frame, fonts, parent);
      return;
    case 'image': {
      const picture = embeddedPicture(doc, frame.image) ?? Buffer.from(frame.image.data);
      const draw = () =>
        doc.image(picture as Buffer, frame.box.x, frame.box.y, {
          width: frame.box.w,
          height: frame.box.h,
        });
      // A picture without alt text is decoration (the theme's logo), as in the deck.
      if (frame.alt) figure(doc, parent, frame.alt, frame.box, draw);
      else artifact(doc, parent, draw);
      return;
    }
  }
}

function drawText(doc: Doc, frame: TextFrame, fonts: FontSet, parent: StructTarget): void {
  const offset = verticalOffset(frame);
  const paintMarker = (paragraph: LaidParagraph) => () => {
    if (paragraph.bullet === null) return;
    const y = frame.box.y + offset + paragraph.top;
    const marker = paragraph.bullet === 'disc' ? '•' : `${paragraph.bullet}.`;
    drawLine(
      doc,
      { pieces: [{ text: marker, style: 'regular', width: 0 }], width: 0 },
      frame.box.x,
      y,
      frame,
      fonts,
    );
  };
  const placed = (paragraph: LaidParagraph): PlacedLine[] =>
    paragraph.lines.map((line, i) => {
      const free = frame.box.w - paragraph.indent - line.width;
      return {
        line,
        x: frame.box.x + paragraph.indent + alignOffset(frame.align, free),
        top: frame.box.y + offset + paragraph.top + i * frame.lineHeight,
      };
    });
  const lines = (paragraph: LaidParagraph) => lineContent(doc, placed(paragraph), frame, fonts);
  if (!parent || frame.tag === 'Artifact') {
    artifact(doc, parent, () => {
      for (const p of frame.paragraphs) {
        paintMarker(p)();
        drawLines(doc, placed(p), frame, fonts);
      }
    });
    return;
  }
  if (frame.tag && frame.tag !== 'P') {
    for (const p of frame.paragraphs)
      parent.add(
        doc.struct(frame.tag, {}, [...(p.bullet === null ? [] : [paintMarker(p)]), ...lines(p)]),
      );
    return;
  }
  // Bulleted and numbered paragraphs are list items; each run of them is one list.
  let list: StructParent | null = null;
  for (const p of frame.paragraphs) {
    if (p.bullet === null) {
      list?.end();
      list = null;
      parent.add(doc.struct('P', {}, lines(p)));
      continue;
    }
    if (!list) {
      list = doc.struct('L');
      parent.add(list);
    }
    // The marker is the item's label, read apart from its text (PDF/UA's Lbl and LBody).
    list.add(
      doc.struct('LI', {}, [
        doc.struct('Lbl', {}, paintMarker(p)),
        doc.struct('LBody', {}, lines(p)),
      ]),
    );
  }
  list?.end();
}

type TextStyle = Pick<TextFrame, 'size' | 'lineHeight' | 'color'>;

/** A line where it is drawn: its start and its line box's top. */
interface PlacedLine {
  line: Line;
  x: number;
  top: number;
}

/** What a structure element holds: marked content (drawn by a closure) or other elements. */
type StructChild = (() => void) | StructParent;

function drawLines(doc: Doc, placed: readonly PlacedLine[], style: TextStyle, fonts: FontSet) {
  for (const { line, x, top } of placed) drawLine(doc, line, x, top, style, fonts);
}

/**
 * Tagged content for lines of text: one closure drawing them all or, where the text links,
 * the text around each link and a Link element for each linked stretch, which holds its text
 * and its click areas, so assistive technology reads the link as a link (PDF/UA).
 */
function lineContent(
  doc: Doc,
  placed: readonly PlacedLine[],
  style: TextStyle,
  fonts: FontSet,
): StructChild[] {
  const pieces = placed.flatMap(({ line }) => line.pieces);
  // Most text links nowhere: one closure, and no stretches to build on every draw.
  if (!pieces.some((piece) => piece.link)) return [() => drawLines(doc, placed, style, fonts)];
  const stretches: { link: string | undefined; pieces: Set<Piece> }[] = [];
  for (const piece of pieces) {
    const last = stretches.at(-1);
    if (last && last.link === piece.link) last.pieces.add(piece);
    else stretches.push({ link: piece.link, pieces: new Set([piece]) });
  }
  return stretches.map(({ link, pieces }) => {
    const draw = (linkParent?: StructParent) => () => {
      for (const { line, x, top } of placed)
        drawLine(doc, line, x, top, style, fonts, { only: pieces, linkParent });
    };
    if (!link) return draw();
    const element = doc.struct('Link');
    element.add(draw(element));
    return element;
  });
}

function drawLine(
  doc: Doc,
  line: Line,
  x: number,
  top: number,
  frame: TextStyle,
  fonts: FontSet,
  /** `only`: the pieces to draw (the others keep their room); `linkParent`: their Link element. */
  { only, linkParent }: { only?: ReadonlySet<Piece>; linkParent?: StructParent | undefined } = {},
): void {
  const baseline =
    top + (frame.lineHeight - frame.size * 1.2) / 2 + frame.size * ASCENT + frame.size * 0.1;
  let cursor = x;
  doc.fillColor(`#${frame.color}`);
  for (const piece of line.pieces) {
    const drawn = !only || only.has(piece);
    for (const segment of segmentByFace(piece.text, fonts.styles[piece.style], piece.around)) {
      const width = segment.advance * frame.size;
      if (drawn) {
        // Plain advances, as measured in layout and as Office sets text.
        setText(doc, segment.face, frame.size, segment.text, cursor, baseline);
        if (piece.link) {
          const where = { x: cursor, top, width, baseline };
          drawLink(doc, piece.link, where, frame, { linkParent, text: piece.text });
        }
      }
      cursor += width;
    }
  }
}

/**
 * Underline and click area drawn here: pdfkit places both from the text's top, which is
 * wrong for text set on its alphabetic baseline.
 */
function drawLink(
  doc: Doc,
  url: string,
  { x, top, width, baseline }: { x: number; top: number; width: number; baseline: number },
  frame: TextStyle,
  /** In tagged documents: the Link element the click area belongs to, and what it reads. */
  { linkParent, text }: { linkParent?: StructParent | undefined; text: string },
): void {
  const y = baseline + frame.size * 0.12;
  doc
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(frame.size * 0.06)
    .stroke(`#${frame.color}`);
  const tagged = linkParent ? { structParent: linkParent, Contents: new String(text) } : {};
  doc.link(x, top, width, frame.lineHeight, url, tagged as never);
}

function verticalOffset(frame: TextFrame): number {
  const free = frame.box.h - frame.contentHeight;
  if (frame.valign === 'middle') return free / 2;
  if (frame.valign === 'bottom') return free;
  return 0;
}

/** Where a line starts in the room it leaves free. */
function alignOffset(align: Align, free: number): number {
  if (align === 'center') return free / 2;
  if (align === 'right') return free;
  return 0;
}

function drawChart(doc: Doc, frame: ChartFrame, fonts: FontSet, parent: StructTarget): void {
  const { box, chart } = frame;
  figure(doc, parent, chart.alt, box, () => drawChartScene(doc, chart.drawing, box, fonts));
}

/** Pictures and charts are Figures with alt text and a bounding box in tagged PDFs. */
function figure(doc: Doc, parent: StructTarget, alt: string, box: Box, draw: () => void): void {
  if (!parent) {
    draw();
    return;
  }
  parent.add(doc.struct('Figure', { alt, bbox: pageBox(doc, box) } as never, draw));
}

/** The header row's cells head their columns (a /Scope screen readers announce cells by). */
const COLUMN_HEADER = { scope: 'Column' } as never; // pdfkit's typings omit scope

function drawTable(doc: Doc, frame: TableFrame, fonts: FontSet, parent: StructTarget): void {
  const table = parent ? doc.struct('Table') : null;
  if (table) parent?.add(table);
  let y = frame.box.y;
  const rows = [frame.header, ...frame.rows];
  rows.forEach((row, r) => {
    const height = frame.rowHeights[r] ?? 0;
    const header = r === 0;
    const fill = header ? frame.colors.header : bodyRowFill(frame.colors, r - 1);
    const tr = table ? doc.struct('TR') : null;
    if (tr) table?.add(tr);
    let x = frame.box.x;
    row.forEach((cell, c) => {
      const w = frame.columns[c] ?? 0;
      const box = { x, y, w, h: height };
      artifact(doc, parent, () => {
        doc.rect(box.x, box.y, box.w, box.h).fill(`#${fill}`);
        doc.rect(box.x, box.y, box.w, box.h).lineWidth(0.5).stroke(`#${frame.colors.rule}`);
      });
      const placed = cellLines(cell, box, frame.align[c] ?? 'left', frame);
      const style = cellStyle(frame, header);
      if (tr) {
        const content = lineContent(doc, placed, style, fonts);
        tr.add(header ? doc.struct('TH', COLUMN_HEADER, content) : doc.struct('TD', {}, content));
      } else drawLines(doc, placed, style, fonts);
      x += w;
    });
    tr?.end();
    y += height;
  });
  table?.end();
}

function cellStyle(frame: TableFrame, header: boolean): TextStyle {
  return {
    size: frame.size,
    lineHeight: frame.lineHeight,
    color: header ? frame.colors.headerText : frame.colors.text,
  };
}

function cellLines(cell: TableCell, box: Box, align: Align, frame: TableFrame): PlacedLine[] {
  return cell.lines.map((line, i) => {
    // Wrapping allows a hair of slack: a full line starts at the padding, never before it.
    const free = Math.max(0, box.w - 2 * frame.padding - line.width);
    return {
      line,
      x: box.x + frame.padding + alignOffset(align, free),
      top: box.y + frame.padding + i * frame.lineHeight,
    };
  });
}

/** Decoration is marked as an artifact so screen readers skip it (in tagged documents). */
export function artifact(doc: Doc, parent: StructTarget, draw: () => void): void {
  if (!parent) {
    draw();
    return;
  }
  doc.markContent('Artifact');
  draw();
  doc.endMarkedContent();
}

/**
 * A box under the current transform as pdfkit takes a bounding box: left, top, right, bottom,
 * measured from the page's top-left corner (pdfkit turns it into PDF user space). The
 * transform already holds pdfkit's own flip of the y axis, so it is undone here; handouts
 * draw slides scaled.
 */
function pageBox(doc: Doc, box: Box): number[] {
  const [a, , , d, e, f] = (doc as unknown as { _ctm: number[] })._ctm as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fromTop = (y: number) => doc.page.height - (d * y + f);
  const [edge, otherEdge] = [fromTop(box.y), fromTop(box.y + box.h)];
  return [
    a * box.x + e,
    Math.min(edge, otherEdge),
    a * (box.x + box.w) + e,
    Math.max(edge, otherEdge),
  ];
}
