import { formatDataPath } from '../data/read-source.ts';
import type { Diagnostic } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
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
        ...messages.missingGlyphs(shown, missing.length - shown.length),
        place: { path: formatDataPath(path) },
      });
    }
    return text;
  });
  return warnings;
}
