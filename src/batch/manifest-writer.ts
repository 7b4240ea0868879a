import { closeSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../errors/briefkit-error.ts';
import { inOutputFolder, makeOutputFolder, refuseFolder } from '../output/write-outputs.ts';

export interface ManifestHeader {
  generator: string;
  each: string;
  data?: string;
  template?: string;
}

export interface BuiltEntry {
  row: number;
  label: string;
  folder: string;
  /** Paths relative to the manifest, with their size and sha256. */
  files: { path: string; bytes: number; sha256: string }[];
}

export interface FailedEntry {
  row: number;
  label: string;
  errors: Diagnostic[];
}

/** The file in the batch folder that lists what was built; no record may take its name. */
export const manifestName = 'manifest.json';

/**
 * Writes `manifest.json` as records finish. Builds finish out of order, so entries wait in a
 * reorder buffer until every earlier record is done: the buffer holds at most the records in
 * flight, and the file lists records in input order. Written to a temp file and renamed at
 * the end, like the outputs, so a manifest is never half-written and no temp file is left.
 * A folder it cannot write is reported as the outputs' is, before any record is built.
 */
export function createManifestWriter(outDir: string, header: ManifestHeader) {
  makeOutputFolder(outDir);
  const target = join(outDir, manifestName);
  // Checked before any record is built, and again at the end (see close).
  inOutputFolder(outDir, () => refuseFolder(target));
  const temp = `${target}.${process.pid}.tmp`;
  const fd = inOutputFolder(outDir, () => openSync(temp, 'w'));
  let open = true;
  const closeFile = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const abort = () => {
    closeFile();
    rmSync(temp, { force: true });
  };
  // writeFileSync, unlike writeSync, writes all of the text or throws: on a full disk a
  // write may take only part of it, which left a cut-off manifest.json behind.
  const write = (text: string) => inOutputFolder(outDir, () => writeFileSync(fd, text));
  const head = JSON.stringify(header, null, 2).replace(/\n\}$/, '');
  try {
    write(`${head},\n  "records": [`);
  } catch (error) {
    abort();
    throw error;
  }
  const waiting = new Map<number, BuiltEntry | undefined>();
  const failed: FailedEntry[] = [];
  let next = 0;
  let written = 0;
  const writeEntry = (entry: BuiltEntry) =>
    write(`${written++ ? ',' : ''}\n    ${JSON.stringify(entry)}`);

  return {
    /** Records the outcome of the record at `seq`; `undefined` for one that was not built. */
    settle(seq: number, entry: BuiltEntry | undefined): void {
      waiting.set(seq, entry);
      while (waiting.has(next)) {
        const ready = waiting.get(next);
        waiting.delete(next);
        next++;
        if (ready) writeEntry(ready);
      }
    },
    fail(entry: FailedEntry): void {
      failed.push(entry);
    },
    /**
     * Finishes the file. After Ctrl-C, records that never settled are simply not listed. If
     * it cannot be finished (a folder took its name meanwhile, say), the temp file goes.
     */
    close(): string {
      try {
        for (const seq of [...waiting.keys()].sort((a, b) => a - b)) {
          const ready = waiting.get(seq);
          if (ready) writeEntry(ready);
        }
        failed.sort((a, b) => a.row - b.row);
        const list = failed.map((f) => `\n    ${JSON.stringify(f)}`).join(',');
        write(`${written ? '\n  ' : ''}],\n  "failed": [${list}${list ? '\n  ' : ''}]\n}\n`);
        closeFile();
        inOutputFolder(outDir, () => {
          refuseFolder(target);
          renameSync(temp, target);
        });
        return target;
      } catch (error) {
        abort();
        throw error;
      }
    },
    abort,
  };
}

export type ManifestWriter = ReturnType<typeof createManifestWriter>;
