/**
 * Maps simple Vega-Lite specs onto PowerPoint's native chart types, with the values read
 * from Vega's own scenegraph after transforms ran, so filters and calculations count.
 */
import { tickStep } from 'd3-array';
import { color as parseColor } from 'd3-color';
import type { ChartWording } from '../template/strings.ts';
import { titleText } from './chart-title.ts';
import { fieldType } from './field-type.ts';

export type NativeChartType = 'bar' | 'line' | 'area' | 'pie' | 'doughnut' | 'scatter';

export interface NativeChart {
  type: NativeChartType;
  /** Bars: vertical columns or horizontal bars. */
  direction: 'col' | 'bar';
  labels: string[];
  series: { name: string; values: number[] }[];
  /** The chart's own title, drawn above it as Vega draws it. */
  title: string | null;
  categoryTitle: string | null;
  valueTitle: string | null;
  /** Pies and doughnuts: a legend, as Vega draws one unless the spec says `"legend": null`. */
  legend: boolean;
  /** Which axes Vega draws: none for `"axis": null`. */
  axes: { category: boolean; value: boolean };
  /** The value axis from and to, as Vega's scale has it; null for pies and scatter plots. */
  valueRange: [number, number] | null;
  /** Label each point with its value: only when the spec labels its marks with the value. */
  showValues: boolean;
  /** A marker at each value: scatter charts, and lines whose spec asks for points. */
  markers: boolean;
  /**
   * Number formats, grouped as Vega's labels are (10,000): the value labels' with as many
   * decimals as the values have, the value axis's with as many as its step, which is Vega's.
   */
  numberFormats: { values: string; axis: string; axisStep: number | null };
  /**
   * Bars: the gap between them as a share of a bar's width (OOXML's gapWidth, in percent), from
   * Vega's band padding, so the deck's bars are as wide as the PDFs'; null to leave Office's.
   */
  barGap: number | null;
  /** A line Vega bends through its values (`"interpolate": "monotone"`): PowerPoint's smoothed line. */
  smooth: boolean;
  /**
   * The colours (hex, no `#`) as Vega drew them: for pies and doughnuts each slice's, which
   * follow the colour scale's domain rather than the slices' order; else the one series'.
   */
  colors: string[];
}

/**
 * A drawn mark: the row behind it, after all transforms, the colour Vega filled it with, and
 * where Vega placed it (pixels from the top left; a slice by its two angles).
 */
export interface MarkItem {
  row: Record<string, unknown>;
  fill: unknown;
  /** Lines and hollow points are drawn by their stroke. */
  stroke: unknown;
  x: number;
  y: number;
  angles: [number, number];
}

interface FieldDef {
  field?: string;
  type?: string;
  /** Text, a list of lines, or null for none. */
  title?: unknown;
  aggregate?: unknown;
  bin?: unknown;
  timeUnit?: unknown;
  axis?: unknown;
  legend?: unknown;
  /** A text label's number or date format. */
  format?: unknown;
  formatType?: unknown;
}

export interface ChartEncoding {
  mark: string;
  innerRadius: number;
  category: FieldDef | null;
  value: FieldDef | null;
  direction: 'col' | 'bar';
  /** The field a text layer labels the marks with, if any. */
  labelField: string | null;
  /** The mark asks for a point at each value: `{"type": "line", "point": true}`. */
  points: boolean;
  /** A line curved through its values, as PowerPoint's smoothed line is. */
  smooth: boolean;
  title: string | null;
}

const NATIVE_MARKS: Record<string, NativeChartType | undefined> = {
  bar: 'bar',
  line: 'line',
  area: 'area',
  arc: 'pie',
  point: 'scatter',
  circle: 'scatter',
};

/**
 * The channels a native chart draws, or that change nothing a slide shows. Others (`y2`,
 * `size`, `xOffset`, `detail`, `radius`…) would be left out, drawing another chart than
 * Vega's. `order` sets the slices' order (read from where Vega drew them), but a line's path.
 */
const NATIVE_CHANNELS = new Set(['x', 'y', 'theta', 'color', 'fill', 'stroke', 'text']);
const UNSEEN_CHANNELS = new Set(['tooltip', 'description', 'key']);

function drawnNatively(channel: string, mark: string): boolean {
  return (
    NATIVE_CHANNELS.has(channel) ||
    UNSEEN_CHANNELS.has(channel) ||
    (channel === 'order' && mark === 'arc')
  );
}

