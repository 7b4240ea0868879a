import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { compile } from '../../src/build.ts';
import { readSource } from '../../src/data/read-source.ts';
import { validateAgainst } from '../../src/data/validate.ts';
import { formatDiagnostic } from '../../src/errors/format.ts';
import { catchError } from '../helpers/errors.ts';
import { tempDir } from '../helpers/sample.ts';
import { expectFast } from './timing.ts';

const figuresSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['key', 'value'],
    properties: { key: { type: 'string' }, value: { type: 'number' }, unit: { type: 'string' } },
    additionalProperties: false,
  },
};

describe('a .csv dataset', () => {
  it('is a list of records: numbers as numbers, quoted cells as text, blank cells left out', () => {
    const csv =
      '\uFEFFkey,value,unit\r\nmass,867.5,kg\r\n"2025","31",""\r\n\r\nnote,,"two\nlines"\r\n';
    const doc = readSource('figures.csv', csv);
    expect(doc.value).toEqual([
      { key: 'mass', value: 867.5, unit: 'kg' },
      { key: '2025', value: '31', unit: '' },
      { key: 'note', unit: 'two\nlines' },
    ]);
  });

  it('keeps codes with leading zeros, and JSON-style numbers only, as numbers', () => {
    const doc = readSource('c.csv', 'a,b,c,d,e\n02139,0x10,1e3,-0.5,NaN\n');
    expect(doc.value).toEqual([{ a: '02139', b: '0x10', c: 1000, d: -0.5, e: 'NaN' }]);
  });

  it('names the file, row and column of a schema error', () => {
    const csv = 'key,value\nmass,867.5\ndown,n/a\n';
    const error = catchError(() => validateAgainst(readSource('figures.csv', csv), figuresSchema));
    expect(error.diagnostics.map(formatDiagnostic)).toEqual([
      'figures.csv:3 (row 3, column "value")  Expected a number, found the text "n/a".  [schema]',
    ]);
  });

  it('names the row of a missing field', () => {
    const error = catchError(() =>
      validateAgainst(readSource('f.csv', 'key,unit\nmass,kg\n'), figuresSchema),
    );
    expect(error.diagnostics[0]?.place).toEqual({ file: 'f.csv', line: 2, path: 'row 2' });
    expect(error.message).toBe('Missing required field "value".');
  });

  it('counts rows by the line they start on, after multi-line cells and blank lines', () => {
    const csv = 'key,value\n"a\nb",1\n\nc,oops\n';
    const error = catchError(() => validateAgainst(readSource('f.csv', csv), figuresSchema));
    expect(error.diagnostics[0]?.place).toEqual({
      file: 'f.csv',
      line: 5,
      path: 'row 5, column "value"',
    });
  });

  it.each([
    [
      'a row with an extra cell',
      'a,b\n1,2\n3,4,5\n',
      { file: 't.csv', line: 3 },
      'row 3 has 3 cells, but the header has 2 columns.',
    ],
    [
      'a row with a missing cell',
      'a,b\n1,2\n3\n',
      { file: 't.csv', line: 3 },
      'row 3 has 1 cell, but the header has 2 columns.',
    ],
    [
      'an unclosed quote',
      'a,b\n1,"2\n3,4\n',
      { file: 't.csv', line: 2, path: 'row 2, column "b"' },
      'a quoted cell is never closed',
    ],
    [
      'text after a closing quote',
      'a,b\n1,"2"x\n',
      { file: 't.csv', line: 2, path: 'row 2, column "b"' },
      'a quoted cell has text after its closing quote',
    ],
    [
      'a quote inside an unquoted cell',
      'a,b\n1,2"x\n',
      { file: 't.csv', line: 2, path: 'row 2, column "b"' },
      'a cell that does not start with a quote has one inside',
    ],
  ])('refuses %s, naming the row, so no cell is dropped', (_, csv, place, message) => {
    const error = catchError(() => readSource('t.csv', csv));
    expect(error.code).toBe('syntax');
    expect(error.message).toContain(message);
    expect(error.diagnostics[0]?.place).toEqual(place);
  });

  it('refuses a header with a blank or repeated column name', () => {
    const error = catchError(() => readSource('t.csv', 'a,,a\n1,2,3\n'));
    expect(error.diagnostics.map((d) => [d.message, d.place?.path])).toEqual([
      ['Invalid CSV: column 2 of the header row has no name.', 'row 1, column 2'],
      ['Invalid CSV: the header names column "a" twice.', 'row 1, column 3'],
    ]);
  });

  it('says a table separated by tabs or semicolons is not separated by commas', () => {
    for (const [text, by] of [
      ['crop\tkg\nBeans\t12\n', 'tabs'],
      ['crop;kg\nBeans;12\n', 'semicolons'],
    ]) {
      const error = catchError(() => readSource('t.csv', text as string));
      expect(error.message).toBe(
        `Invalid CSV: the header row is one column with ${by} in it: the file is separated by ${by}, not commas.`,
      );
      expect(error.diagnostics[0]?.place).toMatchObject({ file: 't.csv', line: 1 });
    }
    // A comma-separated header may hold a semicolon in one of its names.
    expect(readSource('t.csv', 'crop;type,kg\nBeans,12\n').value).toEqual([
      { 'crop;type': 'Beans', kg: 12 },
    ]);
  });

  it('refuses an empty file', () => {
    expect(catchError(() => readSource('t.csv', '')).message).toMatch(/needs a header row/);
  });

  it('refuses bad numbers and long text, naming the row and column', () => {
    const csv = `a,b\n1e400,ok\n2,${'x'.repeat(20_001)}\n`;
    const error = catchError(() => readSource('t.csv', csv));
    expect(error.diagnostics.map((d) => [d.code, d.place?.path])).toEqual([
      ['bad-number', 'row 2, column "a"'],
      ['data-limit', 'row 3, column "b"'],
    ]);
  });

  it('refuses more than 10,000 rows in under a second', () => {
    const csv = `a\n${'1\n'.repeat(10_001)}`;
    const error = expectFast(() => catchError(() => readSource('t.csv', csv)));
    expect(error.message).toBe('The table has more than 10,000 rows.');
    expect(error.diagnostics[0]?.place).toMatchObject({ line: 10_002 });
  });

  it('keeps a "__proto__" column as a plain field', () => {
    const [row] = readSource('t.csv', '__proto__,constructor\nx,y\n').value as object[];
    expect(Object.keys(row ?? {})).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });
});

