import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordEntry } from '../../src/batch/batch-record.ts';
import { readRecords } from '../../src/batch/read-records.ts';
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
      code: 'csv',
      place: { line: 3 },
    });
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
    ['name,name\nA,B\n', 'names "name" twice'],
    ['name,\nA,B\n', 'has an empty column name'],
  ])('%j is refused as a whole', async (text, problem) => {
    await expect(read('r.csv', text)).rejects.toMatchObject({
      code: 'syntax',
      message: expect.stringContaining(problem),
    });
  });
});