/** Reads what a native chart needs from a spec; null if the spec is not simple enough. */
export function readEncoding(input: Record<string, unknown>): ChartEncoding | null {
  const unlayered = withoutLabelLayers(input);
  if (!unlayered) return null;
  const { spec, labelField } = unlayered;
  if (spec.layer || spec.facet || spec.repeat || spec.concat || spec.hconcat || spec.vconcat)
    return null;
  const markDef =
    typeof spec.mark === 'string' ? { type: spec.mark } : (spec.mark as Record<string, unknown>);
  const mark = String(markDef?.type ?? '');
  const enc = (spec.encoding ?? {}) as Record<string, FieldDef | undefined>;
  const simple = (d: FieldDef | undefined) => d?.field && !d.aggregate && !d.bin && !d.timeUnit;
  if (Object.values(enc).some((d) => d?.field && !simple(d))) return null;
  if (relabelled(enc.x) || relabelled(enc.y) || relabelled(enc.color)) return null;
  if (Object.keys(enc).some((channel) => !drawnNatively(channel, mark))) return null;
  // Multi-series (a colour per row, a pie's apart): not mapped yet.
  if ((enc.color?.field && mark !== 'arc') || enc.fill?.field || enc.stroke?.field) return null;
  const innerRadius = Number(markDef?.innerRadius ?? 0);
  const points = Boolean(markDef?.point) && markDef?.point !== 'transparent';
  const smooth = curvedLikePowerPoint(mark, markDef?.interpolate);
  if (smooth === null) return null;
  const encoding = (
    category: FieldDef | undefined,
    value: FieldDef | undefined,
    direction: ChartEncoding['direction'] = 'col',
  ): ChartEncoding => ({
    mark,
    innerRadius,
    category: category ?? null,
    value: value ?? null,
    direction,
    labelField,
    points,
    smooth,
    title: titleText(input.title),
  });
  if (mark === 'arc') {
    if (!simple(enc.theta) || !simple(enc.color)) return null;
    return encoding(enc.color, enc.theta);
  }
  if (!simple(enc.x) || !simple(enc.y)) return null;
  if (mark === 'point' || mark === 'circle') return encoding(enc.x, enc.y);
  const horizontal = ['nominal', 'ordinal'].includes(fieldType(enc.y?.type) ?? '');
  const [category, value] = horizontal ? [enc.y, enc.x] : [enc.x, enc.y];
  // A native value axis is linear and runs upwards (or rightwards), as Vega's does by default.
  const scale = (value as { scale?: { type?: unknown; reverse?: unknown } } | undefined)?.scale;
  if ((scale?.type ?? 'linear') !== 'linear' || scale?.reverse) return null;
  return encoding(category, value, horizontal ? 'bar' : 'col');
}

/**
 * Whether a line or area is drawn smoothed: `monotone` curves through each value much as
 * PowerPoint's smoothed line does; null where no native chart draws Vega's path (steps,
 * splines that miss the values, a curved area: native areas have no smoothing).
 */
function curvedLikePowerPoint(mark: string, interpolate: unknown): boolean | null {
  if ((mark !== 'line' && mark !== 'area') || (interpolate ?? 'linear') === 'linear') return false;
  return interpolate === 'monotone' && mark === 'line' ? true : null;
}

/**
 * An axis or legend whose labels Vega formats (`"format": ".0%"`) or rewrites (`labelExpr`):
 * a native axis or legend shows the numbers unformatted and the categories as they are.
 */
function relabelled(def: FieldDef | undefined): boolean {
  type Labels = { format?: unknown; formatType?: unknown; labelExpr?: unknown } | null;
  return [def?.axis, def?.legend].some((guide) => {
    const labels = guide as Labels | undefined;
    return [labels?.format, labels?.formatType, labels?.labelExpr].some((v) => v !== undefined);
  });
}

/** The value scale's name in the compiled spec: the axis the values run along. */
/** The category axis's scale in Vega-Lite's names; null for pies and scatter plots. */
export function categoryScale(encoding: ChartEncoding): 'x' | 'y' | null {
  const value = valueScale(encoding);
  return value && (value === 'x' ? 'y' : 'x');
}

export function valueScale(encoding: ChartEncoding): 'x' | 'y' | null {
  const type = NATIVE_MARKS[encoding.mark];
  if (type === 'pie' || type === 'scatter') return null;
  return encoding.direction === 'bar' ? 'x' : 'y';
}

