/**
 * Chart parts (`c:chartSpace`) → plot types, series names, categories and values, read from
 * the caches the chart stores next to its formulas. PowerPoint draws from those caches, so
 * they are what a viewer sees; the embedded workbook is only used when someone edits.
 */
import type { ChartPlot, ChartSeries } from './model.ts';
import { child, childrenNamed, descendant, descendants, path, type XmlNode } from './xml.ts';

export interface ChartContent {
  title?: string;
  plots: ChartPlot[];
}

const CACHE_NAMES = ['c:strCache', 'c:numCache', 'c:multiLvlStrCache', 'c:strLit', 'c:numLit'];

/** Reads the cached points under `c:cat`, `c:val`, `c:tx`…, indexed by `c:pt idx`. */
function readPoints(holder: XmlNode | undefined): string[] {
  if (!holder) return [];
  const cache = CACHE_NAMES.map((name) => descendant(holder, name)).find((node) => node);
  if (!cache) return [];
  // In a multi-level cache the first level holds the innermost (leaf) labels.
  const level = child(cache, 'c:lvl') ?? cache;
  const values: string[] = [];
  const count = Number(child(cache, 'c:ptCount')?.attrs.val ?? 0);
  for (let i = 0; i < count; i += 1) values.push('');
  for (const pt of childrenNamed(level, 'c:pt')) {
    const index = Number(pt.attrs.idx);
    if (Number.isInteger(index) && index >= 0) values[index] = child(pt, 'c:v')?.text ?? '';
  }
  // A pt past ptCount leaves holes; show them as empty rather than dropping them.
  return Array.from(values, (value) => value ?? '');
}

function readSeries(ser: XmlNode): ChartSeries {
  const tx = child(ser, 'c:tx');
  const name = readPoints(tx)[0] ?? child(tx, 'c:v')?.text ?? '';
  return {
    name,
    categories: readPoints(child(ser, 'c:cat') ?? child(ser, 'c:xVal')),
    values: readPoints(child(ser, 'c:val') ?? child(ser, 'c:yVal')),
  };
}

function readPlot(node: XmlNode): ChartPlot {
  const plot: ChartPlot = {
    type: node.name.replace(/^c:/, '').replace(/Chart$/, ''),
    series: childrenNamed(node, 'c:ser').map(readSeries),
  };
  const direction = child(node, 'c:barDir')?.attrs.val;
  if (direction !== undefined) plot.direction = direction;
  const grouping = child(node, 'c:grouping')?.attrs.val;
  if (grouping !== undefined) plot.grouping = grouping;
  return plot;
}

function readTitle(chart: XmlNode | undefined): string | undefined {
  const tx = path(chart, 'c:title', 'c:tx');
  if (!tx) return undefined;
  const rich = child(tx, 'c:rich');
  if (rich) {
    return childrenNamed(rich, 'a:p')
      .map((p) =>
        descendants(p, 'a:t')
          .map((t) => t.text)
          .join(''),
      )
      .join('\n');
  }
  return readPoints(tx)[0];
}

/** Reads a chart part's root element (`c:chartSpace`). */
export function readChart(chartSpace: XmlNode): ChartContent {
  const chart = child(chartSpace, 'c:chart');
  const plotArea = child(chart, 'c:plotArea');
  const plots = (plotArea?.children ?? [])
    .filter((node) => /^c:\w+Chart$/.test(node.name))
    .map(readPlot);
  const title = readTitle(chart);
  return title === undefined ? { plots } : { title, plots };
}
