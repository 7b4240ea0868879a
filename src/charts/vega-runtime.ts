/**
 * Vega is large; it is imported on first use so builds without charts start fast. Its
 * text measurement is replaced once with real font metrics, the same the PDFs embed.
 */
import type { FontSet } from '../layout/fonts.ts';
import { textWidth } from '../layout/measure.ts';

type TextItem = { fontSize?: number; fontWeight?: unknown };

/** Runtime exports of vega that its typings leave out. */
interface VegaExtras {
  setRandom(random: () => number): void;
  randomLCG(seed: number): () => number;
  textMetrics: { width: (item: TextItem, text: unknown) => number };
}

type VegaModules = {
  vega: typeof import('vega') & VegaExtras;
  vegaLite: typeof import('vega-lite');
};

let modules: Promise<VegaModules> | undefined;

export function loadVega(): Promise<VegaModules> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]).then(([vegaModule, vegaLite]) => {
    const vega = vegaModule as unknown as VegaModules['vega'];
    vega.setRandom(vega.randomLCG(1));
    return { vega, vegaLite };
  });
  return modules;
}

/** Vega keeps one global measurer; briefkit points it at the theme's fonts. */
export async function useChartFonts(fonts: FontSet): Promise<void> {
  const { vega } = await loadVega();
  vega.textMetrics.width = (item, text) => {
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    return textWidth(String(text ?? ''), fonts, bold ? 'bold' : 'regular', item.fontSize ?? 11);
  };
}