/** What a simple chart shows, read from the marks Vega drew, in the order a reader meets them. */
export interface ChartPoints {
  type: NativeChartType;
  /** The marks, round the clock for pies, else along the category axis. */
  drawn: MarkItem[];
  /** Each mark's category, with its label where that is not the bare value. */
  labels: string[];
  /** The same as a reader says them: a scatter chart's x values in the report's locale. */
  said: string[];
  values: number[];
}

/**
 * The category and value of every mark, for the native chart and the alt text alike; null
 * unless each mark has a finite value (a null is a gap in Vega's line or area, which a
 * native chart would draw as 0).
 */
export function readPoints(
  encoding: ChartEncoding,
  items: readonly MarkItem[],
  { parenOpen, parenClose }: Pick<ChartWording, 'parenOpen' | 'parenClose'>,
  locale: string,
): ChartPoints | null {
  const type = NATIVE_MARKS[encoding.mark];
  const category = encoding.category?.field;
  const value = encoding.value?.field;
  if (!type || !category || !value) return null;
  const drawn =
    type === 'pie' ? roundTheClock(items) : alongCategoryAxis(items, encoding.direction);
  const rows = drawn.map((item) => item.row);
  if (rows.some((r) => r[value] == null)) return null;
  const values = rows.map((r) => Number(r[value]));
  if (values.some((v) => !Number.isFinite(v))) return null;
  // Labels other than the bare value (e.g. "about 867.5 kg") join the category name, so a
  // qualifier the chart shows is never dropped; PowerPoint labels can only show the number.
  const { labelField } = encoding;
  const extra = labelField && labelField !== value ? labelField : null;
  const named = rows.map((r) => r[category]);
  const categoryType = fieldType(encoding.category?.type);
  const names = (categoryType === 'temporal' && saidAsDates(named, locale)) || named.map(String);
  const labelled = (shown: string[]) =>
    shown.map((name, i) =>
      extra ? `${name}${parenOpen}${String(rows[i]?.[extra])}${parenClose}` : name,
    );
  // Numbers along a quantitative axis are written as Vega's axis writes them (0,75 in de-DE);
  // the deck's scatter chart takes them as numbers, so only the alt text says them so.
  const number = spokenNumbers(locale);
  const spoken =
    categoryType === 'quantitative' ? named.map((n) => number.format(Number(n))) : names;
  return { type, drawn, labels: labelled(names), said: labelled(spoken), values };
}

/**
 * Dates as a reader says them, in the report's language and only as precise as they are:
 * "March 2025" for the firsts of months, "2025" for new year's days. Read as Vega reads
 * them, and said in UTC, as the CLI draws them; null if one does not read as a date.
 */
function saidAsDates(values: readonly unknown[], locale: string): string[] | null {
  const dates = values.map((v) => new Date(typeof v === 'number' ? v : String(v)));
  if (dates.some((d) => Number.isNaN(d.getTime()))) return null;
  const midnight = dates.every((d) => d.getTime() % 86_400_000 === 0);
  const firsts = midnight && dates.every((d) => d.getUTCDate() === 1);
  const options: Intl.DateTimeFormatOptions = !midnight
    ? { dateStyle: 'long', timeStyle: 'short' }
    : !firsts
      ? { dateStyle: 'long' }
      : dates.every((d) => d.getUTCMonth() === 0)
        ? { year: 'numeric' }
        : { year: 'numeric', month: 'long' };
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return dates.map((d) => format.format(d));
}

