import { describe, expect, it } from 'vitest';
import { coverageWarnings } from '../../src/layout/coverage.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { readTemplate } from '../../src/template/read-template.ts';

const template = readTemplate('templates/briefing');
const fonts = loadFontSet(template.theme.font);

function warningFor(text: string): string {
  const warnings = coverageWarnings({ report: { subtitle: text } }, template, {}, fonts);
  expect(warnings).toHaveLength(1);
  return warnings[0]?.message ?? '';
}

describe('the missing-glyphs warning', () => {
  it('shows a printable character it lacks as itself, with its code point', () => {
    expect(warningFor('🛰 Results')).toContain('🛰 (U+1F6F0)');
  });

  it('shows invisible and format characters only by code point, so they cannot reorder or break the line', () => {
    const message = warningFor('Results\u202E\u0085\u2066 here');
    for (const code of ['U+202E', 'U+0085', 'U+2066']) expect(message).toContain(code);
    expect(message).not.toMatch(/[\u202E\u0085\u2066]/u);
  });
});
