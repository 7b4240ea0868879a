import { formatDataPath } from '../data/read-source.ts';
import type { Diagnostic } from '../errors/briefkit-error.ts';
import { mapStrings } from '../template/literal.ts';
import type { FontSet } from './fonts.ts';
import { uncovered } from './measure.ts';

/**
 * One warning per data field holding characters that no configured font can draw, so
 * missing glyphs are reported instead of silently printed as empty boxes.
 */
export function coverageWarnings(data: unknown, fonts: FontSet): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  mapStrings(data, (text, path) => {
    const missing = uncovered(text, fonts);
    if (missing.length) {
      const shown = missing
        .slice(0, 5)
        .map(
          (c) => `${c} (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`,
        );
      warnings.push({
        code: 'missing-glyphs',
        message: `No configured font has ${shown.join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}; they will show as empty boxes.`,
        place: { path: formatDataPath(path) },
        hint: 'The fonts cover Latin, Greek, Cyrillic and Chinese (with kana); replace or remove the other characters.',
      });
    }
    return text;
  });
  return warnings;
}
