import { fail } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { ChartSpecSource } from '../template/read-template.ts';

/**
 * Specs may never reach the outside world: no `url` anywhere (data, images, hrefs), no
 * image marks. Vega's Node loader would read local files otherwise.
 */
export function guardSpec(chart: ChartSpecSource): void {
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) visit(v, `${path}[${i}]`);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, v] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key === 'url' || key === 'href')
        refuse(chart, `"${here}" would load from outside; inline the data instead.`);
      if (
        (key === 'mark' || key === 'type') &&
        (v === 'image' || (v as { type?: unknown })?.type === 'image')
      ) {
        refuse(chart, `image marks are not allowed (at "${here}").`);
      }
      visit(v, here);
    }
  };
  visit(chart.spec, '');
}

function refuse(chart: ChartSpecSource, detail: string): never {
  fail({ ...messages.chartRefused(chart.name, detail), place: { file: chart.file } });
}
