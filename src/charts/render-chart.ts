import { expressionInterpreter } from 'vega-interpreter';
import { LruCache } from '../cache/lru-cache.ts';
import { BriefkitError } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { ChartSpecSource } from '../template/read-template.ts';
import { vegaLocale } from './chart-locale.ts';
import { guardSpec } from './guard-spec.ts';
import { type NativeChart, readEncoding, toNativeChart } from './native.ts';
import { loadVega } from './vega-runtime.ts';

export interface RenderedChart {
  name: string;
  svg: string;
  width: number;
  height: number;
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
}

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
  const bound = bindData(request);
  let svg: string;
  let rows: Record<string, unknown>[];
  try {
    const compiled = toVega(
      bound,
      (spec) => vega.vegaLite.compile(spec as never, { logger }).spec,
      () => problems.length === 0,
    );
    const runtime = vega.vega.parse(compiled, undefined, { ast: true });
    const view = new vega.vega.View(runtime, {
      expr: expressionInterpreter,
      loader: refusingLoader,
      logger,
      locale: vegaLocale(request.locale) as never,
      renderer: 'none',
    });
    await view.runAsync();
    vega.vega.resetSVGDefIds();
    svg = await view.toSVG();
    rows = markRows((view.scenegraph() as unknown as { root: SceneNode }).root);
    view.finalize();
  } catch (error) {
    problems.push((error as Error).message);
    svg = '';
    rows = [];
  }
  if (problems.length) {
    throw new BriefkitError(
      problems.map((p) => ({
        ...messages.chartCompile(chart.name, p),
        place: { file: chart.file },
      })),
    );
  }
  const encoding = readEncoding(chart.spec);
  const native = encoding ? toNativeChart(encoding, rows) : null;
  return {
    name: chart.name,
    svg,
    width: request.width,
    height: request.height,
    alt: describe(request.alt, chart.spec, native, request.locale),
    native,
  };
}

interface BoundChart {
  /** The Vega-Lite spec, sized and themed, with its named dataset empty. */
  spec: Record<string, unknown>;
  source: string;
  rows: unknown[];
}

function bindData(request: ChartRequest): BoundChart {
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
    throw new BriefkitError({
      ...messages.chartData(chart.name, `the dataset has no list named "${source}".`),
      place: { file: chart.file },
    });
  }
  const spec = {
    ...chart.spec,
    datasets: { [source]: [] },
    width: request.width,
    height: request.height,
    autosize: { type: 'fit', contains: 'padding' },
    background: null,
    config: request.config,
  };
  return { spec, source, rows };
}

type VegaSpec = { data?: { name?: string; values?: unknown }[] };

/**
 * Vega-Lite only copies the rows into the Vega spec, so a spec is compiled once (with no
 * rows) and each render puts its rows in: a data edit costs no Vega-Lite compile.
 */
const vegaSpecs = new LruCache<string, VegaSpec>(64);

export function toVega(
  { spec, source, rows }: BoundChart,
  compile: (vegaLite: Record<string, unknown>) => object,
  /** False when compiling logged a problem: that spec must fail again next time. */
  clean: () => boolean,
): object {
  const key = JSON.stringify(spec);
  let empty = vegaSpecs.get(key);
  if (!empty) {
    empty = compile(spec) as VegaSpec;
    if (!clean()) return empty;
    vegaSpecs.set(key, empty);
  }
  const vegaSpec = structuredClone(empty);
  const entry = vegaSpec.data?.find((d) => d.name === source && Array.isArray(d.values));
  if (!entry) return compile({ ...spec, datasets: { [source]: rows } });
  entry.values = structuredClone(rows);
  return vegaSpec;
}

type SceneNode = {
  marktype?: string;
  name?: string;
  items?: SceneNode[];
  datum?: Record<string, unknown>;
};

/** The data rows behind the main (non-label) mark, in drawing order, after all transforms. */
function markRows(root: SceneNode): Record<string, unknown>[] {
  const stack: SceneNode[] = [root];
  while (stack.length) {
    const node = stack.pop() as SceneNode;
    if (node.marktype && node.marktype !== 'text' && /(^|_)marks$/.test(node.name ?? '')) {
      return (node.items ?? []).map((item) => item.datum ?? {});
    }
    stack.push(...(node.items ?? []));
  }
  return [];
}

function describe(
  alt: string,
  spec: Record<string, unknown>,
  native: NativeChart | null,
  locale: string,
): string {
  const base = (alt || String(spec.description ?? spec.title ?? 'Chart')).replace(/\.$/, '');
  if (!native) return `${base}.`;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 12 });
  const values = native.series[0]?.values ?? [];
  // A label that already shows its value ("over 50 patents") is not repeated as "…: 50".
  const points = native.labels.map((label, i) => {
    const value = number.format(values[i] ?? 0);
    const shown = new RegExp(
      `(^|[^\\d.,])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\d.,])`,
    );
    return shown.test(label) ? label : `${label}: ${value}`;
  });
  return `${base}. ${points.join('; ')}.`;
}

const refuse = (uri: string) =>
  Promise.reject(new Error(`charts may not load "${uri}": inline the data instead`));

const refusingLoader = {
  load: refuse,
  sanitize: refuse,
  http: refuse,
  file: refuse,
};

function collectingLogger(warnLevel: number, problems: string[]) {
  let level = warnLevel;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: (...args: unknown[]) => {
      problems.push(args.map(String).join(' '));
      return logger;
    },
    warn: (...args: unknown[]) => {
      problems.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
