import { formatDataPath, type PathSegment } from '../data/data-path.ts';
import { fail } from '../errors/briefkit-error.ts';
import { type Message, messages } from '../errors/messages.ts';
import { type ChartSpecSource, placeInSpec } from '../template/read-template.ts';
import { FIELD_TYPES, fieldType } from './field-type.ts';
import { angledGradientProblem, isAngledGradient } from './scene-drawing.ts';

/** Vega-Lite's marks, primitive and composite (vega-lite/src/mark.ts, compositemark/). */
const MARKS = new Set([
  'arc',
  'area',
  'bar',
  'image',
  'line',
  'point',
  'rect',
  'rule',
  'text',
  'tick',
  'trail',
  'circle',
  'square',
  'geoshape',
  'boxplot',
  'errorband',
  'errorbar',
]);

/** What a message lists: every mark but `image`, which is refused. */
const ALLOWED_MARKS = [...MARKS].filter((mark) => mark !== 'image').join(', ');

/** A channel's own definition: `encoding.x`, or one of a list (`encoding.tooltip[0]`). */
function isChannelDef(path: readonly PathSegment[]): boolean {
  const [last, ...before] = [...path].reverse();
  return typeof last === 'number' ? before[1] === 'encoding' : before[0] === 'encoding';
}

/**
 * Specs may never reach the outside world: no `url` anywhere (data, images, hrefs), no
 * image marks. Vega's Node loader would read local files otherwise. Unknown mark and field
 * types are named here too: Vega-Lite fails on them with an internal TypeError, or with words
 * that do not name the value.
 */
export function guardSpec(chart: ChartSpecSource): void {
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, [...path, i]);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      const here = [...path, key];
      // Formatted only for a message: every build guards every spec it uses.
      const shown = () => formatDataPath(here);
      if (key === 'url' || key === 'href')
        refuse(chart, here, `"${shown()}" would load from outside; inline the data instead.`);
      if (isUrlReference(v))
        refuse(
          chart,
          here,
          `"${shown()}" is a url(…), which an SVG viewer would fetch; give a colour.`,
        );
      const type = typeof v === 'string' ? v : (v as { type?: unknown } | null)?.type;
      if ((key === 'mark' || key === 'type') && type === 'image') {
        refuse(chart, here, `image marks are not allowed (at "${shown()}").`);
      }
      if (key === 'mark' && typeof type === 'string' && !MARKS.has(type)) {
        problem(
          chart,
          here,
          messages.chartCompile(
            chart.name,
            `unknown mark "${type}" at "${shown()}"; marks are ${ALLOWED_MARKS}.`,
          ),
        );
      }
      // Vega-Lite names no value for a misspelt type: "Invalid field type "undefined"".
      if (key === 'type' && isChannelDef(path) && !fieldType(v)) {
        const detail = `unknown field type "${String(v)}" at "${shown()}"; types are ${FIELD_TYPES.join(', ')}.`;
        problem(chart, here, messages.chartCompile(chart.name, detail));
      }
      if (key === 'gradient' && isAngledGradient(value)) {
        const detail = angledGradientProblem(formatDataPath(path));
        problem(chart, here, messages.chartCompile(chart.name, detail));
      }
      visit(v, here);
    }
  };
  visit(chart.spec, []);
}

/**
 * A CSS `url(…)`: Vega writes fills, strokes and cursors into the SVG as given, so a colour
 * spelled `url(http://…)`, in the spec or in the data a chart draws, would point the deck's
 * picture of a chart at another server.
 */
export function isUrlReference(value: unknown): boolean {
  return typeof value === 'string' && /url\s*\(/i.test(value);
}

function refuse(chart: ChartSpecSource, path: PathSegment[], detail: string): never {
  problem(chart, path, messages.chartRefused(chart.name, detail));
}

function problem(chart: ChartSpecSource, path: PathSegment[], message: Message): never {
  fail({ ...message, place: placeInSpec(chart, path) });
}