/** The native chart that draws what Vega drew; null where it would draw something else. */
export function toNativeChart(
  encoding: ChartEncoding,
  { type, drawn, labels, values }: ChartPoints,
  valueRange: [number, number] | null = null,
  bandPadding: number | null = null,
): NativeChart | null {
  const rows = drawn.map((item) => item.row);
  const category = encoding.category?.field as string;
  const value = encoding.value?.field as string;
  // Vega spaces dates and numbers by value; a native category axis spaces them evenly.
  const spacedByValue = ['temporal', 'quantitative'].includes(
    fieldType(encoding.category?.type) ?? '',
  );
  if (type !== 'scatter' && spacedByValue) return null;
  if (valueRange && values.some((v) => !within(valueRange, v))) return null;
  if (type === 'scatter' && rows.some((r) => !Number.isFinite(Number(r[category])))) return null;
  // Vega stacks rows that share a category into one bar (or joins them straight up and down);
  // a native chart would draw each as a category of its own.
  const categories = rows.map((r) => String(r[category]));
  if (type !== 'scatter' && new Set(categories).size < categories.length) return null;
  const colors = type === 'pie' ? sliceColors(drawn) : seriesColor(drawn);
  // A native chart would paint the slice or series in a palette colour instead.
  if (!colors) return null;
  return {
    type: type === 'pie' && encoding.innerRadius > 0 ? 'doughnut' : type,
    direction: encoding.direction,
    labels,
    series: [{ name: titleOf(encoding.value) ?? value, values }],
    title: encoding.title,
    categoryTitle: axisTitle(encoding.category),
    valueTitle: axisTitle(encoding.value),
    legend: type === 'pie' && encoding.category?.legend !== null,
    axes: { category: encoding.category?.axis !== null, value: encoding.value?.axis !== null },
    valueRange: tickAligned(valueRange),
    showValues: encoding.labelField === value,
    markers: type === 'scatter' || encoding.points,
    smooth: encoding.smooth,
    numberFormats: numberFormats(values, valueRange),
    barGap: type === 'bar' ? barGap(bandPadding) : null,
    colors,
  };
}

/**
 * Excel number formats grouping thousands, as Vega's `,.15~r` does. Excel cannot drop
 * trailing zeros without leaving a bare decimal point ("3."), so decimals are fixed: as many
 * as the most precise value has. Values with differing decimals and nothing to group read
 * "General", which writes each as Vega does (3 beside 1.5, not 3.0). The axis steps as
 * Vega's does (d3's tick step for the 6 ticks the theme asks for); without a range (scatter
 * plots) PowerPoint picks the steps, and its axis stays "General".
 */
function numberFormats(
  values: readonly number[],
  range: [number, number] | null,
): NativeChart['numberFormats'] {
  const grouped = (decimals: number) => `#,##0${decimals ? `.${'0'.repeat(decimals)}` : ''}`;
  const decimals = values.map(decimalsOf);
  const mixed = new Set(decimals).size > 1 && values.every((v) => Math.abs(v) < 1000);
  const step = range && axisStep(range);
  return {
    values: mixed ? 'General' : grouped(Math.max(0, ...decimals)),
    axis: step ? grouped(decimalsOf(step)) : 'General',
    axisStep: step,
  };
}

/** Vega's inner band padding (a share of each band) as OOXML's gap (percent of a bar, 0–500). */
function barGap(padding: number | null): number | null {
  if (padding === null || !(padding >= 0 && padding < 1)) return null;
  return Math.min(500, Math.round((padding / (1 - padding)) * 100));
}

/** The decimals a number shows to 12 significant digits, as Vega's labels show it. */
function decimalsOf(value: number): number {
  const [, fraction = ''] = Number(value.toPrecision(12)).toString().split('.');
  return /e-(\d+)/.test(String(value)) ? 0 : fraction.length;
}

/** The step between Vega's ticks: d3's, for the 6 ticks the theme asks for. */
function axisStep([from, to]: [number, number]): number | null {
  const step = Math.abs(tickStep(from, to, 6));
  return Number.isFinite(step) && step > 0 ? step : null;
}

/**
 * The value axis' range with its low end on one of Vega's ticks. PowerPoint counts ticks up
 * from the low end, Vega puts them on multiples of the step: a nice domain of -100 to 900
 * with ticks 200 apart was labelled -100, 100, …, 900 in the deck, with no 0. The low end
 * goes down to the tick below it (-200), so the deck's ticks are Vega's.
 */
function tickAligned(range: [number, number] | null): [number, number] | null {
  const step = range && axisStep(range);
  if (!range || !step) return range;
  const [low, high] = [Math.min(...range), Math.max(...range)];
  // A low end already on a tick, give or take a float's rounding, stays as it is.
  const ticks = Math.floor(low / step + 1e-9);
  return [Number((ticks * step).toFixed(decimalsOf(step))), high];
}

/**
 * Whether a value lies on the value axis. Vega draws one beyond a fixed domain past the axis
 * (or clips it, as the spec says); a native axis cuts it short or draws it off the chart.
 */
function within([from, to]: [number, number], value: number): boolean {
  return value >= Math.min(from, to) && value <= Math.max(from, to);
}

/**
 * The items in the order Vega lays them out along the category axis, which follows the axis's
 * sort (ascending by default), not the rows' order: left to right, or top down for bars.
 */
