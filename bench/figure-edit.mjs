// The data edit the bench times: a copy of the sample dataset with one figure changed.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Returns edit(i): writes the sample to `file` with mass_up set to 867.5 + from + i. The
 * measures of one bench run share a chart store, so each edits from its own `from`: a value
 * another measure drew is a stored chart, and its rebuild would draw nothing.
 */
export function figureEditor(file, from = 0) {
  const sample = readFileSync(new URL('../data/space-station-2025.yaml', import.meta.url), 'utf8');
  if (!sample.includes('value: 867.5')) throw new Error('The sample no longer has mass_up 867.5.');
  return (i) => writeFileSync(file, sample.replace('value: 867.5', `value: ${867.5 + from + i}`));
}
