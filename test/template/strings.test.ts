import { describe, expect, it } from 'vitest';
import {
  continuedLabel,
  continuedSuffix,
  englishStringsWarning,
  pageLabeller,
  stringsFor,
} from '../../src/template/strings.ts';
import { catchError } from '../helpers/errors.ts';

describe('labels briefkit writes from template strings', () => {
  it('numbers a continued slide: " (2 of 3)" unless the template says otherwise', () => {
    expect(continuedSuffix(continuedLabel({}), 2, 3)).toBe(' (2 of 3)');
    expect(continuedSuffix(continuedLabel({ continued: '（{part}/{parts}）' }), 3, 4)).toBe(
      '（3/4）',
    );
    // A string without placeholders is used as it is.
    expect(continuedSuffix(continuedLabel({ continued: ' (cont.)' }), 2, 3)).toBe(' (cont.)');
  });

  it('fills every placeholder, and leaves unknown names as written', () => {
    const label = pageLabeller({ page_of: '{page}/{pages} · {page} {constructor} {other}' });
    expect(label(2, 5)).toBe('2/5 · 2 {constructor} {other}');
  });
});

describe('stringsFor', () => {
  it('picks the exact tag, then the language, then English', () => {
    const table = { en: { a: 'en' }, de: { a: 'de' }, 'de-AT': { a: 'at' } };
    expect(stringsFor(table, 'de-AT').a).toBe('at');
    expect(stringsFor(table, 'de-DE').a).toBe('de');
    expect(stringsFor(table, 'fr-FR').a).toBe('en');
    expect(stringsFor({}, 'de-DE')).toEqual({});
  });

  it('names the sets there are when none fits the locale, not the first missing key', () => {
    // A set named de_DE (or deu) left a German deck with none: the build failed at the
    // first {{t.key}} with '"in_zahlen" not defined'.
    const place = { file: 'daten.yaml', line: 6, column: 11, path: 'report.locale' };
    const error = catchError(() => stringsFor({ de_DE: { a: 'x' } }, 'de-DE', () => place));
    expect(error.diagnostics).toEqual([
      {
        code: 'template',
        message: 'Template error: the template strings have no set for de-DE: they have de_DE.',
        hint: 'Name a set in strings.yaml by the tag (de-DE) or its language (de), or add an en set.',
        place,
      },
    ]);
  });
});

describe('englishStringsWarning', () => {
  const place = { file: 'data.yaml', line: 3, column: 11, path: 'report.locale' };
  const table = { en: { a: 'en' }, de: { a: 'de' } };

  it('warns when a report in another language gets the English strings', () => {
    // fr-FR: French numbers ("867,5 kg") among English words, and files tagged French.
    expect(englishStringsWarning(table, 'fr-FR', () => place)).toEqual([
      expect.objectContaining({
        code: 'english-strings',
        message: expect.stringContaining('no set for fr-FR'),
        hint: expect.stringContaining('(it has en, de)'),
        place,
      }),
    ]);
  });

  it('is quiet for English, for a set of the tag or its language, and without an English set', () => {
    const quiet = (t: Record<string, Record<string, string>>, locale: string) =>
      englishStringsWarning(t, locale, () => place);
    expect(quiet(table, 'en-GB')).toEqual([]);
    expect(quiet(table, 'de-AT')).toEqual([]);
    expect(quiet({ ...table, 'fr-CA': { a: 'ca' } }, 'fr-CA')).toEqual([]);
    expect(quiet({}, 'fr-FR')).toEqual([]);
  });
});
