import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/data/read-source.ts';
import { catchError } from '../helpers/errors.ts';

describe('readSource', () => {
  it('parses a text once and shares the frozen result with later reads', () => {
    const first = readSource('shared.yaml', 'list: [1, 2]\n');
    expect(readSource('shared.yaml', 'list: [1, 2]\n')).toBe(first);
    expect(Object.isFrozen((first.value as { list: number[] }).list)).toBe(true);
    expect(readSource('shared.yaml', 'list: [1, 3]\n').value).toEqual({ list: [1, 3] });
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