describe('!csv tables in a YAML dataset', () => {
  function folder(files: Record<string, string>): string {
    const dir = tempDir('briefkit-csv-');
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }
  const read = (dir: string, file = 'data.yaml') =>
    readSource(join(dir, file), readFileSync(join(dir, file), 'utf8'));

  it('puts the rows where the tag is, and locates errors in the CSV file', () => {
    const dir = folder({
      'data.yaml': 'title: T\nfigures: !csv tables/figures.csv\n',
      'tables/figures.csv': 'key,value\nmass,867.5\ndown,83.92 kg\n',
    });
    const doc = read(dir);
    expect(doc.value).toEqual({
      title: 'T',
      figures: [
        { key: 'mass', value: 867.5 },
        { key: 'down', value: '83.92 kg' },
      ],
    });
    const schema = { type: 'object', properties: { figures: figuresSchema } };
    const error = catchError(() => validateAgainst(doc, schema));
    expect(error.diagnostics[0]?.place).toEqual({
      file: join(dir, 'tables/figures.csv'),
      line: 3,
      path: 'row 3, column "value"',
    });
    expect(doc.locate(['title'])).toMatchObject({ line: 1, path: 'title' });
  });

  it('reads the table again when the dataset text is unchanged but the CSV file changed', () => {
    const dir = folder({ 'data.yaml': 'figures: !csv f.csv\n', 'f.csv': 'key,value\nmass,1\n' });
    expect(read(dir).value).toEqual({ figures: [{ key: 'mass', value: 1 }] });
    writeFileSync(join(dir, 'f.csv'), 'key,value\nmass,2\n');
    expect(read(dir).value).toEqual({ figures: [{ key: 'mass', value: 2 }] });
  });

  it.each([
    ['a parent folder', '../secret.csv', 'it leaves the dataset’s folder'],
    ['an absolute path', '/etc/passwd.csv', 'it leaves the dataset’s folder'],
    ['a file that is not CSV', '/etc/passwd', 'only .csv files can be read as tables'],
    ['a missing file', 'nope.csv', 'no such file in the dataset’s folder'],
    ['a symlink out of the folder', 'link.csv', 'it resolves outside the dataset’s folder'],
  ])('refuses %s, at the tag’s line', (_, ref, detail) => {
    const outside = folder({ 'secret.csv': 'a\n1\n' });
    const dir = folder({ 'data.yaml': `a: 1\nfigures: !csv ${ref}\n` });
    symlinkSync(join(outside, 'secret.csv'), join(dir, 'link.csv'));
    const error = catchError(() => read(dir));
    expect(error.code).toBe('data-file');
    expect(error.message).toBe(`Table "${ref}" cannot be used: ${detail}.`);
    expect(error.diagnostics[0]?.place).toMatchObject({ line: 2, column: 15 });
  });

  it('refuses the tag on anything but a file name, and aliases of a table', () => {
    const dir = folder({
      'a.yaml': 'figures: !csv [x.csv]\n',
      'b.yaml': 'figures: &t !csv f.csv\ncopy: *t\n',
      'f.csv': 'a\n1\n',
    });
    expect(catchError(() => read(dir, 'a.yaml')).message).toMatch(/takes a file name/);
    const alias = catchError(() => read(dir, 'b.yaml'));
    expect(alias.message).toMatch(/an alias cannot stand for a !csv table/);
    expect(alias.diagnostics[0]?.place).toMatchObject({ line: 2 });
  });

  it('builds the sample with its figures read from a CSV table', async () => {
    const sample = parse(readFileSync('data/space-station-2025.yaml', 'utf8'));
    const rows = sample.figures as Record<string, unknown>[];
    const columns = ['key', 'qualifier', 'value', 'unit', 'short', 'label', 'source'];
    const csv = [
      columns.join(','),
      ...rows.map((r) =>
        columns.map((c) => (r[c] === undefined ? '' : JSON.stringify(r[c]))).join(','),
      ),
    ].join('\n');
    // JSON.stringify quotes text (kept as text) and leaves numbers bare (read as numbers).
    const yaml = stringify({ ...sample, figures: 'FIGURES' }).replace(
      'figures: FIGURES',
      'figures: !csv figures.csv',
    );
    const dir = folder({ 'data.yaml': yaml, 'figures.csv': csv });
    const { deck } = await compile({ data: join(dir, 'data.yaml') });
    const json = JSON.stringify(deck);
    for (const figure of ['about 867.5 kg', '83.92 kg', 'over 50 patents']) {
      expect(json).toContain(figure);
    }
  });
});
