/**
 * Charts whose list down the side is too long for their height: Vega sets every label
 * anyway, over each other, so the build warns, naming the chart and the first page.
 */
import type { Diagnostic } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { Frame } from './frames.ts';

export function crowdedChartWarnings(
  pages: readonly { name: string; frames: readonly Frame[]; slide: boolean }[],
  specFile: (chart: string) => string,
): Diagnostic[] {
  const seen = new Map<string, Diagnostic>();
  for (const { name, frames, slide } of pages) {
    for (const frame of frames) {
      if (frame.kind !== 'chart') continue;
      const { chart } = frame;
      if (!chart.crowded || seen.has(chart.name)) continue;
      const message = messages.crowdedChart(chart.name, name, chart.crowded, slide);
      seen.set(chart.name, { ...message, place: { file: specFile(chart.name) } });
    }
  }
  return [...seen.values()];
}
