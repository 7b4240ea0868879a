/**
 * Vega is large; it is imported on first use so builds without charts start fast. Its
 * text measurement is replaced once with real font metrics, the same the PDFs embed.
 */
import type { FontSet } from '../layout/fonts.ts';
import { textWidth } from '../layout/measure.ts';
import {
  chartPattern,
  MEMBER_GUARD,
  PATTERN_GUARD,
  readMember,
  replacing,
  TEST_GUARD,
  testPattern,
} from './guard-expressions.ts';
import { WRAP_LABEL, wrapLabel } from './wrap-labels.ts';

type TextItem = { fontSize?: number; fontWeight?: unknown };

/** Runtime exports of vega that its typings leave out. */
interface VegaExtras {
  setRandom(random: () => number): void;
  expressionFunction(
    name: string,
    fn?: (...args: never[]) => unknown,
  ): (...args: unknown[]) => unknown;
  randomLCG(seed: number): () => number;
  textMetrics: { width: (item: TextItem, text: unknown) => number };
}

type VegaModules = {
  vega: typeof import('vega') & VegaExtras;
  vegaLite: typeof import('vega-lite');
};

let modules: Promise<VegaModules> | undefined;

export function loadVega(): Promise<VegaModules> {
  modules ??= import('./vega-modules.ts').then(({ vega: vegaModule, vegaLite }) => {
    const vega = vegaModule as unknown as VegaModules['vega'];
    boundExpressionFunctions(vega);
    vega.expressionFunction(MEMBER_GUARD, readMember as never);
    vega.expressionFunction(PATTERN_GUARD, chartPattern as never);
    vega.expressionFunction(TEST_GUARD, testPattern as never);
    vega.expressionFunction('replace', replacing(vega.expressionFunction('replace')) as never);
    vega.expressionFunction(WRAP_LABEL, ((label: unknown, width: number, fontSize: number) =>
      chartFonts ? wrapLabel(label, width, fontSize, chartFonts) : label) as never);
    return { vega, vegaLite };
  });
  return modules;
}

/** The fonts charts are measured and wrapped with, as useChartFonts last set them. */
let chartFonts: FontSet | undefined;

/** Vega keeps one global measurer; briefkit points it at the theme's fonts. */
export async function useChartFonts(fonts: FontSet): Promise<void> {
  const { vega } = await loadVega();
  chartFonts = fonts;
  vega.textMetrics.width = (item, text) => {
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    return textWidth(String(text ?? ''), fonts, bold ? 'bold' : 'regular', item.fontSize ?? 11);
  };
}

/** Longest string or array an expression may build: far more than any chart needs. */
const EXPRESSION_LIMIT = 100_000;

/**
 * Items all calls may build while one chart is drawn: `sequence(0, datum.kg)` once a row, then
 * flattened, multiplies with the rows (2,000 rows of 99,999 ran the process out of memory).
 */
const EXPRESSION_BUDGET = 1_000_000;
let spent = 0;

/** Starts the budget afresh: called before each chart is drawn. */
export function resetExpressionBudget(): void {
  spent = 0;
}

/**
 * `pad('x', 1e9)` or `sequence(0, 1e9)` in a spec would grow until V8 aborts the process;
 * these wrappers fail the chart with a clear error first.
 */
function boundExpressionFunctions(vega: VegaModules['vega']): void {
  const pad = vega.expressionFunction('pad');
  const sequence = vega.expressionFunction('sequence');
  const spend = (name: string, items: number) => {
    if (items > EXPRESSION_LIMIT)
      throw new Error(
        `${name}() would build more than ${EXPRESSION_LIMIT.toLocaleString('en')} items`,
      );
    if (items > 0) spent += items; // NaN or negative: nothing built
    if (spent > EXPRESSION_BUDGET)
      throw new Error(
        `sequence() and pad() would build more than ${EXPRESSION_BUDGET.toLocaleString('en')} items in all for one chart`,
      );
  };
  vega.expressionFunction('pad', ((value: unknown, length: number, ...rest: unknown[]) => {
    spend('pad', length);
    return pad(value, length, ...rest);
  }) as never);
  vega.expressionFunction('sequence', ((...args: number[]) => {
    const [start = 0, stop = 0, step = 1] = args.length === 1 ? [0, args[0], 1] : args;
    spend('sequence', Math.abs((stop - start) / (step || 1)));
    return sequence(...args);
  }) as never);
}
