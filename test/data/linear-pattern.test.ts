import { describe, expect, it } from 'vitest';
import { linearPattern, UnsupportedPattern } from '../../src/data/linear-pattern.ts';

/** Patterns as template schemas write them, each safe to run with RegExp as well. */
const patterns = [
  '^[a-z][a-z0-9_]*$',
  '^\\d{4}-\\d{2}-\\d{2}$',
  '^[\\w.-]+@[\\w-]+\\.\\w+$',
  '^[\\u4e00-\\u9fff]+$',
  '^\\u{1F680}',
  '^\\uD83D\\uDE80$',
  '^\\S+$',
  '^[\\s,;]+$',
  '^[^\\s]+$',
  '\\\\s',
  '^(?<year>\\d{4})$',
  '^\\p{Lu}\\p{Ll}+$',
  '^[\\p{Script=Han}\\p{sc=Latin}]+$',
  '\\P{Script=Han}',
  '^.$',
  'colou?r',
];
const texts = [
  'snake_case',
  '2025-12-31',
  'press@example.org',
  '中国空间站',
  '🚀 launch',
  '🚀',
  'no\u00a0break',
  'two words',
  ' ,\u3000;',
  '\\s',
  '2025',
  'Tiangong',
  '',
  'Colour and color',
  '\r',
  '\u2028',
];

describe('linearPattern', () => {
  it('matches as JavaScript does: escapes, white space, classes and Unicode', () => {
    for (const pattern of patterns) {
      const native = new RegExp(pattern, 'u');
      // In a group, RE2 matches it: groups can backtrack.
      for (const written of [pattern, `(?:${pattern})`]) {
        for (const text of texts) {
          expect(linearPattern(written).test(text), `${written} on ${JSON.stringify(text)}`).toBe(
            native.test(text),
          );
        }
      }
    }
  });

  it('keeps a RegExp only where backtracking cannot take more than linear time', () => {
    const kept = (pattern: string) => linearPattern(pattern) instanceof RegExp;
    for (const pattern of [
      '^[a-z][a-z0-9_]*$',
      '^\\d{4}-\\d{2}$',
      '\\.\\.',
      'colou?r',
      '^.+$',
      '^[^#]*#?$',
      '^a{0,5}b?$',
      '\\s+',
      '_[a-z]+',
    ])
      expect(kept(pattern), pattern).toBe(true);
    for (const pattern of [
      '^([a-z]+_?)+$',
      '^\\d+\\.?\\d*$',
      'a+b',
      'a|b',
      '.*x',
      '\\s+$',
      '\\s+x',
      '^a?a?a?a?a?a?a?a?a?a?a{10}$',
      '^(?:\\w{1000})$',
    ])
      expect(kept(pattern), pattern).toBe(false);
    // Each start of \w{100000} takes 100,000 steps: quadratic, and past what RE2 counts.
    expect(() => linearPattern('\\w{100000}')).toThrow(UnsupportedPattern);
    expect(kept('^\\w{100000}$')).toBe(true);
  });

  it('refuses what RE2 would read otherwise than JavaScript', () => {
    const refused = (pattern: string, flags?: string) => {
      try {
        linearPattern(pattern, flags);
        return undefined;
      } catch (error) {
        return (error as UnsupportedPattern).reason;
      }
    };
    // v reads \p{RGI_Emoji} as strings, which backtrack: 94 s on 24 emoji and a letter.
    expect(refused('^\\p{RGI_Emoji}+$', 'v')).toBe('RE2 matches it, and has no v flag');
    expect(refused('(?:a)+$', 'm')).toBe('RE2 matches it, and has no m flag');
    expect(refused('(?:a)+', 'y')).toBe('RE2 matches it, and has no y flag');
    expect(refused('^(?:[\\S])+$')).toContain('\\S in a class');
    // Without u, \a is the letter a; RE2 would read the bell character.
    expect(refused('^(?:\\a)+$', '')).toContain('as if it had the u flag');
    expect(refused('^(?:a)+$', 'i')).toBeUndefined();
  });

  it('refuses what only backtracking can match, and says what is not a pattern at all', () => {
    const reason = (pattern: string) => {
      try {
        linearPattern(pattern);
      } catch (error) {
        if (error instanceof UnsupportedPattern) return [error.reason, error.isRegExp];
        throw error;
      }
      return undefined;
    };
    expect(reason('^(?!draft)')).toEqual([expect.stringContaining('lookaround'), true]);
    expect(reason('(?<=a)b')).toEqual([expect.stringContaining('lookaround'), true]);
    expect(reason('(a)\\1')).toEqual([expect.stringContaining('backreference'), true]);
    expect(reason('a{1,5000}')).toEqual(['RE2 reads it as invalid repeat count: `{1,5000}`', true]);
    expect(reason('([')).toEqual([expect.stringMatching(/^it is no regular expression/), false]);
  });
});
