/**
 * PdfInspection → text lines: header, metadata, fonts, outline, then each page's text and
 * the links. Link boxes use the page's top-left origin, like the PPTX view, so the slides
 * PDF can be compared with the deck; for the same reason dates read as ISO 8601 (the JSON
 * keeps them as the file stores them).
 */
import { formatBox } from './format-pptx.ts';
import type { OutlineItem, PdfInspection } from './model.ts';
import { formatPdfDate } from './pdf-date.ts';

const INDENT = '  ';
const DATE_KEYS = new Set(['CreationDate', 'ModDate']);

function formatOutline(items: readonly OutlineItem[], depth: number): string[] {
  return items.flatMap((item) => {
    const page = item.page === undefined ? '' : `  → p${item.page}`;
    const url = item.url === undefined ? '' : `  → ${item.url}`;
    const title = item.title.replace(/\s+/g, ' ');
    return [
      `${INDENT.repeat(depth)}${title}${page}${url}`,
      ...formatOutline(item.items, depth + 1),
    ];
  });
}

/** A section header, or the header and "none" on one line when the section is empty. */
function section(name: string, body: string[]): string[] {
  return body.length > 0 ? [name, ...body] : [`${name}  none`];
}

export function formatPdf(inspection: PdfInspection): string[] {
  const count = inspection.pages.length;
  const lines = [`PDF  ${count} page${count === 1 ? '' : 's'}  ${inspection.version}`];
  for (const [key, value] of inspection.meta) {
    lines.push(`meta ${key}: ${DATE_KEYS.has(key) ? formatPdfDate(value) : value}`);
  }
  const fonts = inspection.fonts.map(
    (font) => `${INDENT}${font.name}  ${font.type}  ${font.embedded ? 'embedded' : 'not embedded'}`,
  );
  // "none" would be a false claim when the fonts may sit in streams that could not be read.
  lines.push(
    ...(inspection.fontsIncomplete
      ? [`fonts  incomplete: some object streams could not be read (encrypted?)`, ...fonts]
      : section('fonts', fonts)),
  );
  lines.push(...section('outline', formatOutline(inspection.outline, 1)));
  for (const page of inspection.pages) {
    const rotation = page.rotation === undefined ? '' : `  rotated ${page.rotation}°`;
    lines.push(`page ${page.number}  ${page.width}×${page.height}${rotation}`);
    lines.push(...page.lines.map((line) => `${INDENT}${line}`));
  }
  lines.push(
    ...section(
      'links',
      inspection.links.map(
        (link) => `${INDENT}page ${link.page} ${link.target} ${formatBox(link.box)}`,
      ),
    ),
  );
  return lines;
}
