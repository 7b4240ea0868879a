import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Writes every output to a temp file beside its destination, checks every destination can
 * take a file, then renames them all. A failure before the renames leaves the previous
 * outputs untouched; no temp file is ever left behind.
 */
export function writeOutputs(dir: string, files: readonly OutputFile[]): string[] {
  mkdirSync(dir, { recursive: true });
  const staged = files.map((file) => {
    const target = join(dir, file.name);
    return { file, target, temp: `${target}.${process.pid}.tmp` };
  });
  try {
    for (const { target } of staged) refuseFolder(target);
    for (const { file, temp } of staged) writeFileSync(temp, file.bytes);
    for (const { temp, target } of staged) renameSync(temp, target);
  } finally {
    for (const { temp } of staged) rmSync(temp, { force: true });
  }
  return staged.map((s) => s.target);
}

/** Fails, naming the path, when a folder stands where a file is to be written. */
export function refuseFolder(target: string): void {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (stat?.isDirectory()) fail({ ...messages.folderInTheWay(target), place: { file: target } });
}
