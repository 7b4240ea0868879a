import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Writes every output to a temp file beside its destination, then renames them all. A
 * failure before the renames leaves the previous outputs untouched and no temp file behind.
 */
export function writeOutputs(dir: string, files: readonly OutputFile[]): string[] {
  mkdirSync(dir, { recursive: true });
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const target = join(dir, file.name);
      const temp = `${target}.${process.pid}.tmp`;
      staged.push({ temp, target });
      writeFileSync(temp, file.bytes);
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) renameSync(temp, target);
  return staged.map((s) => s.target);
}
