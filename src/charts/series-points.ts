import type { ChartWording } from '../template/strings.ts';
import { fieldType } from './field-type.ts';
import type { ChartPoints, MarkItem } from './native.ts';

type Channel = { field?: unknown; type?: unknown } | undefined;

const discrete = (channel: Channel) =>
  ['nominal', 'ordinal'].includes(fieldType(channel?.type) ?? '');
const quantitative = (channel: Channel) => fieldType(channel?.type) === 'quantitative';

/**
 * What a chart with a series per colour shows (grouped or stacked bars, several lines), read
 * for its alt text as each mark's category, its series in brackets, and its value, grouped by
 * category: "Potatoes (2024): 148.5; Potatoes (2025): 130". Such a chart has no native form,
 * and without this its alt text held only the template's words. Null for other shapes, or
 * values Vega computed (aggregates), which the rows do not hold.
 */
export function seriesPoints(
  spec: Record<string, unknown>,
  items: readonly MarkItem[],
  { parenOpen, parenClose }: Pick<ChartWording, 'parenOpen' | 'parenClose'>,
): Pick<ChartPoints, 'said' | 'values'> | null {
  const { x, y, color } = (spec.encoding ?? {}) as Record<string, Channel>;
  const series = color?.field;
  const [category, value] =
    discrete(x) && quantitative(y)
      ? [x?.field, y?.field]
      : discrete(y) && quantitative(x)
        ? [y?.field, x?.field]
        : [];
  if (typeof series !== 'string' || typeof category !== 'string' || typeof value !== 'string')
    return null;
  const rows = items.map((item) => item.row);
  if (rows.length === 0 || rows.some((row) => !Number.isFinite(Number(row[value] ?? NaN))))
    return null;
  // Grouped by category, in the order Vega met them; each group in its own order.
  const order = [...new Set(rows.map((row) => String(row[category])))];
  const grouped = order.flatMap((name) => rows.filter((row) => String(row[category]) === name));
  return {
    said: grouped.map(
      (row) => `${String(row[category])}${parenOpen}${String(row[series])}${parenClose}`,
    ),
    values: grouped.map((row) => Number(row[value])),
  };
}
