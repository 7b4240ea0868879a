/**
 * A chart as drawing operations: Vega's canvas renderer draws its scene into this stand-in
 * for a 2D canvas context, which keeps each path (in canvas coordinates), paint and text run
 * as plain data. The PDF writers replay it (render/pdf/draw-chart.ts) as vector paths and
 * real text, with no SVG to parse, and it is kept with the chart in the chart store as JSON.
 */
import { color as parseColor } from 'd3-color';

/** A path as flat commands: `M x y`, `L x y`, `C x1 y1 x2 y2 x y`, `R x y w h`, `Z`. */
export type PathData = (string | number)[];

export type Paint =
  | { color: string; opacity: number }
  | {
      gradient: 'linear' | 'radial';
      /** linear: x1 y1 x2 y2; radial: x1 y1 r1 x2 y2 r2. */
      coords: number[];
      stops: { offset: number; color: string; opacity: number }[];
      opacity: number;
    };

export interface StrokeStyle {
  width: number;
  cap: 'butt' | 'round' | 'square';
  join: 'miter' | 'round' | 'bevel';
  miterLimit: number;
  dash: number[];
  dashOffset: number;
}

export type SceneOp =
  | { op: 'save' }
  | { op: 'restore' }
  | { op: 'clip'; path: PathData }
  | { op: 'fill'; path: PathData; paint: Paint }
  | { op: 'stroke'; path: PathData; paint: Paint; style: StrokeStyle }
  /**
   * Text on its alphabetic baseline at (x, y), anchored by `align`; under the transform `m`
   * when it is turned (a rotated axis label).
   */
  | {
      op: 'text';
      text: string;
      x: number;
      y: number;
      m?: Matrix;
      size: number;
      bold: boolean;
      italic: boolean;
      align: 'left' | 'center' | 'right';
      paint: Paint;
      /** Outlined in this line style instead of filled. */
      outline?: StrokeStyle;
    };

/** An affine transform as canvas and PDF write it: a b c d e f. */
export type Matrix = [number, number, number, number, number, number];

export interface SceneDrawing {
  width: number;
  height: number;
  ops: SceneOp[];
}

/** Canvas state that save() and restore() keep, apart from the clip. */
interface PaintState {
  matrix: Matrix;
  fillStyle: unknown;
  strokeStyle: unknown;
  globalAlpha: number;
  lineWidth: number;
  lineCap: StrokeStyle['cap'];
  lineJoin: StrokeStyle['join'];
  miterLimit: number;
  dash: number[];
  lineDashOffset: number;
  font: string;
  textAlign: string;
}

const initialState = (): PaintState => ({
  matrix: [1, 0, 0, 1, 0, 0],
  fillStyle: '#000',
  strokeStyle: '#000',
  globalAlpha: 1,
  lineWidth: 1,
  lineCap: 'butt',
  lineJoin: 'miter',
  miterLimit: 10,
  dash: [],
  lineDashOffset: 0,
  font: '10px sans-serif',
  textAlign: 'start',
});

/**
 * Coordinates kept to 1/10,000 of a pixel: enough for print, and stable as JSON. JavaScript
 * writes numbers from 10^21 in exponent notation, which PDF cannot read, so they are kept
 * within ±10^15, where no chart that can be seen has a point. Calls given NaN or infinities
 * are ignored, as canvas ignores them; one that arises all the same becomes 0.
 */
const LIMIT = 1e15;
const round = (n: number) =>
  Number.isFinite(n) ? Math.round(Math.max(-LIMIT, Math.min(LIMIT, n)) * 1e4) / 1e4 || 0 : 0;

/** A gradient as Vega builds one: stops added after it is made. */
class GradientStyle {
  readonly stops: { offset: number; color: string }[] = [];
  constructor(
    readonly kind: 'linear' | 'radial',
    readonly coords: number[],
  ) {}
  addColorStop(offset: number, color: string): void {
    this.stops.push({ offset, color });
  }
}

/**
 * The part of CanvasRenderingContext2D that Vega's canvas renderer draws with. Pictures and
 * patterns are not part of it: guard-spec.ts and render-chart.ts refuse the charts that would
 * draw them (image marks, gradients at an angle).
 */
