import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataLimits } from '../../src/data/limits.ts';
import { formatDataPath, readSource } from '../../src/data/read-source.ts';
import { catchError } from '../helpers/errors.ts';
import { tempDir, thenStored } from '../helpers/sample.ts';

describe('readSource', () => {
  it('parses a text once and shares the frozen result with later reads', () => {
    const first = readSource('shared.yaml', 'list: [1, 2]\n');
    expect(readSource('shared.yaml', 'list: [1, 2]\n')).toBe(first);
    expect(Object.isFrozen((first.value as { list: number[] }).list)).toBe(true);
    expect(readSource('shared.yaml', 'list: [1, 3]\n').value).toEqual({ list: [1, 3] });
  });

  it('keeps numbers under asWritten paths as the text written, and keeps the two reads apart', () => {
    const text = 'colors: { text: 000000, chart: [006400, 1E5000] }\nsize: 006400\n';
    const asWritten = readSource('theme.yaml', text, { asWritten: [['colors']] });
    expect(asWritten.value).toEqual({
      colors: { text: '000000', chart: ['006400', '1E5000'] },
      size: 6400,
    });
    const plain = readSource('theme.yaml', 'colors: { text: 000000 }\n');
    expect(plain.value).toEqual({ colors: { text: 0 } });
    expect(
      readSource('theme.yaml', 'colors: { text: 000000 }\n', { asWritten: [['colors']] }).value,
    ).toEqual({ colors: { text: '000000' } });
  });

  it('locates values by data path', () => {
    const doc = readSource('data.yaml', 'report:\n  title: Hello\nitems:\n  - a\n  - b\n');
    expect(doc.value).toEqual({ report: { title: 'Hello' }, items: ['a', 'b'] });
    expect(doc.locate(['items', 1])).toEqual({
      file: 'data.yaml',
      line: 5,
      column: 5,
      path: 'items[1]',
    });
    expect(doc.locate(['report', 'missing'])).toMatchObject({ line: 2, path: 'report.missing' });
  });

  it('reports a syntax error with file, line and column', () => {
    const error = catchError(() => readSource('bad.yaml', 'a: 1\nb: [1, 2\nc: 3\n'));
    expect(error.code).toBe('syntax');
    expect(error.diagnostics[0]?.place).toMatchObject({ file: 'bad.yaml', line: 3 });
  });

  it('reports one YAML syntax error, where the text first goes wrong', () => {
    // One space too many before `subtitle`: the parser finds several errors from there on.
    const text = 'report:\n  title: x\n   subtitle: y\n  locale: en-US\n';
    const error = catchError(() => readSource('indent.yaml', text));
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]?.place).toMatchObject({ file: 'indent.yaml', line: 2 });
  });

  it('says to quote a value with ": " in it, the line as it should be written', () => {
    const text = 'report:\n  subtitle: Results: the year - note: done\nitems:\n  - key: a: b\n';
    const error = catchError(() => readSource('colon.yaml', text));
    expect(error.diagnostics[0]).toMatchObject({
      place: { file: 'colon.yaml', line: 2, column: 13 },
      hint: 'Text with ": " (a colon and a space) in it needs quotes: subtitle: "Results: the year - note: done"',
    });
    const listed = catchError(() => readSource('colon.yaml', 'items:\n  - key: a: b\n'));
    expect(listed.diagnostics[0]?.hint).toContain('- key: "a: b"');
    // A comment stays one, out of the quotes: copied, the hint must not publish it.
    const noted = catchError(() => readSource('colon.yaml', 'subtitle: a: b  # note: check\n'));
    expect(noted.diagnostics[0]?.hint).toMatch(/: subtitle: "a: b" {2}# note: check$/);
    // Another mistake the parser names alike is not about colons: no such hint.
    const nested = catchError(() =>
      readSource('nested.yaml', 'report:\n  title: x\n  - subtitle: a: b\n'),
    );
    expect(nested.diagnostics[0]?.hint).toBeUndefined();
  });

  it('reports a quote left open where it opens, not at the end of the file', () => {
    const text = 'report:\n  title: "Garden\n  source: docs\nsources:\n  docs: x\n';
    const error = catchError(() => readSource('open.yaml', text));
    expect(error.diagnostics).toEqual([
      expect.objectContaining({ place: { file: 'open.yaml', line: 2, column: 10 } }),
    ]);
    expect(error.message).toContain('Missing closing "quote');
    const escaped = catchError(() => readSource('escaped.yaml', 'a: "x\\"\nb: 1\n'));
    expect(escaped.diagnostics[0]?.place).toMatchObject({ line: 1, column: 4 });
  });

  it('reports a JSON syntax error in JSON’s words, at its line and column', () => {
    const error = catchError(() => readSource('spec.json', '{\n  "a": 1\n  "b": 2\n}\n'));
    expect(error.diagnostics).toEqual([
      {
        code: 'syntax',
        message: "Invalid JSON: Expected ',' or '}' after property value.",
        place: { file: 'spec.json', line: 3, column: 3 },
      },
    ]);
  });

  it('reads JSON that starts with a byte-order mark, and names a bad token without quoting the file', () => {
    expect(readSource('bom.json', '\uFEFF{"a": 1}').value).toEqual({ a: 1 });
    const error = catchError(() => readSource('token.json', '{\n  "a": 1,\n  "b": about 5\n}\n'));
    expect(error.diagnostics).toEqual([
      {
        code: 'syntax',
        message: "Invalid JSON: Unexpected token 'a'.",
        place: { file: 'token.json', line: 3, column: 8 },
      },
    ]);
    const cut = catchError(() => readSource('cut.json', '{\n  "a": [1, 2'));
    expect(cut.diagnostics[0]?.place).toEqual({ file: 'cut.json', line: 2, column: 13 });
  });

  it('parses JSON with positions too', () => {
    const doc = readSource('data.json', '{\n  "a": {\n    "b": 1\n  }\n}');
    expect(doc.locate(['a', 'b'])).toMatchObject({ line: 3, column: 10 });
  });

  it('rejects duplicate keys', () => {
    expect(catchError(() => readSource('d.yaml', 'a: 1\na: 2\n')).diagnostics[0]?.place?.line).toBe(
      2,
    );
  });
});

