import { describe, expect, it } from 'vitest';
import { mergeRecord } from '../../src/data/merge-record.ts';
import { readSource } from '../../src/data/read-source.ts';
import { catchError } from '../helpers/errors.ts';
import { expectFast } from './timing.ts';

const base = readSource('data.yaml', 'report:\n  title: T\nprepared_for: nobody\n');

describe('mergeRecord', () => {
  it('merges the fields and locates them at the record', () => {
    const merged = mergeRecord(base, { label: 'r.csv row 3', fields: { prepared_for: 'Ana' } });
    expect(merged.value).toEqual({ report: { title: 'T' }, prepared_for: 'Ana' });
    expect(merged.locate(['prepared_for'])).toEqual({ file: 'r.csv row 3', path: 'prepared_for' });
    expect(merged.locate(['report', 'title'])).toMatchObject({ file: 'data.yaml', line: 2 });
  });

  it('holds record fields from JSON.parse to the data limits, in under a second', () => {
    const deep = JSON.parse(`{"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const error = expectFast(() =>
      catchError(() =>
        mergeRecord(base, {
          label: 'r.json[4]',
          fields: {
            ...deep,
            big: JSON.parse('1e400'),
            long: 'x'.repeat(20_001),
            list: Array(10_001).fill(0),
          },
        }),
      ),
    );
    expect(error.diagnostics.map((d) => [d.code, d.place?.file, d.place?.path])).toEqual([
      ['data-limit', 'r.json[4]', `x${'[0]'.repeat(99)}`],
      ['bad-number', 'r.json[4]', 'big'],
      ['data-limit', 'r.json[4]', 'long'],
      ['data-limit', 'r.json[4]', 'list'],
    ]);
  });
});
