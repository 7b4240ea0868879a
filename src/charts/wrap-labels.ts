/**
 * Category names along a bottom or top axis are written across, one per band: a name wider
 * than its band was cut short by Vega ("Science materials and experiment hardwa…"). Such
 * labels are wrapped onto lines that fit the band, as the deck's native charts wrap them.
 */

import type { FontSet } from '../layout/fonts.ts';
import { textWidth } from '../layout/measure.ts';
import { wrapRuns } from '../layout/wrap.ts';

/** The expression function the compiled spec's labels call (registered in vega-runtime.ts). */
export const WRAP_LABEL = 'wrapLabel';

/** More lines than this and the label's last line takes the rest, cut short as Vega cuts it. */
const MAX_LINES = 3;

type VegaSpec = {
  scales?: { name?: string; type?: string }[];
  axes?: VegaAxis[];
  marks?: VegaSpec[];
  config?: { axis?: { labelFontSize?: unknown } };
};

type VegaAxis = {
  scale?: string;
  orient?: string;
  labelAngle?: unknown;
  labelLimit?: unknown;
  labelFontSize?: unknown;
  encode?: { labels?: { update?: Record<string, unknown> } };
};

/**
 * The compiled Vega spec with the labels of its level band axes along the bottom or top
 * wrapped to the band's width, unless the spec writes their text itself (`labelExpr`).
 */
export function wrapBandLabels<T extends object>(spec: T): T {
  const root = spec as VegaSpec;
  const size =
    typeof root.config?.axis?.labelFontSize === 'number' ? root.config.axis.labelFontSize : 10;
  visit(root, new Set(), size);
  return spec;
}

function visit(group: VegaSpec, outerBands: ReadonlySet<string>, fontSize: number): void {
  const bands = new Set(outerBands);
  for (const scale of group.scales ?? []) {
    if (scale.name && scale.type === 'band') bands.add(scale.name);
    else if (scale.name) bands.delete(scale.name);
  }
  for (const axis of group.axes ?? []) {
    const across = axis.orient === 'bottom' || axis.orient === 'top';
    const level = axis.labelAngle === undefined || axis.labelAngle === 0;
    const update = axis.encode?.labels?.update;
    if (!across || !level || !axis.scale || !bands.has(axis.scale) || update?.text) continue;
    const size = typeof axis.labelFontSize === 'number' ? axis.labelFontSize : fontSize;
    // Vega cuts a label at 180 px unless told otherwise: a line may take the band's width, or
    // the spec's own limit where that is less.
    const band = `bandwidth(${JSON.stringify(axis.scale)})`;
    const width = typeof axis.labelLimit === 'number' ? `min(${axis.labelLimit}, ${band})` : band;
    axis.labelLimit = { signal: width };
    axis.encode = {
      ...axis.encode,
      labels: {
        ...axis.encode?.labels,
        update: {
          ...update,
          text: {
            signal: `${WRAP_LABEL}(datum.label, ${width}, ${size})`,
          },
        },
      },
    };
  }
  for (const mark of group.marks ?? []) visit(mark, bands, fontSize);
}

/**
 * The label as it is when it fits `width` (or there is no width), else on lines that fit,
 * broken as the slides' text is (wrap.ts: at Unicode's break opportunities, so Chinese too,
 * with a word wider than the band cut between characters).
 */
export function wrapLabel(
  label: unknown,
  width: number,
  fontSize: number,
  fonts: FontSet,
): string | string[] {
  const text = String(label ?? '');
  if (!(width > 0) || textWidth(text, fonts, 'regular', fontSize) <= width) return text;
  // Each line as broken, with the space it ends on, so the lines after the last shown join up.
  const lines = wrapRuns([{ text }], fonts, fontSize, width).map((line) =>
    line.pieces.map((piece) => piece.text).join(''),
  );
  const shown =
    lines.length <= MAX_LINES
      ? lines
      : [...lines.slice(0, MAX_LINES - 1), lines.slice(MAX_LINES - 1).join('')];
  return shown.map((line) => line.trimEnd());
}
