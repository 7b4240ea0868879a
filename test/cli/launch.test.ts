/**
 * The executable (dist/cli.js) runs the CLI bundle, and Vega's script when a chart is drawn,
 * with V8's code cache. Whatever the state of the cache (none, valid, damaged), the outputs
 * are the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokedAs, shellWord } from '../../src/cli/context.ts';
import { CLI, PERMISSION_FLAG } from '../helpers/bundle.ts';
import { storeFolders, tempDir } from '../helpers/sample.ts';

function build(cache: string, out: string): Record<string, Buffer> {
  const run = spawnSync(process.execPath, [CLI, 'build', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, BRIEFKIT_CACHE_DIR: cache },
  });
  expect(run.status, run.stderr).toBe(0);
  return Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
}

describe('dist/cli.js', () => {
  it('keeps V8 code in the cache folder and builds the same bytes with it, or with a damaged one', () => {
    const cache = tempDir();
    const first = build(cache, tempDir());
    // Entries the build queued are written before the process exits.
    expect(readdirSync(cache).sort()).toEqual([...storeFolders, 'code'].sort());
    // The first build draws its charts, so Vega's script ran too, with a cache of its own.
    const entries = readdirSync(join(cache, 'code')).sort();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/^[0-9a-f]{16}-v\d+\.\d+\.\d+-briefkit-\d+-\d+-[0-9a-f]{8}\.bin$/);
    expect(entries[1]).toMatch(/^[0-9a-f]{16}-v\d+\.\d+\.\d+-vega-\d+-\d+-[0-9a-f]{8}\.bin$/);
    const file = join(cache, 'code', entries[0] as string);
    const written = readFileSync(file);
    expect(written.length).toBeGreaterThan(100_000);

    utimesSync(file, 1, 1);
    const second = build(cache, tempDir());
    expect(readFileSync(file).equals(written)).toBe(true); // accepted: not written again
    // but dated as used, so that the folder's limit drops caches no run reads any more
    expect(statSync(file).mtimeMs).toBeGreaterThan(Date.now() - 60_000);

    writeFileSync(file, Buffer.alloc(written.length, 7));
    const third = build(cache, tempDir());
    expect(readFileSync(file).equals(written)).toBe(false); // rejected, so written afresh
    expect(readFileSync(file)[0]).not.toBe(7);

    for (const [name, bytes] of Object.entries(first)) {
      expect(second[name]?.equals(bytes), name).toBe(true);
      expect(third[name]?.equals(bytes), name).toBe(true);
    }
  });

  it('keeps a cache for each set of node flags, as V8 rejects one written under other flags', () => {
    const cache = tempDir();
    const run = (flags: string[], env: NodeJS.ProcessEnv = {}) => {
      const result = spawnSync(process.execPath, [...flags, CLI, 'build', '--out', tempDir()], {
        encoding: 'utf8',
        env: { ...process.env, ...env, BRIEFKIT_CACHE_DIR: cache },
      });
      expect(result.status, result.stderr).toBe(0);
    };
    const cached = () =>
      Object.fromEntries(
        readdirSync(join(cache, 'code'))
          .filter((f) => f.includes('-briefkit-'))
          .map((f) => [f, readFileSync(join(cache, 'code', f))]),
      );
    run([]);
    const plain = cached();
    // The V8 flags the watch's own process starts with (watch-process.ts).
    run(['--max-semi-space-size=32', '--expose-gc']);
    const both = cached();
    expect(Object.keys(both)).toHaveLength(2);
    run([]);
    run(['--max-semi-space-size=32', '--expose-gc']);
    run([], { NODE_OPTIONS: '--max-semi-space-size=32' });
    // Each accepted by the runs with its flags: none written again.
    const after = cached();
    expect(Object.keys(after)).toHaveLength(3);
    for (const [file, bytes] of Object.entries({ ...plain, ...both }))
      expect(after[file]?.equals(bytes), file).toBe(true);
  });

  it("writes the CLI bundle's cache after a run that built, however typed, not after inspect, help or a batch's lead", () => {
    const cache = tempDir();
    const out = tempDir();
    const built = spawnSync(process.execPath, [CLI, 'build', '--out', out], {
      env: { ...process.env, BRIEFKIT_NO_CACHE: '1' },
    });
    expect(built.status, String(built.stderr)).toBe(0);
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, [CLI, ...args], {
        encoding: 'utf8',
        env: { ...process.env, BRIEFKIT_CACHE_DIR: cache },
      });
      expect(result.status, result.stderr).toBe(0);
    };
    const scriptsCached = () => {
      try {
        return readdirSync(join(cache, 'code'))
          .map((f) => f.replace(/^.*?-v[\d.]+-/, '').split('-')[0])
          .sort();
      } catch {
        return [];
      }
    };
    // Each of these compiles little of a build's code; kept while V8 accepts it, such a
    // cache left every later build compiling most of its code again.
    run(['inspect', join(out, 'summary.pdf')]);
    run(['build', '--help']);
    // A batch's main thread only hands records to its workers, which build.
    const records = join(tempDir(), 'records.csv');
    writeFileSync(records, 'school\nGreenfield\n');
    run(['build', '--each', records, '--jobs', '1', '--out', tempDir()]);
    expect(scriptsCached()).toEqual(['pdfjs']);
    // Options may come before the command.
    run(['--out', tempDir(), 'build']);
    expect(scriptsCached()).toEqual(['briefkit', 'pdfjs', 'vega']);
  });

  it('builds where Node lets no worker thread start (its permission model)', () => {
    // The warm-up worker for ICU's data is only a speed-up: refused, it must not stop a build.
    const out = tempDir();
    const run = spawnSync(
      process.execPath,
      [PERMISSION_FLAG, '--allow-fs-read=*', '--allow-fs-write=*', CLI, 'build', '--out', out],
      { encoding: 'utf8', env: { ...process.env, BRIEFKIT_NO_CACHE: '1' } },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(out)).toContain('briefing.pptx');
  });

  it('keeps nothing with BRIEFKIT_NO_CACHE=1', () => {
    const cache = tempDir();
    const run = spawnSync(process.execPath, [CLI, 'build', '--out', tempDir()], {
      encoding: 'utf8',
      env: { ...process.env, BRIEFKIT_CACHE_DIR: cache, BRIEFKIT_NO_CACHE: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(cache)).toEqual([]);
  });
});

describe('briefkit init, run from a checkout', () => {
  it('suggests a next command that works as printed, from any folder', () => {
    const parent = tempDir('briefkit init ');
    const cli = resolve(CLI);
    const init = spawnSync(process.execPath, [cli, 'init', 'my briefing'], {
      cwd: parent,
      encoding: 'utf8',
    });
    expect(init.status, init.stderr).toBe(0);
    const next = /^Next: (.*)$/m.exec(init.stdout)?.[1];
    // `briefkit` is not on the PATH of a checkout: the script is named, by its absolute path.
    expect(next).toBe(`cd 'my briefing' && node ${cli} build`);
    const build = spawnSync('sh', ['-c', next as string], { cwd: parent, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(readdirSync(join(parent, 'my briefing', 'output')).sort()).toEqual([
      'briefing.pptx',
      'handout.pdf',
      'slides.pdf',
      'summary.pdf',
    ]);
    // The new folder's README gives the same working command, not a `briefkit` not on the PATH.
    const readme = readFileSync(join(parent, 'my briefing', 'README.md'), 'utf8');
    expect(readme).toContain(`    node ${cli} build `);
    expect(readme).toContain(`    node ${cli} validate `);
    expect(readme).not.toMatch(/^ {4}briefkit /m);
  });

  it('suggests cd ./-name for a folder whose name starts with a dash, not an option', () => {
    const parent = tempDir('briefkit init ');
    const cli = resolve(CLI);
    const init = spawnSync(process.execPath, [cli, 'init', '--', '-dash'], {
      cwd: parent,
      encoding: 'utf8',
    });
    expect(init.status, init.stderr).toBe(0);
    const next = /^Next: (.*)$/m.exec(init.stdout)?.[1];
    expect(next).toBe(`cd ./-dash && node ${cli} build`);
    const build = spawnSync('sh', ['-c', next as string], { cwd: parent, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(readdirSync(join(parent, '-dash', 'output'))).toContain('briefing.pptx');
  });

  it('suggests no cd for a project made in the current folder', () => {
    const here = tempDir('briefkit init ');
    const cli = resolve(CLI);
    const init = spawnSync(process.execPath, [cli, 'init', '.'], { cwd: here, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    expect(/^Next: (.*)$/m.exec(init.stdout)?.[1]).toBe(`node ${cli} build`);
  });

  it('names the installed command as briefkit', () => {
    expect(invokedAs('/usr/local/lib/node_modules/.bin/briefkit', 'linux', {})).toBe('briefkit');
    expect(invokedAs('/srv/it’s here/dist/cli.js')).toBe("node '/srv/it’s here/dist/cli.js'");
    expect(invokedAs("/srv/it's/cli.js")).toBe(`node '/srv/it'\\''s/cli.js'`);
  });

  it('names it npx briefkit when npm started it, as a project-local install is not on the PATH', () => {
    const local = '/home/me/app/node_modules/.bin/briefkit';
    expect(invokedAs(local, 'linux', { npm_command: 'exec' })).toBe('npx briefkit');
    expect(invokedAs(local, 'linux', { npm_command: 'run-script' })).toBe('npx briefkit');
    // From a checkout, the path works however it was started.
    expect(invokedAs('/srv/briefkit/dist/cli.js', 'linux', { npm_command: 'exec' })).toBe(
      'node /srv/briefkit/dist/cli.js',
    );
  });

  it('suggests, on Windows, the installed command and paths quoted as cmd.exe reads them', () => {
    // npm's Windows shim starts node_modules\briefkit\dist\cli.js itself: `briefkit` is on the PATH.
    const shim = String.raw`C:\Users\me\AppData\Roaming\npm\node_modules\briefkit\dist\cli.js`;
    expect(invokedAs(shim, 'win32', {})).toBe('briefkit');
    // cmd.exe takes single quotes literally: a path is plain, or in double quotes.
    const checkout = String.raw`C:\src\briefkit\dist\cli.js`;
    expect(invokedAs(checkout, 'win32')).toBe(`node ${checkout}`);
    const spaced = String.raw`D:\My Projects\briefkit\dist\cli.js`;
    expect(invokedAs(spaced, 'win32')).toBe(`node "${spaced}"`);
    expect(shellWord('my briefing', 'win32')).toBe('"my briefing"');
    expect(shellWord('-dash', 'win32')).toBe(String.raw`.\-dash`);
    expect(shellWord('-my dash', 'win32')).toBe(String.raw`".\-my dash"`);
  });
});
