import { describe, expect, it } from 'vitest';
import { coverageWarnings, drawnText } from '../../src/layout/coverage.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { forEachCodePoint } from '../../src/layout/measure.ts';
import { readTemplate } from '../../src/template/read-template.ts';

const template = readTemplate('templates/briefing');
const fonts = loadFontSet(template.theme.font);

function warningFor(text: string): string {
  const warnings = coverageWarnings({ report: { subtitle: text } }, template, {}, fonts, text);
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

  it('is given only for characters the outputs draw, not for a field no output shows', () => {
    // A batch's column used only to name folders ("🚀 North") is never drawn.
    const data = { school: '🚀 North', report: { subtitle: 'Results 🌱' } };
    const warnings = coverageWarnings(data, template, {}, fonts, 'Synthetic title\nResults 🌱');
    expect(warnings.map((w) => [w.place?.path, w.message])).toEqual([
      ['report.subtitle', expect.stringContaining('🌱 (U+1F331)')],
    ]);
  });
});

describe('the missing-glyphs warning for the locale', () => {
  const locale = { tag: 'fa-IR', place: () => ({ path: 'report.locale' }) };

  it('blames the locale for drawn characters that no data or template text writes', () => {
    // Persian digits, as Intl formats 31 in fa-IR: the fonts have none of them.
    const drawn = `Synthetic figure ${new Intl.NumberFormat('fa-IR').format(31)} kg`;
    const warnings = coverageWarnings({ report: {} }, template, {}, fonts, drawn, locale);
    expect(warnings.map((w) => [w.place?.path, w.message])).toEqual([
      [
        'report.locale',
        expect.stringMatching(
          /^Numbers or dates in fa-IR are written with ۳ \(U\+06F3\), ۱ \(U\+06F1\),/,
        ),
      ],
    ]);
    expect(warnings[0]?.hint).toContain(
      'For Latin digits in this language, set report.locale to fa-IR-u-nu-latn.',
    );
  });

  it('leaves the locale out of characters a data field writes, and of a clean build', () => {
    const data = { report: { subtitle: '۳۱' } };
    expect(
      coverageWarnings(data, template, {}, fonts, '۳۱', locale).map((w) => w.place?.path),
    ).toEqual(['report.subtitle']);
    expect(coverageWarnings({}, template, {}, fonts, 'Synthetic 31 kg', locale)).toEqual([]);
  });
});

describe('drawnText', () => {
  it('takes the text of text frames, table cells, chart labels and speaker notes', async () => {
    const { compile } = await import('../../src/build.ts');
    const { deck, summary } = await compile();
    const text = drawnText(
      [...deck.slides.map((s) => s.frames), ...summary.pages],
      deck.slides.map((s) => s.notes),
    );
    // A title, a table cell, a chart's axis label, and a note of the sample.
    for (const part of ['China Space Station science in 2025', 'What it counts', 'Mass (kg)'])
      expect(text).toContain(part);
    const note = deck.slides.find((s) => s.notes)?.notes ?? '';
    expect(note).not.toBe('');
    expect(text).toContain(note);
  });
});

describe('forEachCodePoint', () => {
  it('visits each code point once: a surrogate pair as one, a lone surrogate as itself', () => {
    const seen: number[] = [];
    forEachCodePoint('a🛰\uD800b', (codePoint) => seen.push(codePoint));
    expect(seen).toEqual([0x61, 0x1f6f0, 0xd800, 0x62]);
  });
});
