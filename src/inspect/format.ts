/**
 * Inspection → the text view. Only data from the file appears, never the time or the
 * environment, so byte-identical files give identical text.
 */
import { formatPdf } from './format-pdf.ts';
import { formatPptx } from './format-pptx.ts';
import type { Inspection } from './model.ts';

type Formatters = {
  [F in Inspection['format']]: (inspection: Extract<Inspection, { format: F }>) => string[];
};

// A registry, not a switch: a new format does not compile until it has a formatter.
const FORMATTERS: Formatters = { pptx: formatPptx, pdf: formatPdf };

/** Renders an inspection as plain text lines, ending with a newline. */
export function formatInspection(inspection: Inspection): string {
  const format = FORMATTERS[inspection.format] as (inspection: Inspection) => string[];
  return `${format(inspection).join('\n')}\n`;
}