export class SceneRecorder {
  readonly ops: SceneOp[] = [];
  #state = initialState();
  readonly #saved: PaintState[] = [];
  #path: PathData = [];
  #start: [number, number] = [0, 0];
  #point: [number, number] | null = null;

  /** Vega scales hit-testing by it; drawings are resolution-free. */
  readonly pixelRatio = 1;

  get fillStyle() {
    return this.#state.fillStyle;
  }
  set fillStyle(value: unknown) {
    this.#state.fillStyle = value;
  }
  get strokeStyle() {
    return this.#state.strokeStyle;
  }
  set strokeStyle(value: unknown) {
    this.#state.strokeStyle = value;
  }
  get globalAlpha() {
    return this.#state.globalAlpha;
  }
  set globalAlpha(value: number) {
    if (Number.isFinite(value) && value >= 0 && value <= 1) this.#state.globalAlpha = value;
  }
  get lineWidth() {
    return this.#state.lineWidth;
  }
  set lineWidth(value: number) {
    if (Number.isFinite(value) && value > 0) this.#state.lineWidth = value;
  }
  get lineCap() {
    return this.#state.lineCap;
  }
  set lineCap(value: StrokeStyle['cap']) {
    if (value === 'butt' || value === 'round' || value === 'square') this.#state.lineCap = value;
  }
  get lineJoin() {
    return this.#state.lineJoin;
  }
  set lineJoin(value: StrokeStyle['join']) {
    if (value === 'miter' || value === 'round' || value === 'bevel') this.#state.lineJoin = value;
  }
  get miterLimit() {
    return this.#state.miterLimit;
  }
  set miterLimit(value: number) {
    if (Number.isFinite(value) && value > 0) this.#state.miterLimit = value;
  }
  get lineDashOffset() {
    return this.#state.lineDashOffset;
  }
  set lineDashOffset(value: number) {
    if (Number.isFinite(value)) this.#state.lineDashOffset = value;
  }
  get font() {
    return this.#state.font;
  }
  set font(value: string) {
    this.#state.font = value;
  }
  get textAlign() {
    return this.#state.textAlign;
  }
  set textAlign(value: string) {
    this.#state.textAlign = value;
  }
  /** A mark's `blend` mode: not drawn, the PDFs draw such marks as if they had none. */
  globalCompositeOperation = 'source-over';

  setLineDash(segments: number[]): void {
    if (!segments.every((n) => Number.isFinite(n) && n >= 0)) return;
    // Canvas repeats an odd list to make it even, and strokes dashes of no length solid.
    const even = segments.length % 2 ? [...segments, ...segments] : [...segments];
    this.#state.dash = even.some((n) => n > 0) ? even : [];
  }

  save(): void {
    this.#saved.push({ ...this.#state });
    this.ops.push({ op: 'save' });
  }

  restore(): void {
    const state = this.#saved.pop();
    if (!state) return;
    this.#state = state;
    this.ops.push({ op: 'restore' });
  }

  translate(x: number, y: number): void {
    if (!finite(x, y)) return;
    const [a, b, c, d, e, f] = this.#state.matrix;
    this.#state.matrix = [a, b, c, d, a * x + c * y + e, b * x + d * y + f];
  }

  scale(x: number, y: number): void {
    if (!finite(x, y)) return;
    const [a, b, c, d, e, f] = this.#state.matrix;
    this.#state.matrix = [a * x, b * x, c * y, d * y, e, f];
  }

