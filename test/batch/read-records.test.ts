import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordEntry } from '../../src/batch/batch-record.ts';
import { readRecords } from '../../src/batch/read-records.ts';
import { readSource } from '../../src/data/read-source.ts';
import type { BriefkitError, Diagnostic } from '../../src/errors/briefkit-error.ts';
import { catchError } from '../helpers/errors.ts';
import { tempDir } from '../helpers/sample.ts';

async function read(name: string, text: string): Promise<RecordEntry[]> {
  const file = join(tempDir('briefkit-records-'), name);
  writeFileSync(file, text);
  const entries: RecordEntry[] = [];
  for await (const entry of readRecords(file)) entries.push(entry);
  return entries;
}

describe('reading --each records', () => {
  it('numbers CSV rows by the line they start on, the header being row 1', async () => {
    const entries = await read('r.csv', 'name,note\nA,"two\nlines"\n\nB,x\n');
    expect(entries.map((e) => [e.record.seq, e.record.row])).toEqual([
      [0, 2],
      [1, 5],
    ]);
    expect(entries[0]?.record.label).toMatch(/r\.csv row 2$/);
  });

  it('reads CSV cells as data CSVs are read: numbers, and blanks left out', async () => {
    const entries = await read('r.csv', 'name,count,code,note\n"Hill",12,02139,\n');
    expect(entries[0]).toMatchObject({
      ok: true,
      record: { fields: { name: 'Hill', count: 12, code: '02139' } },
    });
    expect(entries[0]?.ok && 'note' in entries[0].record.fields).toBe(false);
  });

  it('reports a malformed CSV row in its place and reads on', async () => {
    const entries = await read('r.csv', 'name,note\nA,x\nB,y,extra\nC,z\n');
    expect(entries.map((e) => [e.ok, e.record.row])).toEqual([
      [true, 2],
      [false, 3],
      [true, 4],
    ]);
    const bad = entries[1];
    expect(bad && !bad.ok && bad.record.diagnostics[0]).toMatchObject({
      code: 'syntax',
      message: 'Invalid CSV: row 3 has 3 cells, but the header has 2 columns.',
      place: { line: 3 },
    });
  });

  it('reports a row with a bad quote once, though the parser faults in it twice', async () => {
    const entries = await read('r.csv', 'name,note\nA,"x"y\nB,z\n');
    expect(entries.map((e) => [e.ok, e.record.row])).toEqual([[false, 2]]);
  });

  it('says the rows after a bad quote were not read, rather than dropping them unsaid', async () => {
    // csv-parse reads on to the end of the file inside the quote: B and C are never records.
    const [bad, ...rest] = await read('r.csv', 'name,note\nA,"x"y\nB,z\nC,w\n');
    expect(rest).toEqual([]);
    const messages = bad && !bad.ok ? bad.record.diagnostics.map((d) => d.message) : [];
    expect(messages).toEqual([
      'Invalid CSV: row 2: a quoted cell has text after its closing quote; write a quote inside quotes as "".',
      'Invalid CSV: nothing after row 2 was read: after a quote fault the rest of the file reads as part of that row.',
    ]);
  });

  it('says nothing more when a bad quote is on the last row', async () => {
    const entries = await read('r.csv', 'name,note\nA,x\nB,"z"y\n');
    const bad = entries[1];
    expect(bad && !bad.ok && bad.record.diagnostics).toHaveLength(1);
  });

  it('reads a JSON array, reporting items that are not objects by index', async () => {
    const entries = await read('r.json', '[{"name": "A"}, 3, {"name": "C"}]');
    expect(entries.map((e) => [e.ok, e.record.row])).toEqual([
      [true, 0],
      [false, 1],
      [true, 2],
    ]);
    expect(entries[1]?.record.label).toMatch(/r\.json\[1\]$/);
  });

  it('rejects JSON that is not an array', async () => {
    await expect(read('r.json', '{"name": "A"}')).rejects.toMatchObject({ code: 'each-format' });
  });
});

describe('a CSV header', () => {
  it.each([
    ['name,name\nA,B\n', 'the header names column "name" twice.'],
    ['name,\nA,B\n', 'column 2 of the header row has no name.'],
  ])('%j is refused as a whole', async (text, problem) => {
    await expect(read('r.csv', text)).rejects.toMatchObject({
      code: 'syntax',
      message: `Invalid CSV: ${problem}`,
    });
  });
});

describe('CSV faults in --each records and in a dataset', () => {
  /** The first diagnostic of each reader for the same file. */
  async function bothReaders(text: string) {
    const file = join(tempDir('briefkit-records-'), 'r.csv');
    writeFileSync(file, text);
    const entries: RecordEntry[] = [];
    let batch: Diagnostic | undefined;
    try {
      for await (const entry of readRecords(file)) entries.push(entry);
      const bad = entries.find((entry) => !entry.ok);
      batch = bad && !bad.ok ? bad.record.diagnostics[0] : undefined;
    } catch (error) {
      batch = (error as BriefkitError).diagnostics[0];
    }
    return { batch, dataset: catchError(() => readSource(file, text)).diagnostics[0], file };
  }

  it.each([
    ['an extra cell', 'a,b\n1,2\n3,4,5\n', 3, 'row 3 has 3 cells, but the header has 2 columns.'],
    ['a missing cell', 'a,b\n1,2\n3\n', 3, 'row 3 has 1 cell, but the header has 2 columns.'],
    // The row a record starts on, though csv-parse counts the line it ends on.
    ['an extra cell after a line break in a cell', 'a,b\n"x\ny",2,3\n', 2, 'row 2 has 3 cells'],
    ['an unclosed quote', 'a,b\n1,"2\n3,4\n', 2, 'row 2: a quoted cell is never closed'],
    ['text after a closing quote', 'a,b\n1,"2"x\n', 2, 'row 2: a quoted cell has text after'],
    ['a quote in an unquoted cell', 'a,b\n1,2"x\n', 2, 'row 2: a cell that does not start'],
    ['a header naming a column twice', 'a,b,a\n1,2,3\n', 1, 'the header names column "a" twice.'],
    ['such a header after blank lines', '\n\na,a\n1,2\n', 3, 'names column "a" twice.'],
    ['such a header with a line break in a name', '"x\ny",a,a\n1,2,3\n', 1, 'column "a" twice'],
    // Spreadsheet exports end lines with CRLF: one line end, inside a quoted cell too.
    [
      'an extra cell after a CRLF in a cell',
      'a,b\r\n"x\r\ny",2\r\n3,4,5\r\n',
      4,
      'row 4 has 3 cells',
    ],
    ['an extra cell after a lone CR in a cell', 'a,b\r"x\ry",2\r3,4,5\r', 4, 'row 4 has 3 cells'],
    ['an extra cell in a CRLF row after LF rows', 'a,b\n1,2\r\n3,4,5\n', 3, 'row 3 has 3 cells'],
  ])('%s reads the same, in plain words, at the same place', async (_, text, line, words) => {
    const { batch, dataset, file } = await bothReaders(text);
    expect(batch).toEqual(dataset);
    expect(batch).toMatchObject({ code: 'syntax', place: { file, line } });
    expect(batch?.message).toContain(words);
    expect(batch?.message).not.toMatch(/Invalid Record Length|Quote|line \d/);
  });
});
