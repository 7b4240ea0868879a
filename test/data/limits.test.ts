import { describe, expect, it } from 'vitest';
import { dataLimits } from '../../src/data/limits.ts';
import { readSource } from '../../src/data/read-source.ts';
import type { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { formatDiagnostic } from '../../src/errors/format.ts';
import { catchError } from '../helpers/errors.ts';
import { expectFast } from './timing.ts';

/** The error reading `text` gives; every limit answers within 1 s. */
function refuse(text: string, file = 'data.yaml'): BriefkitError {
  return expectFast(() => catchError(() => readSource(file, text)));
}

const place = (error: BriefkitError, i = 0) => error.diagnostics[i]?.place;

describe('nesting depth, checked before the parser can overflow the stack', () => {
  const deep = 10_000;
  it.each([
    ['JSON arrays', `${'['.repeat(deep)}${']'.repeat(deep)}`],
    ['JSON objects', `${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}`],
    ['YAML flow maps', `${'{a: '.repeat(deep)}1${'}'.repeat(deep)}`],
    ['YAML compact block lists', `${'- '.repeat(deep)}x`],
    ['YAML explicit keys', `${'? '.repeat(deep)}x`],
    ['YAML indented maps', Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
    [
      'YAML lists at their key’s indentation',
      Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}a:\n${'  '.repeat(i)}-`).join('\n'),
    ],
    ['flow inside block', `a:\n  b: ${'['.repeat(deep)}`],
  ])('%s, 10,000 levels deep: one error at a line, in under 1 s', (_, text) => {
    const error = refuse(text);
    expect(error.diagnostics).toHaveLength(1);
    expect(error.code).toBe('data-limit');
    expect(error.message).toContain('nested more than 100 levels');
    expect(place(error)).toMatchObject({ file: 'data.yaml', line: expect.any(Number) });
  });

  it('reads brackets in quotes, comments and block text as text', () => {
    const text = [
      `a: "${'['.repeat(500)}"`,
      `b: '${'{'.repeat(500)}'`,
      `c: it's [not a list ${'['.repeat(500)}`,
      `# ${'['.repeat(500)}`,
      'd: |',
      `  ${'['.repeat(500)}`,
    ].join('\n');
    expect(() => readSource('ok.yaml', text)).not.toThrow();
  });

  it('counts the nesting that aliases add', () => {
    const anchors = Array.from(
      { length: 7 },
      (_, i) => `a${i}: &a${i} ${'['.repeat(95)}${i ? `*a${i - 1}` : '1'}${']'.repeat(95)}`,
    );
    const error = refuse(anchors.join('\n'));
    expect(error.message).toContain('nested more than 100 levels');
    expect(place(error)).toMatchObject({
      file: 'data.yaml',
      line: 2,
      path: expect.stringMatching(/^a1/),
    });
  });

  it('accepts data nested up to the limit', () => {
    const levels = dataLimits.depth - 1;
    const doc = readSource('ok.json', `${'['.repeat(levels)}1${']'.repeat(levels)}`);
    expect(JSON.stringify(doc.value)).toHaveLength(2 * levels + 1);
  });
});

describe('size limits', () => {
  it('refuses a file over 10 MB before parsing it', () => {
    const text = `a: "${'x'.repeat(dataLimits.fileBytes)}"`;
    const error = refuse(text);
    expect(error.message).toMatch(/The file is 10 MB; data files may be at most 10 MB/);
    expect(place(error)).toEqual({ file: 'data.yaml' });
  });

  it('counts bytes, not characters', () => {
    // 3.5 million CJK characters are 10.5 MB of UTF-8.
    const error = refuse(`a: ${'中'.repeat(3_500_000)}`);
    expect(error.code).toBe('data-limit');
  });

  it('refuses a file with more YAML tokens than parse in about a second', () => {
    const error = refuse(`[${'1,'.repeat(60_000)}1]`, 'data.json');
    expect(error.message).toMatch(/more than 100,000 YAML tokens/);
    expect(error.diagnostics[0]?.hint).toMatch(/CSV/);
    expect(place(error)).toMatchObject({ file: 'data.json', line: 1 });
  });

  it('refuses text longer than 20,000 characters, naming its path and line', () => {
    const error = refuse(`report:\n  title: ok\n  subtitle: ${'x'.repeat(20_001)}\n`);
    expect(formatDiagnostic(error.diagnostics[0] as never)).toMatch(
      /^data\.yaml:3:13 \(report\.subtitle\) {2}The text is 20,001 characters long; text values may be at most 20,000\./,
    );
  });

  it('counts characters, not UTF-16 units', () => {
    expect(() => readSource('ok.yaml', `a: ${'😀'.repeat(20_000)}`)).not.toThrow();
  });

  it('refuses a list longer than 10,000 items, naming its path and line', () => {
    const error = refuse(`rows:\n  - [${Array(10_001).fill('1').join(', ')}]\n`);
    expect(error.message).toBe('The list has 10,001 items; lists may have at most 10,000.');
    expect(place(error)).toMatchObject({ line: 2, column: 5, path: 'rows[0]' });
  });

  it('finds a repeated key among 8,000 in well under a second', () => {
    // The yaml parser's own check compares every pair of keys: quadratic.
    const keys = Array.from({ length: 8_000 }, (_, i) => `k${i}: 1`);
    const error = refuse(`${keys.join('\n')}\nk5: 2\n`);
    expect(error.message).toContain('"k5" is repeated');
    expect(place(error)).toMatchObject({ line: 8_001, path: 'k5' });
  });

  it('names the format the file is written in: a repeated key in JSON is a JSON error', () => {
    const error = catchError(() => readSource('data.json', '{"a": 1, "a": 2}'));
    expect(error.message).toBe('Invalid JSON: Map keys must be unique; "a" is repeated.');
  });

  it('stops an alias bomb, naming where the expansion starts', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'
        .split('')
        .map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ].join('\n');
    const error = refuse(bomb);
    expect(error.code).toBe('data-limit');
    expect(error.message).toMatch(/Aliases \(\*name\) expand to more than 100 copies/);
    expect(place(error)).toMatchObject({ file: 'data.yaml', line: 2 });
  });

  it('reports at most 20 problems and says how many more there were', () => {
    const error = refuse(`a: [${Array(30).fill('.nan').join(', ')}]`);
    expect(error.diagnostics).toHaveLength(20);
    expect(error.diagnostics[19]?.hint).toMatch(/10 more problems/);
  });
});

describe('numbers', () => {
  it.each([
    ['.nan', 'NaN (not a number)'],
    ['.NaN', 'NaN (not a number)'],
    ['.inf', 'infinity'],
    ['-.Inf', 'minus infinity'],
    ['1e400', 'infinity'],
    ['1.5e16', '15000000000000000'],
    ['-2e15', '-2000000000000000'],
    ['123456789012345678901234567890', '1.2345678901234568e+29'],
  ])('refuses %s with its data path and line', (literal, found) => {
    const error = refuse(`figures:\n  - key: mass\n    value: ${literal}\n`);
    expect(error.code).toBe('bad-number');
    expect(error.message).toBe(`Numbers must be finite and at most 1e15 in size; found ${found}.`);
    expect(place(error)).toEqual({
      file: 'data.yaml',
      line: 3,
      column: 12,
      path: 'figures[0].value',
    });
  });

  it('refuses an overflowing JSON number', () => {
    const error = refuse('{\n  "a": [1, 2e308]\n}', 'data.json');
    expect(place(error)).toMatchObject({ line: 2, column: 12, path: 'a[1]' });
  });

  it('accepts numbers up to 1e15, and quoted ones as text', () => {
    const doc = readSource('ok.yaml', 'a: 1e15\nb: -999999999999999\nc: ".nan"\nd: 0x10\n');
    expect(doc.value).toEqual({ a: 1e15, b: -999999999999999, c: '.nan', d: 16 });
  });
});

describe('keys that are JavaScript names', () => {
  it('keeps __proto__ and constructor as plain data', () => {
    const doc = readSource('d.yaml', '__proto__: {polluted: 1}\nconstructor: x\n');
    const value = doc.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
