import {
  copyFileSync,
  linkSync,
  mkdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BriefkitError, fail } from '../errors/briefkit-error.ts';
import { messages, type OutputRefusal, outputFolderReasons } from '../errors/messages.ts';

export interface OutputFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Writes every output to a temp file beside its destination, checks every destination can
 * take a file, then renames them all. A failure leaves the previous outputs as they were,
 * every one of them (see replaceAll); no temp file is ever left behind, nor a folder made
 * for outputs that were never written (a batch on a full disk left one empty folder per
 * record). A folder the system will not let us write to is bad input, reported once, naming it.
 */
export function writeOutputs(dir: string, files: readonly OutputFile[]): string[] {
  const made = makeOutputFolder(dir);
  const staged = files.map((file) => {
    const target = join(dir, file.name);
    return { file, target, temp: `${target}.${process.pid}.tmp` };
  });
  /** Temp files we tried to write: only those may need removing. */
  const tried: string[] = [];
  let written = false;
  try {
    inOutputFolder(dir, () => {
      for (const { target } of staged) refuseFolder(target);
      for (const { file, temp } of staged) {
        tried.push(temp);
        writeFileSync(temp, file.bytes);
      }
      replaceAll(staged);
    });
    written = true;
  } finally {
    for (const temp of tried) rmSync(temp, { force: true });
    if (!written) removeEmptyFolders(made);
  }
  return staged.map((s) => s.target);
}

interface Replacement {
  target: string;
  /** The previous output, kept until every new one is in place; null if there was none. */
  previous: string | null;
}

/**
 * Renames each temp file over its destination, keeping the previous output beside it (a hard
 * link, so the destination never goes missing) until all are in place. A rename the system
 * refuses partway (a file locked by a viewer, one made read-only) puts every previous output
 * back: the folder never holds a deck from one build beside PDFs from another.
 */
function replaceAll(staged: readonly { temp: string; target: string }[]): void {
  const done: Replacement[] = [];
  try {
    for (const { temp, target } of staged) {
      const previous = keepPrevious(target);
      try {
        renameSync(temp, target);
      } catch (error) {
        // Refused, the rename changed nothing: the target is still the previous output.
        if (previous) rmSync(previous, { force: true });
        throw error;
      }
      done.push({ target, previous });
    }
  } catch (error) {
    for (const replacement of done.reverse()) putBack(replacement);
    throw error;
  }
  for (const { previous } of done) if (previous) rmSync(previous, { force: true });
}

/** A copy of the file at `target`, beside it, or null when there is none. */
function keepPrevious(target: string): string | null {
  const previous = `${target}.${process.pid}.old`;
  rmSync(previous, { force: true });
  try {
    linkSync(target, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A file system without hard links.
    copyFileSync(target, previous);
  }
  return previous;
}

function putBack({ target, previous }: Replacement): void {
  try {
    if (previous) renameSync(previous, target);
    else rmSync(target, { force: true });
  } catch {
    // Left beside it, as *.old: the error reported says why the build failed.
  }
}

/** Removes the folders `made`, deepest first, as long as nothing else was put in them. */
function removeEmptyFolders(made: readonly string[]): void {
  for (const folder of [...made].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      return; // Not empty (another build of the batch writes there), or gone: leave it.
    }
  }
}

/** Fails, naming the path, when a folder stands where a file is to be written. */
export function refuseFolder(target: string): void {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (stat?.isDirectory()) fail({ ...messages.folderInTheWay(target), place: { file: target } });
}

/**
 * Creates `dir` and its missing parents one level at a time, with `mode` (less the umask).
 * Not `mkdirSync(dir, {recursive: true})`: where a level cannot be made (in /proc, say) that
 * retries forever, and its errors name the level, not why. Here each failure is reported
 * once, as an [output-path] error. Returns the folders it made, outermost first.
 */
export function makeOutputFolder(dir: string, mode?: number): string[] {
  const missing: string[] = [];
  let path = dir;
  let stat = existing(dir, path);
  while (!stat && dirname(path) !== path) {
    missing.unshift(path);
    path = dirname(path);
    stat = existing(dir, path);
  }
  if (stat && !stat.isDirectory()) failOutputFolder(dir, outputFolderReasons.fileInPath(path, dir));
  const made: string[] = [];
  for (const level of missing) {
    try {
      mkdirSync(level, { mode });
      made.push(level);
    } catch (error) {
      // Made meanwhile by another build (a batch's workers share their root): fine.
      if (!existing(dir, level)?.isDirectory()) throw outputFolderError(dir, error);
    }
  }
  return made;
}

/** What is at `path`, or undefined when nothing is (or a file stands in its path). */
function existing(dir: string, path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw outputFolderError(dir, error);
  }
}

/**
 * The [output-path] error for a system error met while writing into `dir`, in plain words,
 * keeping the system error as its cause (see `systemRefusal`); anything else (a BriefkitError
 * already, or a bug) is returned as it is.
 */
export function outputFolderError(dir: string, error: unknown): unknown {
  if (error instanceof BriefkitError || !isSystemError(error)) return error;
  const message = messages.outputFolder(dir, replaceRefusal(error) ?? explainRefusal(error.code));
  return new BriefkitError({ ...message, place: { file: dir } }, 1, { cause: error });
}

/** A refused rename over an existing output names that file: the folder itself may be fine. */
function replaceRefusal(error: NodeJS.ErrnoException & { code: string }): OutputRefusal | null {
  const { dest } = error as { dest?: unknown };
  const refused = ['EPERM', 'EACCES', 'EBUSY'].includes(error.code);
  if (error.syscall !== 'rename' || typeof dest !== 'string' || !refused) return null;
  return outputFolderReasons.cannotReplace(basename(dest), explainRefusal(error.code).reason);
}

/** Why the system refused a write, in plain words, by its error code (`ENOSPC`…), and what to do. */
export function explainRefusal(code: string): OutputRefusal {
  return outputFolderReasons.byCode[code] ?? outputFolderReasons.other(code);
}

/** What the system refused behind an [output-path] error: its code, and the path if it named one. */
export interface SystemRefusal {
  code: string;
  path?: string;
}

export function systemRefusal(error: BriefkitError): SystemRefusal | undefined {
  const { cause } = error;
  if (!isSystemError(cause)) return undefined;
  return { code: cause.code, ...(typeof cause.path === 'string' && { path: cause.path }) };
}

/** Runs `action`, reporting a system error it meets as an [output-path] error for `dir`. */
export function inOutputFolder<T>(dir: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw outputFolderError(dir, error);
  }
}

function failOutputFolder(dir: string, refusal: OutputRefusal): never {
  fail({ ...messages.outputFolder(dir, refusal), place: { file: dir } });
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string'
  );
}
