import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { isBriefkitError } from '../../src/errors/briefkit-error.ts';
import { outputFolderError, writeOutputs } from '../../src/output/write-outputs.ts';
import { testContext } from '../cli/helpers/context.ts';
import { catchError } from '../helpers/errors.ts';
import { tempDir } from '../helpers/sample.ts';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

/** A system error as node:fs throws it. */
const systemError = (code: string, syscall: string) =>
  Object.assign(new Error(`${code}: ${syscall}`), { code, syscall });

describe('writeOutputs: a folder it cannot write', () => {
  it('names a file in the folder’s path, and writes nothing', () => {
    const dir = tempDir('briefkit-out-');
    const blocker = join(dir, 'afile');
    writeFileSync(blocker, 'not a folder');
    const out = join(blocker, 'sub', 'deeper');

    const error = catchError(() => writeOutputs(out, [file('a.txt', 'A')]));

    expect(error.diagnostics).toEqual([
      {
        code: 'output-path',
        message: `Cannot write to the output folder "${out}": "${blocker}" is a file, not a folder.`,
        hint: 'Move the file out of the way, or choose another --out.',
        place: { file: out },
      },
    ]);
    expect(readdirSync(dir)).toEqual(['afile']);
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder');
  });

  it('says so when --out itself is a file', () => {
    const out = join(tempDir('briefkit-out-'), 'afile');
    writeFileSync(out, 'not a folder');
    const error = catchError(() => writeOutputs(out, [file('a.txt', 'A')]));
    expect(error.message).toBe(`Cannot write to the output folder "${out}": it is a file.`);
  });

  it('creates the missing levels of a folder it can write', () => {
    const out = join(tempDir('briefkit-out-'), 'a', 'b', 'c');
    expect(writeOutputs(out, [file('a.txt', 'A')])).toEqual([join(out, 'a.txt')]);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('A');
  });

  it.runIf(existsSync('/proc/self'))(
    'fails at once, not in an endless loop, where no folder can be created (/proc)',
    () => {
      // A child process: recursive mkdirSync looped there forever, blocking its thread.
      const script = [
        "const { writeOutputs } = await import('./src/output/write-outputs.ts');",
        "try { writeOutputs('/proc/briefkit-nope/sub', []); } catch (e) { console.log(e.message); }",
      ].join('\n');
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        { encoding: 'utf8', timeout: 20_000 },
      );
      expect(run.signal).toBeNull();
      expect(run.stdout.trim()).toBe(
        'Cannot write to the output folder "/proc/briefkit-nope/sub": a folder cannot be created there.',
      );
    },
  );

  it.each([
    ['EACCES', 'open', 'permission denied', 'make this folder one you can write to'],
    ['EPERM', 'mkdir', 'permission denied', 'make this folder one you can write to'],
    ['EROFS', 'open', 'the file system is read-only', 'a disk you can write to'],
    ['ENOSPC', 'write', 'the disk is full', 'Free some space on the disk'],
    ['EDQUOT', 'write', 'the disk quota is used up', 'Free some space within your quota'],
    ['ENAMETOOLONG', 'open', 'a name in its path is too long', 'a shorter --out'],
    ['EIO', 'write', 'the system refused (EIO)', 'Choose another --out.'],
  ])(
    'words a system error %s (%s) as “%s”, with a hint that fits it',
    (code, syscall, reason, hint) => {
      const error = outputFolderError('/srv/out', systemError(code, syscall));
      expect(isBriefkitError(error) && error.diagnostics).toEqual([
        {
          code: 'output-path',
          message: `Cannot write to the output folder "/srv/out": ${reason}.`,
          hint: expect.stringContaining(hint),
          place: { file: '/srv/out' },
        },
      ]);
    },
  );

  it('leaves errors that are not the system’s (bugs) as they are', () => {
    const bug = new TypeError('x is undefined');
    expect(outputFolderError('/srv/out', bug)).toBe(bug);
  });

  it('keeps the previous outputs and leaves no temp file when a later one cannot be written', () => {
    const out = tempDir('briefkit-out-');
    writeOutputs(out, [file('a.txt', 'old A')]);
    // A name the file system refuses (too long): the first file is staged, the second fails.
    const error = catchError(() =>
      writeOutputs(out, [file('a.txt', 'new A'), file(`${'b'.repeat(300)}.txt`, 'B')]),
    );
    expect(error.message).toBe(
      `Cannot write to the output folder "${out}": a name in its path is too long.`,
    );
    expect(readdirSync(out)).toEqual(['a.txt']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old A');
  });

  it('puts every previous output back when a later one cannot replace its file', () => {
    const out = tempDir('briefkit-out-');
    writeOutputs(out, [file('a.txt', 'old A'), file('b.txt', 'old B')]);
    // As when a viewer holds b.txt open on Windows, or it was made read-only.
    const fsDefault = (fs as unknown as { default: typeof fs }).default;
    const rename = fsDefault.renameSync;
    const refused = vi.spyOn(fsDefault, 'renameSync').mockImplementation((from, to) => {
      if (String(to).endsWith('b.txt'))
        throw Object.assign(systemError('EPERM', 'rename'), { dest: String(to) });
      rename(from, to);
    });
    syncBuiltinESMExports();
    let error: ReturnType<typeof catchError>;
    try {
      error = catchError(() =>
        writeOutputs(out, [file('new.txt', 'N'), file('a.txt', 'new A'), file('b.txt', 'new B')]),
      );
    } finally {
      refused.mockRestore();
      syncBuiltinESMExports();
    }
    expect(error.diagnostics[0]?.code).toBe('output-path');
    expect(error.message).toBe(
      `Cannot write to the output folder "${out}": "b.txt" in it cannot be replaced (permission denied).`,
    );
    expect(error.diagnostics[0]?.hint).toContain('Close it in any program that has it open');
    // new.txt and a.txt had been replaced: both are undone, and nothing else is left.
    expect(readdirSync(out).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old A');
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('old B');
    // And the next build replaces them all.
    writeOutputs(out, [file('a.txt', 'new A'), file('b.txt', 'new B')]);
    expect(readdirSync(out).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('new B');
  });

  it('removes the folders it made when no output could be written there', () => {
    const dir = tempDir('briefkit-out-');
    writeFileSync(join(dir, 'kept.txt'), '');
    const out = join(dir, 'a', 'b');
    const error = catchError(() => writeOutputs(out, [file(`${'b'.repeat(300)}.txt`, 'B')]));
    expect(error.message).toBe(
      `Cannot write to the output folder "${out}": a name in its path is too long.`,
    );
    expect(readdirSync(dir)).toEqual(['kept.txt']);
  });
});

describe('build --out a folder it cannot write', () => {
  it('exits 1 with one [output-path] error, not an internal error', async () => {
    const dir = tempDir('briefkit-out-');
    writeFileSync(join(dir, 'afile'), '');
    const out = join(dir, 'afile', 'sub');
    const context = testContext();

    expect(await runCli(['build', '--out', out], context)).toBe(1);

    expect(context.err()).toContain(`"${join(dir, 'afile')}" is a file, not a folder.`);
    expect(context.err()).toContain('[output-path]');
    expect(context.err()).not.toContain('internal error');
    expect(context.err().match(/\[output-path\]/g)).toHaveLength(1);
  });

  it('build --each stops before building when its output folder cannot be made', async () => {
    const dir = tempDir('briefkit-out-');
    const csv = join(dir, 'recipients.csv');
    writeFileSync(csv, 'prepared_for\nHill School\n');
    writeFileSync(join(dir, 'afile'), '');
    const context = testContext();

    expect(await runCli(['build', '--each', csv, '--out', join(dir, 'afile')], context)).toBe(1);

    expect(context.err()).toContain(`"${join(dir, 'afile')}": it is a file.`);
    expect(context.err()).not.toContain('internal error');
    expect(context.out()).not.toContain('Built');
  });
});