  rotate(angle: number): void {
    if (!finite(angle)) return;
    const [a, b, c, d, e, f] = this.#state.matrix;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    this.#state.matrix = [
      a * cos + c * sin,
      b * cos + d * sin,
      c * cos - a * sin,
      d * cos - b * sin,
      e,
      f,
    ];
  }

  /** How the transform scales a length: Vega scales evenly, if at all. */
  #lengthScale(): number {
    const [a, b, c, d] = this.#state.matrix;
    return Math.sqrt(Math.abs(a * d - b * c));
  }

  /** A point on the canvas: canvas transforms a path's points as they are added. */
  #onCanvas(x: number, y: number): [number, number] {
    const [a, b, c, d, e, f] = this.#state.matrix;
    return [a * x + c * y + e, b * x + d * y + f];
  }

  beginPath(): void {
    this.#path = [];
    this.#point = null;
  }

  moveTo(x: number, y: number): void {
    if (finite(x, y)) this.#moveTo(this.#onCanvas(x, y));
  }

  lineTo(x: number, y: number): void {
    if (finite(x, y)) this.#lineTo(this.#onCanvas(x, y));
  }

  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    if (!finite(x1, y1, x2, y2, x, y)) return;
    this.#curveTo(this.#onCanvas(x1, y1), this.#onCanvas(x2, y2), this.#onCanvas(x, y));
  }

  /** PDF has only cubic curves: a quadratic one is raised to the cubic that draws it. */
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void {
    if (!finite(cx, cy, x, y)) return;
    const control = this.#onCanvas(cx, cy);
    const end = this.#onCanvas(x, y);
    const [x0, y0] = this.#point ?? control;
    const [qx, qy] = control;
    const [x3, y3] = end;
    const k = 2 / 3;
    this.#curveTo(
      [x0 + k * (qx - x0), y0 + k * (qy - y0)],
      [x3 + k * (qx - x3), y3 + k * (qy - y3)],
      end,
    );
  }

  rect(x: number, y: number, w: number, h: number): void {
    if (!finite(x, y, w, h)) return;
    const [, b, c] = this.#state.matrix;
    if (b || c) {
      // Turned: four corners.
      this.moveTo(x, y);
      this.lineTo(x + w, y);
      this.lineTo(x + w, y + h);
      this.lineTo(x, y + h);
      this.closePath();
      return;
    }
    const [x0, y0] = this.#onCanvas(x, y);
    const [x1, y1] = this.#onCanvas(x + w, y + h);
    this.#path.push('R', ...[x0, y0, x1 - x0, y1 - y0].map(round));
    this.#start = [x0, y0];
    this.#point = [x0, y0];
  }

  closePath(): void {
    if (!this.#point) return;
    this.#path.push('Z');
    this.#point = [...this.#start];
  }

  /** An arc as cubic curves of at most a quarter turn each, swept as canvas sweeps it. */
  arc(x: number, y: number, r: number, from: number, to: number, counterclockwise = false): void {
    if (!finite(x, y, r, from, to) || r < 0) return;
    const sweep = arcSweep(from, to, counterclockwise);
    const at = (angle: number) => [x + r * Math.cos(angle), y + r * Math.sin(angle)] as const;
    const start = this.#onCanvas(...at(from));
    if (this.#point) this.#lineTo(start);
    else this.#moveTo(start);
    const parts = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9));
    const step = sweep / parts;
    // The control points' distance along each tangent for a circular arc of `step`.
    const k = (4 / 3) * Math.tan(step / 4) * r;
    for (let i = 0, a = from; i < parts; i++, a += step) {
      const [ax, ay] = at(a);
      const [bx, by] = at(a + step);
      this.bezierCurveTo(
        ax - k * Math.sin(a),
        ay + k * Math.cos(a),
        bx + k * Math.sin(a + step),
        by - k * Math.cos(a + step),
        bx,
        by,
      );
    }
  }

  #moveTo(point: [number, number]): void {
    this.#path.push('M', round(point[0]), round(point[1]));
    this.#start = point;
    this.#point = point;
  }

  #lineTo(point: [number, number]): void {
    if (!this.#point) {
      this.#moveTo(point);
      return;
    }
    this.#path.push('L', round(point[0]), round(point[1]));
    this.#point = point;
  }

  #curveTo(c1: [number, number], c2: [number, number], end: [number, number]): void {
    if (!this.#point) this.#moveTo(c1);
    this.#path.push('C', ...[...c1, ...c2, ...end].map(round));
    this.#point = end;
  }

  fill(): void {
    const paint = this.#paint(this.#state.fillStyle);
    if (paint && this.#path.length) this.ops.push({ op: 'fill', path: [...this.#path], paint });
  }

  stroke(): void {
    const paint = this.#paint(this.#state.strokeStyle);
    if (!paint || !this.#path.length) return;
    // The path is kept on the canvas; widths scale as the transform stroking it would.
    const style = this.#strokeStyle(this.#lengthScale());
    this.ops.push({ op: 'stroke', path: [...this.#path], paint, style });
  }

  #strokeStyle(scale: number): StrokeStyle {
    const { lineWidth, lineCap, lineJoin, miterLimit, dash, lineDashOffset } = this.#state;
    return {
      width: round(lineWidth * scale),
      cap: lineCap,
      join: lineJoin,
      miterLimit: round(miterLimit),
      dash: dash.map((n) => round(n * scale)),
      dashOffset: round(lineDashOffset * scale),
    };
  }

  clip(): void {
    this.ops.push({ op: 'clip', path: [...this.#path] });
  }

  fillText(text: string, x: number, y: number): void {
    const paint = this.#paint(this.#state.fillStyle);
    if (paint) this.#text(text, x, y, paint);
  }

  /** Text outlined (`stroke` on a text mark): drawn over the filled text, as canvas does. */
  strokeText(text: string, x: number, y: number): void {
    const paint = this.#paint(this.#state.strokeStyle);
    // Widths are those of the text's own space: turned text keeps its transform (`m`).
    if (paint) this.#text(text, x, y, paint, this.#strokeStyle(1));
  }

  #text(text: string, x: number, y: number, paint: Paint, outline?: StrokeStyle): void {
    if (!text || !finite(x, y)) return;
    const { size, bold, italic } = readFont(this.#state.font);
    const align = textAnchor(this.#state.textAlign);
    const [a, b, c, d, e, f] = this.#state.matrix;
    const place =
      a === 1 && b === 0 && c === 0 && d === 1
        ? { x: round(x + e), y: round(y + f) }
        : { x: round(x), y: round(y), m: [a, b, c, d, e, f].map(round) as Matrix };
    const style = { size: round(size), bold, italic, align, paint };
    this.ops.push({ op: 'text', text, ...place, ...style, ...(outline ? { outline } : {}) });
  }

  createLinearGradient(x1: number, y1: number, x2: number, y2: number): GradientStyle {
    return new GradientStyle('linear', [x1, y1, x2, y2]);
  }

  createRadialGradient(
    x1: number,
    y1: number,
    r1: number,
    x2: number,
    y2: number,
    r2: number,
  ): GradientStyle {
    return new GradientStyle('radial', [x1, y1, r1, x2, y2, r2]);
  }

  /** Canvas places a gradient by the transform it fills under; paths are kept on the canvas. */
  #gradientOnCanvas({ kind, coords }: GradientStyle): number[] {
    const scale = this.#lengthScale();
    const [x1 = 0, y1 = 0, p = 0, q = 0, r = 0, s = 0] = coords;
    const points =
      kind === 'linear'
        ? [...this.#onCanvas(x1, y1), ...this.#onCanvas(p, q)]
        : [...this.#onCanvas(x1, y1), p * scale, ...this.#onCanvas(q, r), s * scale];
    return points.map(round);
  }

  /** A style as paint, under the current global alpha; null for what shows nothing. */
  #paint(style: unknown): Paint | null {
    const alpha = this.#state.globalAlpha;
    if (alpha <= 0) return null;
    if (style instanceof GradientStyle) {
      const stops = shadingStops(style.stops);
      if (!stops) return null;
      const coords = this.#gradientOnCanvas(style);
      return { gradient: style.kind, coords, stops, opacity: round(alpha) };
    }
    const solid = typeof style === 'string' ? cssColor(style) : null;
    if (!solid) return null;
    const opacity = round(solid.opacity * alpha);
    return opacity > 0 ? { color: solid.color, opacity } : null;
  }
}

type Stop = { offset: number; color: string; opacity: number };

/**
 * Stops as a PDF shading takes them: within 0 to 1, in order, and running from 0 to 1 (the
 * end colours held out to the ends, as canvas holds them). Canvas fades each colour out
 * towards a see-through stop; a shading, which blends colour and opacity apart, does so when
 * that stop takes each neighbour's colour on its side. Null if no stop shows.
 */
function shadingStops(given: readonly { offset: number; color: string }[]): Stop[] | null {
  const read = given.flatMap(({ offset, color }) => {
    const css = cssColor(color);
    return css && Number.isFinite(offset)
      ? [{ offset: round(Math.min(1, Math.max(0, offset))), ...css }]
      : [];
  });
  // Array sort is stable: stops at one offset keep their order, a hard edge between them.
  const stops = read.sort((a, b) => a.offset - b.offset);
  if (!stops.some((stop) => stop.opacity > 0)) return null;
  const coloured = stops.flatMap((stop, i) => {
    if (stop.opacity > 0) return [stop];
    const before = stops.slice(0, i).findLast((s) => s.opacity > 0);
    const after = stops.slice(i + 1).find((s) => s.opacity > 0);
    return [before, after].flatMap((side) => (side ? [{ ...stop, color: side.color }] : []));
  });
  const first = coloured[0] as Stop;
  const last = coloured.at(-1) as Stop;
  return [
    ...(first.offset > 0 ? [{ ...first, offset: 0 }] : []),
    ...coloured,
    ...(last.offset < 1 ? [{ ...last, offset: 1 }] : []),
  ];
}

/**
 * A CSS colour as hex and opacity, read as Vega's own renderers read it; null if unreadable.
 * d3-color forgets the channels of a colour with no alpha: its hex is then meaningless.
 */
function cssColor(css: string): { color: string; opacity: number } | null {
  const parsed = parseColor(css);
  if (!parsed) return null;
  const opacity = Number.isFinite(parsed.opacity) ? round(parsed.opacity) : 1;
  return { color: parsed.formatHex(), opacity };
}

/** Whether every argument is a finite number: canvas ignores a call given anything else. */
function finite(...values: number[]): boolean {
  return values.every(Number.isFinite);
}

/** Why a chart with such a gradient fails, and where the spec sets it when that is known. */
export function angledGradientProblem(at?: string): string {
  const which = at ? `the gradient at "${at}"` : 'a linear gradient';
  return `${which} runs at an angle, which the PDFs cannot draw; run it across (y1 = y2) or down (x1 = x2).`;
}

/**
 * Whether a fill or stroke is a linear gradient that runs at an angle, neither across nor
 * down: Vega draws one as a canvas picture of its own, which the PDFs cannot take. Vega reads
 * every gradient that is not `radial` as linear, from 0, 0 to 1, 0 unless told otherwise.
 */
export function isAngledGradient(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { gradient, x1, y1, x2, y2 } = value as Record<string, unknown>;
  // Vega's defaults stand for a value left out or null alike.
  return (
    gradient != null && gradient !== 'radial' && (x1 ?? 0) !== (x2 ?? 1) && (y1 ?? 0) !== (y2 ?? 0)
  );
}

/** The signed angle an arc turns through, as canvas's arc() defines it. */
export function arcSweep(from: number, to: number, counterclockwise: boolean): number {
  const turn = 2 * Math.PI;
  if (!counterclockwise && to - from >= turn) return turn;
  if (counterclockwise && from - to >= turn) return -turn;
  let sweep = (to - from) % turn;
  if (!counterclockwise && sweep < 0) sweep += turn;
  if (counterclockwise && sweep > 0) sweep -= turn;
  return sweep;
}

/** Canvas's `font` as Vega writes it: `[style] [variant] [weight] {size}px {family}`. */
export function readFont(font: string): { size: number; bold: boolean; italic: boolean } {
  const match = /(?:^|\s)([\d.]+)px(?:\s|$)/.exec(font);
  const words = font.slice(0, match?.index ?? font.length).split(/\s+/);
  const bold = words.some((w) => w === 'bold' || w === 'bolder' || Number(w) >= 600);
  const italic = words.some((w) => w === 'italic' || w === 'oblique');
  return { size: match ? Number(match[1]) : 10, bold, italic };
}

function textAnchor(align: string): 'left' | 'center' | 'right' {
  if (align === 'center') return 'center';
  if (align === 'right' || align === 'end') return 'right';
  return 'left';
}
