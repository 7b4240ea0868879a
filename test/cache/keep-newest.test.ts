import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepNewest } from '../../src/cache/keep-newest.ts';
import { tempDir } from '../helpers/sample.ts';

function folderOf(count: number): string {
  const dir = tempDir();
  for (let i = 1; i <= count; i++) {
    const file = join(dir, `${i}.bin`);
    writeFileSync(file, String(i));
    utimesSync(file, i * 1000, i * 1000); // file 1 is the oldest
  }
  writeFileSync(join(dir, 'other.txt'), 'not a cache entry');
  return dir;
}

describe('keepNewest', () => {
  it('leaves a folder within the limit alone', () => {
    const dir = folderOf(3);
    keepNewest(dir, '.bin', 3, 1);
    expect(readdirSync(dir).sort()).toEqual(['1.bin', '2.bin', '3.bin', 'other.txt']);
  });

  it('past the limit, keeps the most recently written, and only touches its own files', () => {
    const dir = folderOf(5);
    keepNewest(dir, '.bin', 4, 2);
    expect(readdirSync(dir).sort()).toEqual(['4.bin', '5.bin', 'other.txt']);
  });

  it('is no error on a folder that is not there', () => {
    expect(() => keepNewest(join(tempDir(), 'missing'), '.bin', 1)).not.toThrow();
  });
});
