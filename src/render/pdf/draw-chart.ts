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
import { num, setText } from './set-text.ts';

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
      write(doc, `${pathOperators(op.path)}W n`);
      return;
    // Colours and line styles are set before the path: PDF allows none inside one.
    case 'fill':
      doc.fillColor(...paint(doc, op.paint));
      write(doc, `${pathOperators(op.path)}f`);
      return;
    case 'stroke':
      write(doc, strokeOperators(op.style));
      doc.strokeColor(...paint(doc, op.paint));
      write(doc, `${pathOperators(op.path)}S`);
      return;
    case 'text':
      drawText(doc, op, fonts);
      return;
  }
}

/**
 * Operators are written as pdfkit writes them, each ending in a newline, but a path at a
 * time: pdfkit's moveTo, lineTo and the like make a buffer of every operator.
 */
function write(doc: Doc, operators: string): void {
  (doc as unknown as { addContent(data: string): void }).addContent(operators);
}

const PATH_OPERATORS: Record<string, [count: number, operator: string]> = {
  M: [2, 'm'],
  L: [2, 'l'],
  C: [6, 'c'],
  R: [4, 're'],
  Z: [0, 'h'],
};

/** A path's construction operators, each followed by a newline. */
function pathOperators(path: PathData): string {
  let out = '';
  for (let i = 0; i < path.length; ) {
    const known = PATH_OPERATORS[path[i] as string];
    if (!known) throw new Error(`unknown path command ${String(path[i])} in a chart drawing`);
    const [count, operator] = known;
    for (let k = 1; k <= count; k++) out += `${num(path[i + k] as number)} `;
    out += `${operator}\n`;
    i += count + 1;
  }
  return out;
}

const CAPS = { butt: 0, round: 1, square: 2 };
const JOINS = { miter: 0, round: 1, bevel: 2 };

/** A stroke's line style; its dashes as PDF has them (pdfkit refuses zero-length dashes). */
function strokeOperators(style: StrokeStyle): string {
  return [
    `${num(style.width)} w`,
    `${CAPS[style.cap]} J`,
    `${JOINS[style.join]} j`,
    `${num(style.miterLimit)} M`,
    `[${style.dash.map(num).join(' ')}] ${num(style.dashOffset)} d`,
  ].join('\n');
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

function drawText(doc: Doc, op: Extract<SceneOp, { op: 'text' }>, fonts: FontSet): void {
  const segments = segmentByFace(op.text, fonts.styles[styleOf(op.bold, op.italic)]);
  const width = segments.reduce((sum, s) => sum + s.advance, 0) * op.size;
  let x = op.x - (op.align === 'center' ? width / 2 : op.align === 'right' ? width : 0);
  // Paint first: pdfkit places a gradient by the transform in force, and the drawing's
  // gradients are placed on the canvas already.
  if (op.outline) {
    write(doc, strokeOperators(op.outline));
    doc.strokeColor(...paint(doc, op.paint));
  } else doc.fillColor(...paint(doc, op.paint));
  if (op.m) doc.save().transform(...op.m);
  for (const segment of segments) {
    setText(doc, segment.face, op.size, segment.text, x, op.y, op.outline !== undefined);
    x += segment.advance * op.size;
  }
  if (op.m) doc.restore();
}
