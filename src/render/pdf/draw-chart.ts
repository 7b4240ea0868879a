/**
 * Replays a chart's drawing (charts/scene-drawing.ts) into a PDF page, scaled to fit its box
 * and centred in it, as an SVG viewer places a picture: vector paths, and text in the
 * theme's embedded faces, character by character along the fallback chain, so Chinese axis
 * labels draw as the text around them does.
 */
import type {
  Paint,
  PathData,
  SceneDrawing,
  SceneOp,
  StrokeStyle,
} from '../../charts/scene-drawing.ts';
import { type FontSet, styleOf } from '../../layout/fonts.ts';
import type { Box } from '../../layout/frames.ts';
import { segmentByFace } from '../../layout/measure.ts';
import { setText } from './set-text.ts';

type Doc = PDFKit.PDFDocument;

export function drawChartScene(doc: Doc, drawing: SceneDrawing, box: Box, fonts: FontSet): void {
  const { width, height, ops } = drawing;
  if (!(width > 0 && height > 0)) return;
  const scale = Math.min(box.w / width, box.h / height);
  const x = box.x + (box.w - width * scale) / 2;
  const y = box.y + (box.h - height * scale) / 2;
  doc.save();
  doc.transform(scale, 0, 0, scale, x, y);
  // What Vega draws past its canvas is cut off there, as in the SVG.
  doc.rect(0, 0, width, height).clip();
  for (const op of ops) drawOp(doc, op, fonts);
  doc.restore();
}

function drawOp(doc: Doc, op: SceneOp, fonts: FontSet): void {
  switch (op.op) {
    case 'save':
      doc.save();
      return;
    case 'restore':
      doc.restore();
      return;
    case 'clip':
      tracePath(doc, op.path);
      doc.clip();
      return;
    // Colours and line styles are set before the path: PDF allows none inside one.
    case 'fill':
      doc.fillColor(...paint(doc, op.paint));
      tracePath(doc, op.path);
      doc.fill();
      return;
    case 'stroke':
      strokeStyle(doc, op.style);
      doc.strokeColor(...paint(doc, op.paint));
      tracePath(doc, op.path);
      doc.stroke();
      return;
    case 'text':
      drawText(doc, op, fonts);
      return;
  }
}

function tracePath(doc: Doc, path: PathData): void {
  const n = (i: number) => path[i] as number;
  for (let i = 0; i < path.length; ) {
    switch (path[i]) {
      case 'M':
        doc.moveTo(n(i + 1), n(i + 2));
        i += 3;
        break;
      case 'L':
        doc.lineTo(n(i + 1), n(i + 2));
        i += 3;
        break;
      case 'C':
        doc.bezierCurveTo(n(i + 1), n(i + 2), n(i + 3), n(i + 4), n(i + 5), n(i + 6));
        i += 7;
        break;
      case 'R':
        doc.rect(n(i + 1), n(i + 2), n(i + 3), n(i + 4));
        i += 5;
        break;
      case 'Z':
        doc.closePath();
        i += 1;
        break;
      default:
        throw new Error(`unknown path command ${String(path[i])} in a chart drawing`);
    }
  }
}

/** A paint as pdfkit's colour and opacity; a gradient carries its opacity in its stops. */
function paint(doc: Doc, value: Paint): [PDFKit.Mixins.ColorValue, number] {
  if ('color' in value) return [value.color, value.opacity];
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = value.coords;
  const gradient =
    value.gradient === 'radial'
      ? doc.radialGradient(a, b, c, d, e, f)
      : doc.linearGradient(a, b, c, d);
  for (const stop of value.stops)
    gradient.stop(stop.offset, stop.color, stop.opacity * value.opacity);
  return [gradient, 1];
}

function strokeStyle(doc: Doc, style: StrokeStyle): void {
  doc.lineWidth(style.width).lineCap(style.cap).lineJoin(style.join).miterLimit(style.miterLimit);
  // Written as PDF has it: pdfkit's dash() refuses the zero-length dashes of dotted lines.
  const dash = `[${style.dash.join(' ')}] ${style.dashOffset} d`;
  (doc as unknown as { addContent(data: string): void }).addContent(dash);
}

function drawText(doc: Doc, op: Extract<SceneOp, { op: 'text' }>, fonts: FontSet): void {
  const segments = segmentByFace(op.text, fonts.styles[styleOf(op.bold, op.italic)]);
  const width = segments.reduce((sum, s) => sum + s.advance, 0) * op.size;
  let x = op.x - (op.align === 'center' ? width / 2 : op.align === 'right' ? width : 0);
  // Paint first: pdfkit places a gradient by the transform in force, and the drawing's
  // gradients are placed on the canvas already.
  if (op.outline) doc.strokeColor(...paint(doc, op.paint)).lineWidth(op.outline);
  else doc.fillColor(...paint(doc, op.paint));
  if (op.m) doc.save().transform(...op.m);
  for (const segment of segments) {
    setText(doc, segment.face, op.size, segment.text, x, op.y, op.outline !== undefined);
    x += segment.advance * op.size;
  }
  if (op.m) doc.restore();
}