describe('readSource with a store on disk', () => {
  const saved = process.env.BRIEFKIT_CACHE_DIR;
  afterEach(() => {
    process.env.BRIEFKIT_CACHE_DIR = saved;
  });

  /** readSource from a fresh module graph: nothing in memory, as in a new process. */
  async function freshRead(store: string, file: string, text: string) {
    process.env.BRIEFKIT_CACHE_DIR = store;
    vi.resetModules();
    const { readSource: read } = await import('../../src/data/read-source.ts');
    return thenStored(() => read(file, text));
  }
  const entries = (store: string) => readdirSync(join(store, 'parsed'));

  it('reads a file parsed by an earlier process back, and still locates its values', async () => {
    const store = tempDir();
    const text = 'report:\n  title: Hello\nitems: [a, b]\n';
    const first = await freshRead(store, 'data.yaml', text);
    const [entry] = entries(store);
    // Proof that the next read comes from the store: an edited entry shows.
    const file = join(store, 'parsed', entry as string);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.value.value.report.title = 'From the store';
    writeFileSync(file, JSON.stringify(stored));
    const again = await freshRead(store, 'other.yaml', text);
    expect(again.value).toEqual({
      ...(first.value as object),
      report: { title: 'From the store' },
    });
    expect(Object.isFrozen(again.value)).toBe(true);
    expect(again.locate(['items', 1])).toEqual({
      file: 'other.yaml',
      line: 3,
      column: 12,
      path: 'items[1]',
    });
  });

  it('keeps YAML and JSON apart: a text read as YAML before is still checked as JSON', async () => {
    const store = tempDir();
    const text = 'report:\n  title: Hello\n';
    expect((await freshRead(store, 'data.yaml', text)).value).toEqual({
      report: { title: 'Hello' },
    });
    await expect(freshRead(store, 'data.json', text)).rejects.toMatchObject({
      diagnostics: [{ code: 'syntax', place: { file: 'data.json', line: 1 } }],
    });
    // And the other way round: JSON read first, then the same text as YAML, both stored.
    const json = '{"a": [1, 2]}\n';
    await freshRead(store, 'a.json', json);
    expect((await freshRead(store, 'a.yaml', json)).value).toEqual({ a: [1, 2] });
    expect(entries(store)).toHaveLength(3);
  });

  it('checks the data limits on what it reads back', async () => {
    const store = tempDir();
    const text = 'title: short\n';
    await freshRead(store, 'data.yaml', text);
    const [entry] = entries(store);
    const file = join(store, 'parsed', entry as string);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.value.value.title = 'x'.repeat(dataLimits.stringLength + 1);
    writeFileSync(file, JSON.stringify(stored));
    await expect(freshRead(store, 'data.yaml', text)).rejects.toMatchObject({
      diagnostics: [{ place: { file: 'data.yaml', line: 1, column: 8, path: 'title' } }],
    });
  });

  it('keeps only what JSON gives back exactly', async () => {
    const store = tempDir();
    await freshRead(store, 'a.yaml', '__proto__: {x: 1}\n');
    await freshRead(store, 'b.yaml', 'x: -0\n');
    await freshRead(store, 'c.csv', 'x\n1\n');
    expect(readdirSync(store)).not.toContain('parsed');
    await freshRead(store, 'd.yaml', 'x: 1.5\n');
    expect(entries(store)).toHaveLength(1);
  });
});

describe('formatDataPath', () => {
  it('shows a key from the data as text: no terminal escape, line break or direction override', () => {
    expect(formatDataPath(['glossary', 'a\u001b[2Jb\n\u202Ec', 0, 'ok key'])).toBe(
      'glossary.a\\u{1b}[2Jb\\u{a}\\u{202e}c[0].ok key',
    );
  });
});