function alongCategoryAxis(
  items: readonly MarkItem[],
  direction: ChartEncoding['direction'],
): MarkItem[] {
  const at = (item: MarkItem) => (direction === 'bar' ? item.y : item.x);
  return [...items].sort((a, b) => at(a) - at(b));
}

/**
 * Slices in the order they go round from 12 o'clock, where PowerPoint starts its pies
 * (Vega-Lite stacks them by the colour field's values, not in the rows' order). Vega-Lite
 * swaps the angles (startAngle is where a slice ends), and a slice of zero starts where the
 * one before it ends: where slices start, then where they end, keeps it after that one.
 */
function roundTheClock(items: readonly MarkItem[]): MarkItem[] {
  const span = ({ angles: [a, b] }: MarkItem) => [Math.min(a, b), Math.max(a, b)] as const;
  return [...items].sort((a, b) => {
    const [aFrom, aTo] = span(a);
    const [bFrom, bTo] = span(b);
    return aFrom - bFrom || aTo - bTo;
  });
}

/** The slices' colours, or null if Vega filled one with a colour a native slice cannot wear. */
function sliceColors(items: readonly MarkItem[]): string[] | null {
  const colors = items.map((item) => nativeColor(item.fill));
  return colors.every((c) => c !== null) ? (colors as string[]) : null;
}

/**
 * A series' one colour, from each mark's fill or, where it has none (lines, hollow points),
 * its stroke; null if the marks differ (one bar picked out) or wear no colour a native
 * series can.
 */
function seriesColor(items: readonly MarkItem[]): string[] | null {
  const [color, ...others] = new Set(items.map(markColor));
  return color && others.length === 0 ? [color] : null;
}

function markColor({ fill, stroke }: MarkItem): string | null {
  const unfilled = fill == null || (typeof fill === 'string' && parseColor(fill)?.opacity === 0);
  return nativeColor(unfilled ? stroke : fill);
}

/**
 * A fill as a native chart writes it, 6 hex digits: Vega fills with any CSS colour a spec
 * names (`red`, `rgb(…)`, `hsl(…)`), which d3-color reads as Vega's own renderers do. Null
 * for what a solid native fill cannot show: a gradient, or a colour one can see through.
 */
function nativeColor(fill: unknown): string | null {
  const parsed = typeof fill === 'string' ? parseColor(fill) : null;
  if (parsed?.opacity !== 1) return null;
  return parsed.formatHex().slice(1).toUpperCase();
}

/** As Vega titles an axis: by the axis's own `title`, else the field's; none for no axis. */
function axisTitle(def: FieldDef | null): string | null {
  const axis = def?.axis;
  if (axis === null) return null;
  if (typeof axis === 'object' && axis !== undefined && 'title' in axis)
    return titleText(axis.title);
  return titleOf(def);
}

function titleOf(def: FieldDef | null): string | null {
  if (!def) return null;
  if (def.title === undefined) return def.field ?? null;
  return titleText(def.title);
}

/**
 * A common pattern, marks plus a text layer labelling each value, reads as the one mark:
 * native charts label their values themselves. Other layered specs are not mapped.
 */
function withoutLabelLayers(
  spec: Record<string, unknown>,
): { spec: Record<string, unknown>; labelField: string | null } | null {
  if (!Array.isArray(spec.layer)) return { spec, labelField: null };
  const layers = spec.layer as Record<string, unknown>[];
  const markType = (layer: Record<string, unknown>) =>
    typeof layer.mark === 'string'
      ? layer.mark
      : (layer.mark as { type?: string } | undefined)?.type;
  const shapes = layers.filter((layer) => markType(layer) !== 'text');
  const [shape] = shapes;
  if (shapes.length !== 1 || !shape || shape.layer) return null;
  const label = layers.find((layer) => markType(layer) === 'text');
  const labelEncoding = (label?.encoding ?? {}) as { text?: FieldDef };
  if (labelEncoding.text?.format !== undefined || labelEncoding.text?.formatType !== undefined)
    return null;
  const { layer: _layers, ...rest } = spec;
  return {
    spec: {
      ...rest,
      mark: shape.mark,
      encoding: { ...(spec.encoding as object), ...(shape.encoding as object) },
    },
    labelField: labelEncoding.text?.field ?? null,
  };
}

/** Numbers as the alt text says them: up to 12 decimals, zero without a sign (as drawn). */
export function spokenNumbers(locale: string): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 12, signDisplay: 'negative' });
}
