/**
 * `briefkit watch` runs in a child process with a smaller V8 pool (watch-process.ts). As users
 * start it: the executable, stopped by signals, its child found through /proc (Linux).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { watchFlags, watchPoolSize } from '../../src/cli/watch/watch-process.ts';
import { CLI } from '../helpers/bundle.ts';
import { tempDir } from '../helpers/sample.ts';

describe('the watch process', () => {
  it('leaves a core to the rebuilds: one pool thread fewer than the cores, none above Node’s four', () => {
    expect([1, 2, 3, 4, 5, 16].map(watchPoolSize)).toEqual([1, 1, 2, 3, null, null]);
  });

  it('is started for `watch` first on the command line, unless node was given a pool size', () => {
    const argv = (...args: string[]) => ['node', 'dist/cli.js', ...args];
    expect(watchFlags(argv('watch', '--out', 'x'), [], 2)).toEqual(['--v8-pool-size=1']);
    expect(watchFlags(argv('watch'), ['--cpu-prof'], 3)).toEqual([
      '--cpu-prof',
      '--v8-pool-size=2',
    ]);
    expect(watchFlags(argv('watch'), ['--v8-pool-size=3'], 2)).toBeNull();
    expect(watchFlags(argv('watch'), ['--v8-pool-size', '3'], 2)).toBeNull();
    expect(watchFlags(argv('watch'), [], 8)).toBeNull();
    expect(watchFlags(argv('build'), [], 2)).toBeNull();
    expect(watchFlags(argv('watch'), [], 2, 'win32')).toBeNull();
    // An output folder named "watch" is no watch.
    expect(watchFlags(argv('build', '--out', 'watch'), [], 2)).toBeNull();
  });
});

const size = watchPoolSize(availableParallelism());
const linux = existsSync('/proc/self/stat');

/** Starts `briefkit watch` and waits until it watches. */
async function startWatch(): Promise<{ launcher: ChildProcess; out: string; said: string[] }> {
  const dir = tempDir('briefkit-watch-process-');
  const out = join(dir, 'out');
  const launcher = spawn(process.execPath, [CLI, 'watch', '--out', out], {
    env: { ...process.env, BRIEFKIT_CACHE_DIR: join(dir, 'cache') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const said: string[] = [];
  const lines = createInterface({ input: launcher.stdout as NodeJS.ReadableStream });
  lines.on('line', (line) => said.push(line));
  await new Promise<void>((watching, failed) => {
    lines.on('line', (line) => line.startsWith('Watching ') && watching());
    launcher.once('exit', (code) => failed(new Error(`watch ended (${code}): ${said.join('\n')}`)));
  });
  return { launcher, out, said };
}

/** The processes a process started, found by their parent in /proc, with their command lines. */
function childrenOf(pid: number): { pid: number; args: string[] }[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && parentOf(Number(entry)) === pid)
    .map((child) => ({
      pid: Number(child),
      args: readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0').filter(Boolean),
    }));
}

/** A process's parent, from /proc/PID/stat (its fourth field, after the name in brackets). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Running, not gone nor a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe.runIf(linux && size !== null)('briefkit watch, on a machine of few cores', () => {
  it('watches in a child with the smaller pool, stopped once by a Ctrl-C both processes hear', async () => {
    const { launcher, out, said } = await startWatch();
    const [child, ...others] = childrenOf(launcher.pid as number);
    expect(others).toEqual([]);
    expect(child?.args).toEqual([
      process.execPath,
      `--v8-pool-size=${size}`,
      resolve(CLI),
      'watch',
      '--out',
      out,
    ]);

    // A Ctrl-C reaches both; the launcher passes its own on: the watch hears two stops.
    process.kill(child?.pid as number, 'SIGINT');
    launcher.kill('SIGINT');
    const [code] = await once(launcher, 'close');
    expect(code).toBe(0);
    expect(said.filter((line) => line === 'Stopped watching.')).toHaveLength(1);
    expect(running(child?.pid as number)).toBe(false);
    expect(readdirSync(out).sort()).toEqual([
      'briefing.pptx',
      'handout.pdf',
      'slides.pdf',
      'summary.pdf',
    ]);
  });

  it('stops the watch when the launcher is killed outright, leaving no watcher behind', async () => {
    const { launcher } = await startWatch();
    const [child] = childrenOf(launcher.pid as number);
    launcher.kill('SIGKILL');
    await once(launcher, 'exit');
    const until = Date.now() + 20_000;
    while (running(child?.pid as number) && Date.now() < until)
      await new Promise((wait) => setTimeout(wait, 50));
    expect(running(child?.pid as number)).toBe(false);
  });
});
