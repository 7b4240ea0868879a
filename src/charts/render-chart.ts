import type { View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { LruCache } from '../cache/lru-cache.ts';
import { formatDataPath, type PathSegment, pathWhere } from '../data/data-path.ts';
import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { type ChartSpecSource, placeInSpec } from '../template/read-template.ts';
import { type ChartWording, chartWording } from '../template/strings.ts';
import { vegaLocale } from './chart-locale.ts';
import { titleText } from './chart-title.ts';
import { checkRows } from './check-rows.ts';
import { guardExpressions } from './guard-expressions.ts';
import { guardSpec, isUrlReference } from './guard-spec.ts';
import {
  type ChartPoints,
  categoryScale,
  type MarkItem,
  type NativeChart,
  readEncoding,
  readPoints,
  spokenNumbers,
  toNativeChart,
  valueScale,
} from './native.ts';
import {
  angledGradientProblem,
  isAngledGradient,
  type SceneDrawing,
  SceneRecorder,
} from './scene-drawing.ts';
import { seriesPoints } from './series-points.ts';
import { loadVega, resetExpressionBudget } from './vega-runtime.ts';
import { wrapBandLabels } from './wrap-labels.ts';

export interface RenderedChart {
  name: string;
  /** The chart as an SVG picture: the deck's picture of a chart it cannot draw natively. */
  svg: string;
  /** The same drawing as operations the PDF writers replay. */
  drawing: SceneDrawing;
  width: number;
  height: number;
  /** How tall the plot is, between the axes: the y scale's range; null without one (a pie). */
  plotHeight: number | null;
  /** A list down the side too long for the plot: its labels, as Vega drew them, overlap. */
  crowded: { rows: number; fit: number } | null;
  /** The template's alt text plus the values drawn, so screen readers get the numbers. */
  alt: string;
  native: NativeChart | null;
}

export interface ChartRequest {
  chart: ChartSpecSource;
  /** The raw (unescaped) dataset: charts bind to its top-level lists by name. */
  data: Record<string, unknown>;
  width: number;
  height: number;
  alt: string;
  config: Record<string, unknown>;
  /** BCP 47 tag for axis and label formatting. */
  locale: string;
  /** Where a value of the dataset is written, to place problems with the rows. */
  locateData?: (path: PathSegment[]) => Place;
  /** How the alt text joins its parts; English if not given. */
  wording?: ChartWording;
  /**
   * Lets the chart grow taller, up to `maxHeight`, until each band of a discrete y axis is
   * `step` high: a bar per row of a long list would otherwise crowd its labels together.
   */
  grow?: { maxHeight: number; step: number };
}

const english = chartWording({});

const dataPath = (path: PathSegment[]): Place => ({ path: formatDataPath(path) });

/**
 * Vega-Lite → Vega → SVG, in-process: the expression interpreter instead of eval, a loader
 * that refuses all I/O, and every Vega warning turned into a build error.
 */
export async function renderChart(request: ChartRequest): Promise<RenderedChart> {
  const { chart } = request;
  guardSpec(chart);
  const vega = await loadVega();
  const problems: string[] = [];
  const logger = collectingLogger(vega.vega.Warn, problems);
  const { source, rows } = checkedRows(request);
  let height = request.height;
  let svg: string;
  let drawing: SceneDrawing = { width: 0, height: 0, ops: [] };
  let items: MarkItem[];
  let valueRange: [number, number] | null = null;
  let bandPadding: number | null = null;
  let plotHeight: number | null = null;
  let crowded: RenderedChart['crowded'] = null;
  let mistyped: Mistyped | undefined;
  const encoding = readEncoding(chart.spec);
  try {
    const run = async (height: number, padding?: Padding) => {
      const bound = bindData(request, source, rows, height, padding);
      const { runtime, fill } = toRuntime(bound, {
        compile: (spec) => wrapBandLabels(vega.vegaLite.compile(spec as never, { logger }).spec),
        parse: (spec) => guardExpressions(vega.vega.parse(spec, undefined, { ast: true })),
        clean: () => problems.length === 0,
      });
      // random() and bootstrapped intervals draw from one generator per process: seeded
      // anew, a chart is the same whatever was drawn before it.
      vega.vega.setRandom(vega.vega.randomLCG(1));
      resetExpressionBudget();
      const view = new vega.vega.View(runtime as never, {
        expr: expressionInterpreter,
        loader: refusingLoader,
        logger,
        locale: vegaLocale(request.locale) as never,
        renderer: 'none',
      });
      // Vega marks the rows it ingests, and the dataset's own rows are shared and frozen.
      if (fill) view.data(fill, structuredClone(bound.rows));
      await view.runAsync();
      return view;
    };
    let view = await run(height);
    const grown = request.grow && grownHeight(view, height, request.grow);
    if (grown) {
      view.finalize();
      height = grown;
      view = await run(height);
    }
    const padding = paddingForSpill(view, request.width, height);
    if (padding) {
      view.finalize();
      view = await run(height, padding);
    }
    vega.vega.resetSVGDefIds();
    svg = await view.toSVG();
    const root = (view.scenegraph() as unknown as { root: SceneNode }).root;
    mistyped = firstMistyped(root);
    drawing = await drawScene(view, root);
    items = markItems(root);
    valueRange = encoding && scaleRange(view, valueScale(encoding));
    bandPadding = encoding && paddingInner(view, categoryScale(encoding));
    plotHeight = plotHeightOf(view);
    crowded = crowding(root, plotHeight);
    view.finalize();
  } catch (error) {
    problems.push((error as Error).message);
    svg = '';
    items = [];
  }
  if (problems.length) {
    throw new BriefkitError(
      problems.map((p) => ({
        ...messages.chartCompile(chart.name, p),
        place: problemPlace(chart, p),
      })),
    );
  }
  if (mistyped)
    throw new BriefkitError({
      ...messages.chartNotANumber(chart.name, mistyped.property, mistyped.value),
      place: mistypedPlace(chart, mistyped),
    });
  const wording = request.wording ?? english;
  const points = encoding && readPoints(encoding, items, wording, request.locale);
  const native = encoding && points && toNativeChart(encoding, points, valueRange, bandPadding);
  const read = points ?? seriesPoints(chart.spec, items, wording);
  return {
    name: chart.name,
    svg,
    drawing,
    width: request.width,
    height,
    plotHeight,
    crowded,
    // The values are read out whether the deck draws the chart natively or as its picture.
    alt: describe(request.alt, chart.spec, read, request.locale, wording),
    native,
  };
}

/**
 * Vega names an unknown function or signal of an expression, not where it is written: the
 * problem is placed at the first expression of the spec that uses the name so.
 */
function problemPlace(chart: ChartSpecSource, problem: string): Place {
  const found = /Unrecognized (function|signal name): "?([\w$]+)"?/.exec(problem);
  if (!found) return { file: chart.file };
  const [, kind, name = ''] = found;
  const word = name.replaceAll('$', '\\$');
  // The name alone, not part of a longer one or a member (`datum.month`).
  const use = new RegExp(`(?<![\\w$.])${word}(?![\\w$])${kind === 'function' ? '\\s*\\(' : ''}`);
  const path = pathWhere(
    chart.spec,
    (key, child) => typeof child === 'string' && EXPRESSION_KEYS.has(key) && use.test(child),
  );
  return path ? placeInSpec(chart, path) : { file: chart.file };
}

/**
 * Mark properties Vega draws from as numbers. Vega-Lite passes a mark's properties on as
 * written, and one of another type (`"dy": "x"` on a text mark) made Vega leave the marks
 * out of the picture, without a word.
 */
const NUMERIC_PROPERTIES = [
  ...['x', 'y', 'x2', 'y2', 'xc', 'yc', 'width', 'height', 'dx', 'dy', 'size', 'zindex'],
  ...['angle', 'theta', 'radius', 'innerRadius', 'outerRadius', 'padAngle', 'cornerRadius'],
  ...['fontSize', 'limit', 'lineHeight', 'opacity', 'fillOpacity', 'strokeOpacity'],
  ...['strokeWidth', 'strokeDashOffset', 'strokeMiterLimit'],
] as const;

/** A mark property drawn from a value that is no number (null, or NaN for a gap, is fine). */
interface Mistyped {
  property: string;
  value: unknown;
}

function firstMistyped(node: SceneNode): Mistyped | undefined {
  const values = node as Record<string, unknown>;
  const property = NUMERIC_PROPERTIES.find(
    (name) => values[name] != null && typeof values[name] !== 'number',
  );
  if (property) return { property, value: values[property] };
  for (const item of node.items ?? []) {
    const found = firstMistyped(item);
    if (found) return found;
  }
  return undefined;
}

/**
 * Where the spec writes that value (`"dy": "x"`, or `{"value": "x"}`), else where an
 * expression gives the property (`{"expr": …}`), else the property anywhere.
 */
function mistypedPlace(chart: ChartSpecSource, { property, value }: Mistyped): Place {
  const holds = (child: unknown, key: string) =>
    typeof child === 'object' && child !== null && key in child;
  const written = (child: unknown) =>
    child === value || (holds(child, 'value') && (child as { value: unknown }).value === value);
  const tests = [
    (child: unknown) => written(child),
    (child: unknown) => holds(child, 'expr') || holds(child, 'signal'),
    () => true,
  ];
  for (const test of tests) {
    const path = pathWhere(chart.spec, (key, child) => key === property && test(child));
    if (path) return placeInSpec(chart, path);
  }
  return { file: chart.file };
}

/** Where Vega-Lite and Vega take an expression, as a string. */
const EXPRESSION_KEYS = new Set(['calculate', 'filter', 'expr', 'signal', 'test', 'update']);

/** The view drawn by Vega's canvas renderer into a recorder, at the size of its SVG. */
async function drawScene(view: View, root: SceneNode): Promise<SceneDrawing> {
  // A gradient the spec computes (an expression) is only known now.
  if (someItem(root, (item) => isAngledGradient(item.fill) || isAngledGradient(item.stroke)))
    throw new Error(angledGradientProblem());
  // And a colour the data gives: a url(…) in the SVG would point at another server.
  const paints = (item: SceneNode) => [item.fill, item.stroke, item.cursor];
  if (someItem(root, (item) => paints(item).some(isUrlReference)))
    throw new Error('a colour or cursor drawn is a url(…), which an SVG viewer would fetch.');
  const recorder = new SceneRecorder();
  await view.toCanvas(1, { externalContext: recorder as never });
  // The size Vega gives the canvas and the SVG (vega-view's render-size.js).
  const { _viewWidth, _viewHeight } = view as unknown as Record<string, number>;
  const { left, right, top, bottom } = view.padding() as Padding;
  return {
    width: Math.max(0, (_viewWidth ?? 0) + left + right),
    height: Math.max(0, (_viewHeight ?? 0) + top + bottom),
    ops: recorder.ops,
  };
}

/**
 * The list a chart is bound to, with every row checked (check-rows.ts), drawn or filtered
 * out. The chart memo asks for it before looking a chart up, so a chart drawn before fails on
 * the same rows as one never drawn; a render asks again, which costs little.
 */
export function checkedRows(request: Pick<ChartRequest, 'chart' | 'data' | 'locateData'>): {
  source: string;
  rows: unknown[];
} {
  const { chart, data } = request;
  const source = (chart.spec.data as { name?: unknown } | undefined)?.name;
  if (typeof source !== 'string') {
    throw new BriefkitError({
      ...messages.chartData(chart.name, 'the spec has no named data source.'),
      place: { file: chart.file },
    });
  }
  const rows = data[source];
  if (!Array.isArray(rows)) {
    const lists = Object.keys(data).filter((key) => Array.isArray(data[key]));
    throw new BriefkitError({
      ...messages.chartUnknownList(chart.name, source, lists),
      place: placeInSpec(chart, ['data', 'name']),
    });
  }
  const problem = checkRows(chart, source, rows, request.locateData ?? dataPath);
  if (problem) throw new BriefkitError({ ...problem.message, place: problem.place });
  return { source, rows };
}

interface BoundChart {
  /** The Vega-Lite spec, sized and themed, with its named dataset empty. */
  spec: Record<string, unknown>;
  source: string;
  rows: unknown[];
}

function bindData(
  request: ChartRequest,
  source: string,
  rows: unknown[],
  height: number,
  padding: Padding | undefined,
): BoundChart {
  const spec = {
    ...request.chart.spec,
    ...(padding ? { padding } : {}),
    datasets: { [source]: [] },
    width: request.width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    background: null,
    config: request.config,
  };
  return { spec, source, rows };
}

type VegaSpec = { data?: { name?: string; values?: unknown; format?: unknown }[] };

interface ChartCompiler {
  compile: (vegaLite: Record<string, unknown>) => object;
  parse: (vega: object) => object;
  /** False when compiling logged a problem. */
  clean: () => boolean;
}

/**
 * Vega-Lite and Vega's parser only carry the rows along, so a spec is compiled and parsed
 * once, with no rows, and each render hands its rows to a fresh View (`fill`): a data edit
 * costs neither. A source whose values Vega parses (`format`) gets its rows inline instead.
 */
const runtimes = new LruCache<string, object>(64);

export function toRuntime(
  { spec, source, rows }: BoundChart,
  { compile, parse, clean }: ChartCompiler,
): { runtime: object; fill: string | null } {
  const key = JSON.stringify(spec);
  const known = runtimes.get(key);
  if (known) return { runtime: known, fill: source };
  const empty = compile(spec) as VegaSpec;
  // A spec that logged problems fails this render; it is not kept, so it fails every time.
  if (!clean()) return { runtime: parse(empty), fill: source };
  const entry = empty.data?.find((d) => d.name === source);
  if (!Array.isArray(entry?.values) || entry.format !== undefined) {
    const inline = { ...spec, datasets: { [source]: structuredClone(rows) } };
    return { runtime: parse(compile(inline)), fill: null };
  }
  const runtime = parse(empty);
  runtimes.set(key, runtime);
  return { runtime, fill: source };
}

type Padding = { top: number; bottom: number; left: number; right: number };

/**
 * Vega's `fit` leaves room for axes, legends and titles, not for marks drawn past the plot:
 * a value label beyond the longest bar ran off the chart's right edge. The padding that takes
 * in what spilled over (more than a pixel) on the right or at the bottom; null if nothing did.
 */
function paddingForSpill(view: unknown, width: number, height: number): Padding | null {
  const drawn = view as {
    scenegraph(): { root: { bounds: { x2: number; y2: number } } };
    origin(): [number, number];
    padding(): Padding;
  };
  const { x2, y2 } = drawn.scenegraph().root.bounds;
  const [x, y] = drawn.origin();
  const padding = drawn.padding();
  const right = padding.left + x + x2 + padding.right - width;
  const bottom = padding.top + y + y2 + padding.bottom - height;
  if (right <= 1 && bottom <= 1) return null;
  return {
    ...padding,
    right: padding.right + Math.max(0, Math.ceil(right)),
    bottom: padding.bottom + Math.max(0, Math.ceil(bottom)),
  };
}

/** A finished View, as far as reading its scales goes. */
type ScaledView = { scale: (name: string) => unknown };

/**
 * The view's scale of that name, or undefined when it has none (a pie has no y scale):
 * Vega's `view.scale` throws for a name it does not know, and offers no way to ask first.
 */
function scaleOf<T>(view: ScaledView, name: string): T | undefined {
  try {
    return view.scale(name) as T;
  } catch {
    return undefined;
  }
}

type BandScale = { step?: () => number };

/**
 * The height at which each band of the y scale is `step` high, when its bands are thinner now:
 * only the plot grows, not the axes and titles around it. Null when the chart has room.
 */
function grownHeight(
  view: ScaledView,
  height: number,
  { maxHeight, step }: NonNullable<ChartRequest['grow']>,
): number | null {
  const scale = scaleOf<BandScale>(view, 'y');
  const now = scale?.step?.();
  if (!scale || !now || now >= step) return null;
  const plot = plotHeightOf(view) ?? 0;
  const grown = Math.min(maxHeight, Math.ceil(height + plot * (step / now - 1)));
  return grown > height ? grown : null;
}

/**
 * Whether the labels of an axis down the side print over each other, as Vega drew them (their
 * size, angle and any the spec hides all counted); with how many there are, and how many would
 * fit the plot's height.
 */
function crowding(root: SceneNode, plotHeight: number | null): RenderedChart['crowded'] {
  for (const labels of sideLabels(root)) {
    const shown = labels
      .filter((label) => label.opacity !== 0 && String(label.text ?? '') !== '' && label.bounds)
      .map((label) => label.bounds as { y1: number; y2: number })
      .sort((a, b) => a.y1 - b.y1);
    // Half a point of touching is no overprint: bands exactly a label high meet.
    const overlap = shown.some((b, i) => i > 0 && b.y1 < (shown[i - 1] as { y2: number }).y2 - 0.5);
    if (!overlap) continue;
    const tallest = Math.max(...shown.map((b) => b.y2 - b.y1));
    return { rows: labels.length, fit: Math.floor((plotHeight ?? 0) / tallest) };
  }
  return null;
}

/** The label items of each axis on the left or right of a plot. */
function sideLabels(root: SceneNode): SceneNode[][] {
  const found: SceneNode[][] = [];
  const stack: SceneNode[] = [root];
  while (stack.length) {
    const node = stack.pop() as SceneNode;
    const axis = node.role === 'axis' ? node.items?.[0] : undefined;
    if (axis && (axis.orient === 'left' || axis.orient === 'right')) {
      const labels = axis.items?.find((mark) => mark.role === 'axis-label');
      if (labels?.items) found.push(labels.items);
      continue;
    }
    stack.push(...(node.items ?? []));
  }
  return found;
}

/** The plot's height after Vega ran: the length of its y scale's range; null without one. */
function plotHeightOf(view: ScaledView): number | null {
  const range = scaleOf<{ range?: () => unknown }>(view, 'y')?.range?.();
  if (!Array.isArray(range) || range.length < 2) return null;
  const length = Math.abs(Number(range.at(-1)) - Number(range[0]));
  return Number.isFinite(length) ? length : null;
}

/** A linear scale's domain after Vega ran (`zero`, `nice` and a spec's domain applied). */
function scaleRange(view: ScaledView, name: string | null): [number, number] | null {
  if (!name) return null;
  const scale = scaleOf<{ domain?: () => unknown }>(view, name);
  const domain = scale?.domain?.();
  if (!Array.isArray(domain) || domain.length !== 2) return null;
  const [from, to] = domain.map(Number);
  return Number.isFinite(from) && Number.isFinite(to) ? [from as number, to as number] : null;
}

/** A band scale's inner padding after Vega ran: the share of each band between its bars. */
function paddingInner(view: ScaledView, name: string | null): number | null {
  const scale = name && scaleOf<{ paddingInner?: () => unknown }>(view, name);
  const padding = scale && typeof scale.paddingInner === 'function' ? scale.paddingInner() : null;
  return typeof padding === 'number' ? padding : null;
}

type SceneNode = {
  marktype?: string;
  name?: string;
  role?: string;
  orient?: string;
  text?: unknown;
  opacity?: number;
  bounds?: { y1: number; y2: number };
  items?: SceneNode[];
  datum?: Record<string, unknown>;
  fill?: unknown;
  stroke?: unknown;
  cursor?: unknown;
  x?: number;
  y?: number;
  startAngle?: number;
  endAngle?: number;
};

function someItem(node: SceneNode, test: (item: SceneNode) => boolean): boolean {
  return test(node) || (node.items ?? []).some((item) => someItem(item, test));
}

/**
 * The items of the main (non-label) mark, after all transforms, with where Vega drew them
 * (native.ts puts them in the order a reader meets them).
 */
function markItems(root: SceneNode): MarkItem[] {
  const stack: SceneNode[] = [root];
  while (stack.length) {
    const node = stack.pop() as SceneNode;
    if (node.marktype && node.marktype !== 'text' && /(^|_)marks$/.test(node.name ?? '')) {
      return (node.items ?? []).map(
        ({ datum, fill, stroke, x = 0, y = 0, startAngle = 0, endAngle = 0 }) => ({
          row: datum ?? {},
          fill,
          stroke,
          x,
          y,
          angles: [startAngle, endAngle],
        }),
      );
    }
    stack.push(...(node.items ?? []));
  }
  return [];
}

function describe(
  alt: string,
  spec: Record<string, unknown>,
  points: Pick<ChartPoints, 'said' | 'values'> | null,
  locale: string,
  wording: ChartWording,
): string {
  const stop = wording.sentenceEnd.trimEnd();
  const stated = typeof spec.description === 'string' ? spec.description : titleText(spec.title);
  const given = alt || stated || wording.chart;
  const base = stop && given.endsWith(stop) ? given.slice(0, -stop.length) : given;
  if (!points) return `${base}${stop}`;
  const number = spokenNumbers(locale);
  // A label that already shows its value ("over 50 patents") is not repeated as "…: 50".
  // Intl marks a Hebrew or Arabic minus with a direction mark, which the label has not.
  const read = points.said.map((label, i) => {
    const value = number.format(points.values[i] ?? 0);
    const plain = value.replace(/[\u200E\u200F\u061C]/g, '');
    const shown = new RegExp(
      `(^|[^\\d.,])${plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\d.,])`,
    );
    return shown.test(label) ? label : `${label}${wording.colon}${value}`;
  });
  return `${base}${wording.sentenceEnd}${read.join(wording.listSeparator)}${stop}`;
}

const refuse = (uri: string) =>
  Promise.reject(new Error(`charts may not load "${uri}": inline the data instead`));

const refusingLoader = {
  load: refuse,
  sanitize: refuse,
  http: refuse,
  file: refuse,
};

const text = (arg: unknown) => (arg instanceof Error ? arg.message : String(arg));

function collectingLogger(warnLevel: number, problems: string[]) {
  let level = warnLevel;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: (...args: unknown[]) => {
      problems.push(args.map(text).join(' '));
      return logger;
    },
    warn: (...args: unknown[]) => {
      problems.push(args.map(text).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
