import { formatDataPath } from '../data/read-source.ts';
import type { Diagnostic, Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { Run } from '../model/document.ts';
import { mapStrings } from '../template/literal.ts';
import type { TemplateBundle } from '../template/read-template.ts';
import type { Strings } from '../template/strings.ts';
import type { FontSet } from './fonts.ts';
import type { Frame } from './frames.ts';
import { uncovered } from './measure.ts';

/**
 * One warning per data field, template file, theme footer, template string or chart spec
 * holding characters that no configured font can draw and that the outputs draw (`drawn`),
 * so missing glyphs are reported instead of silently printed as empty boxes. A character
 * only in a field no output shows (a batch's column used for folder names) is no warning.
 * One drawn but written in none of them comes from formatting in the report's `locale`:
 * Persian digits, an Arabic decimal sign.
 */
export function coverageWarnings(
  data: unknown,
  template: Pick<TemplateBundle, 'deck' | 'summary' | 'theme' | 'footerPlace' | 'charts'>,
  strings: Strings,
  fonts: FontSet,
  drawn: string,
  locale?: { tag: string; place: () => Place },
): Diagnostic[] {
  const shown = new Set(uncovered(drawn, fonts));
  if (shown.size === 0) return [];
  const texts: [string, Place][] = [];
  mapStrings(data, (text, path) => {
    texts.push([text, { path: formatDataPath(path) }]);
    return text;
  });
  for (const source of [template.deck, template.summary])
    texts.push([source.text, { file: source.file }]);
  if (template.theme.footer) texts.push([template.theme.footer, template.footerPlace]);
  for (const [key, text] of Object.entries(strings)) texts.push([text, { path: `t.${key}` }]);
  for (const chart of template.charts.values())
    texts.push([JSON.stringify(chart.spec), { file: chart.file }]);
  const written = new Set<string>();
  const warnings = texts.flatMap(([text, place]) => {
    const missing = uncovered(text, fonts).filter((char) => shown.has(char));
    for (const char of missing) written.add(char);
    return missing.length ? [{ ...missingGlyphs(missing), place }] : [];
  });
  const formatted = [...shown].filter((char) => !written.has(char));
  if (formatted.length && locale)
    warnings.push({ ...missingGlyphs(formatted, locale.tag), place: locale.place() });
  return warnings;
}

/**
 * The text the outputs draw in the configured fonts: their frames' (charts' labels too) and
 * the speaker notes, which handouts print.
 */
export function drawnText(pages: Iterable<readonly Frame[]>, notes: readonly string[]): string {
  const runs = (cells: readonly { runs: readonly Run[] }[]) =>
    cells.flatMap((cell) => cell.runs.map((run) => run.text));
  const texts = (frame: Frame): string[] => {
    if (frame.kind === 'text') return runs(frame.paragraphs);
    if (frame.kind === 'table') return runs([...frame.header, ...frame.rows.flat()]);
    if (frame.kind === 'chart')
      return frame.chart.drawing.ops.flatMap((op) => (op.op === 'text' ? [op.text] : []));
    return [];
  };
  return [...[...pages].flat().flatMap(texts), ...notes].join('\n');
}

/**
 * Control, format (bidi overrides), separator and ignorable characters: printed as they are
 * they would reorder, break or vanish from the terminal line, so they are shown only as U+XXXX.
 */
const UNPRINTABLE = /[\p{C}\p{Z}\p{Default_Ignorable_Code_Point}]/u;

/** The warning for `missing`; with `locale`, for characters its formatting writes. */
function missingGlyphs(missing: string[], locale?: string) {
  const shown = missing.slice(0, 5).map((c) => {
    const code = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return UNPRINTABLE.test(c) ? code : `${c} (${code})`;
  });
  const more = missing.length - shown.length;
  return locale
    ? messages.missingLocaleGlyphs(locale, shown, more, withLatinDigits(locale))
    : messages.missingGlyphs(shown, more);
}

/** The locale with Latin digits (`fa-IR-u-nu-latn`); null if it has them already. */
function withLatinDigits(locale: string): string | null {
  if (new Intl.NumberFormat(locale).resolvedOptions().numberingSystem === 'latn') return null;
  return new Intl.Locale(locale, { numberingSystem: 'latn' }).toString();
}
