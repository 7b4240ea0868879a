/**
 * `briefkit watch` runs in a child process with V8 flags of its own (watch-process.ts). As users
 * start it: the executable, stopped by signals, its child found through /proc (Linux).
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { type WatchHost, watchFlags, watchPoolSize } from '../../src/cli/watch/watch-process.ts';
import { CLI, PERMISSION_FLAG } from '../helpers/bundle.ts';
import { tempDir } from '../helpers/sample.ts';

describe('the watch process', () => {
  it('leaves a core to the rebuilds: one pool thread fewer than the cores, none above Node’s four', () => {
    expect([1, 2, 3, 4, 5, 16].map(watchPoolSize)).toEqual([1, 1, 2, 3, null, null]);
  });

  it('is started for `watch` first on the command line, unless debugged, with the flags node was not given', () => {
    const argv = (...args: string[]) => ['node', 'dist/cli.js', ...args];
    const host: WatchHost = { execArgv: [], cores: 2, platform: 'linux', debugged: false };
    const young = ['--max-semi-space-size=32', '--expose-gc'];
    expect(watchFlags(argv('watch', '--out', 'x'), host)).toEqual(['--v8-pool-size=1', ...young]);
    expect(watchFlags(argv('watch'), { ...host, execArgv: ['--cpu-prof'], cores: 3 })).toEqual([
      '--cpu-prof',
      '--v8-pool-size=2',
      ...young,
    ]);
    // A flag node was given is the user's, in either spelling, as a flag or in NODE_OPTIONS
    // (the installed command's only way).
    for (const execArgv of [['--v8-pool-size=3'], ['--v8-pool-size', '3'], ['--v8_pool_size=3']])
      expect(watchFlags(argv('watch'), { ...host, execArgv })).toEqual([...execArgv, ...young]);
    expect(watchFlags(argv('watch'), { ...host, nodeOptions: '--v8-pool-size=4' })).toEqual(young);
    expect(
      watchFlags(argv('watch'), { ...host, nodeOptions: '--max_semi_space_size=8 --expose-gc' }),
    ).toEqual(['--v8-pool-size=1', '--expose-gc']);
    expect(watchFlags(argv('watch'), { ...host, nodeOptions: '--max-old-space-size=512' })).toEqual(
      ['--v8-pool-size=1', ...young],
    );
    expect(watchFlags(argv('watch'), { ...host, cores: 8 })).toEqual(young);
    expect(watchFlags(argv('watch'), { ...host, debugged: true })).toBeNull();
    expect(watchFlags(argv('watch'), { ...host, relaunched: true })).toBeNull();
    expect(watchFlags(argv('watch'), { ...host, platform: 'win32' })).toBeNull();
    expect(watchFlags(argv('build'), host)).toBeNull();
    // An output folder named "watch" is no watch.
    expect(watchFlags(argv('build', '--out', 'watch'), host)).toBeNull();
  });
});

const size = watchPoolSize(availableParallelism());
const linux = existsSync('/proc/self/stat');

/** Processes the tests started, launchers and watches, killed after each test whatever it left. */
const started = new Set<number>();

/**
 * Starts `briefkit watch` as a shell would, leading a process group of its own, and waits
 * until it watches (or, not `untilWatching`, only until it has started).
 */
async function startWatch({ untilWatching = true, nodeFlags = [] as string[] } = {}) {
  const dir = tempDir('briefkit-watch-process-');
  const out = join(dir, 'out');
  const launcher = spawn(process.execPath, [...nodeFlags, CLI, 'watch', '--out', out], {
    env: { ...process.env, BRIEFKIT_CACHE_DIR: join(dir, 'cache') },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  started.add(launcher.pid as number);
  const said: string[] = [];
  const lines = createInterface({ input: launcher.stdout as NodeJS.ReadableStream });
  lines.on('line', (line) => said.push(line));
  const ended = once(launcher, 'close');
  if (untilWatching) {
    await Promise.race([
      new Promise((watching) =>
        lines.on('line', (line) => line.startsWith('Watching ') && watching(line)),
      ),
      ended.then(([code]) =>
        Promise.reject(new Error(`watch ended (${code}): ${said.join('\n')}`)),
      ),
    ]);
  }
  return { launcher, out, said, ended };
}

/** The watch's own process, as soon as the launcher has started it. */
async function watchChild(launcher: { pid?: number | undefined }) {
  const by = Date.now() + 20_000;
  let children = childrenOf(launcher.pid as number);
  while (!children.length) {
    if (Date.now() > by) throw new Error('the launcher started no watch within 20 s');
    await new Promise((wait) => setTimeout(wait, 5));
    children = childrenOf(launcher.pid as number);
  }
  const [child] = children as [{ pid: number; args: string[] }];
  started.add(child.pid);
  return child;
}

afterEach(() => {
  for (const pid of started) if (running(pid) || stateOf(pid) === 'T') process.kill(pid, 'SIGKILL');
  started.clear();
});

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

/** A process's state from /proc/PID/stat: R or S running, T stopped, Z gone but not reaped. */
function stateOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** Waits until the processes are in one of the states, or 20 s have passed. */
async function until(pids: number[], states: string) {
  const by = Date.now() + 20_000;
  while (pids.some((pid) => !states.includes(stateOf(pid) ?? '')) && Date.now() < by)
    await new Promise((wait) => setTimeout(wait, 20));
  return pids.map(stateOf);
}

/** Waits until the process has ended, or 20 s have passed; whether it has. */
async function ends(pid: number): Promise<boolean> {
  const by = Date.now() + 20_000;
  while (running(pid) && Date.now() < by) await new Promise((wait) => setTimeout(wait, 50));
  return !running(pid);
}

/** Running, not gone nor a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe.runIf(linux)('briefkit watch in its own process', () => {
  it('watches in a child with flags of its own, stopped cleanly by a Ctrl-C to the terminal’s process group', async () => {
    const { launcher, out, said, ended } = await startWatch();
    const child = await watchChild(launcher);
    expect(childrenOf(launcher.pid as number)).toHaveLength(1);
    expect(child.args).toEqual([
      process.execPath,
      ...(size === null ? [] : [`--v8-pool-size=${size}`]),
      '--max-semi-space-size=32',
      '--expose-gc',
      resolve(CLI),
      'watch',
      '--out',
      out,
    ]);

    process.kill(-(launcher.pid as number), 'SIGINT');
    expect(await ended).toEqual([0, null]);
    expect(said.at(-1)).toBe('Stopped watching.');
    expect(running(child.pid)).toBe(false);
    expect(readdirSync(out).sort()).toEqual([
      'briefing.pptx',
      'handout.pdf',
      'slides.pdf',
      'summary.pdf',
    ]);
  });

  it('passes a stop sent to the launcher alone on (kill, timeout, a service manager)', async () => {
    const { launcher, said, ended } = await startWatch();
    const child = await watchChild(launcher);
    launcher.kill('SIGTERM');
    expect(await ended).toEqual([0, null]);
    expect(said.at(-1)).toBe('Stopped watching.');
    expect(running(child.pid)).toBe(false);
  });

  it('ends by SIGHUP when the terminal closes, once the watch has stopped cleanly', async () => {
    const { launcher, out, said, ended } = await startWatch();
    const child = await watchChild(launcher);
    // The shell and then the kernel each send one.
    launcher.kill('SIGHUP');
    launcher.kill('SIGHUP');
    expect(await ended).toEqual([null, 'SIGHUP']);
    expect(said.at(-1)).toBe('Stopped watching.');
    expect(running(child.pid)).toBe(false);
    expect(readdirSync(out).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('ends by the signal that stopped the watch, or with the exit code of one that is no stop', async () => {
    for (const [signal, end] of [
      ['SIGKILL', [null, 'SIGKILL']],
      // A fault or a signal for other use is no reason to fault here too: 128 + 12.
      ['SIGUSR2', [140, null]],
    ] as const) {
      const { launcher, ended } = await startWatch();
      const child = await watchChild(launcher);
      process.kill(child.pid, signal);
      expect(await ended, signal).toEqual(end);
    }
  });

  it('leaves the watch running while the launcher is suspended, and stops it when the launcher is killed', async () => {
    const { launcher, ended } = await startWatch();
    const child = await watchChild(launcher);
    launcher.kill('SIGSTOP');
    expect(await until([launcher.pid as number], 'T')).toEqual(['T']);
    expect(stateOf(child.pid)).not.toBe('T');
    launcher.kill('SIGKILL');
    await ended;
    expect(await ends(child.pid)).toBe(true);
  });

  it('stops the watch when the launcher is killed outright, even as the child starts', async () => {
    for (const untilWatching of [false, true]) {
      const { launcher, ended } = await startWatch({ untilWatching });
      const child = await watchChild(launcher);
      launcher.kill('SIGKILL');
      await ended;
      expect(await ends(child.pid), untilWatching ? 'watching' : 'starting').toBe(true);
    }
  });

  it('watches in one process where Node lets no child process start (its permission model)', async () => {
    const nodeFlags = [PERMISSION_FLAG, '--allow-fs-read=*', '--allow-fs-write=*'];
    const { launcher, said, ended } = await startWatch({ nodeFlags });
    expect(childrenOf(launcher.pid as number)).toEqual([]);
    launcher.kill('SIGTERM');
    expect(await ended).toEqual([0, null]);
    expect(said.at(-1)).toBe('Stopped watching.');
  });
});

describe.runIf(linux)('briefkit watch', () => {
  it('builds a save made as soon as its first build is written', async () => {
    const dir = tempDir('briefkit-watch-process-');
    const env = { ...process.env, BRIEFKIT_CACHE_DIR: join(dir, 'cache') };
    const data = join(dir, 'data.yaml');
    const sample = new URL('../../data/space-station-2025.yaml', import.meta.url);
    const original = readFileSync(sample, 'utf8');
    writeFileSync(data, original);
    // Built before, the first build of the watch is quick: its charts are in the cache folder.
    const args = (command: string, out: string) => [CLI, command, '--data', data, '--out', out];
    const before = spawnSync(process.execPath, args('build', join(dir, 'before')), { env });
    expect(before.status, String(before.stderr)).toBe(0);
    const launcher = spawn(process.execPath, args('watch', join(dir, 'out')), {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    started.add(launcher.pid as number);
    const ended = once(launcher, 'close');
    const said: string[] = [];
    const rebuilt = new Promise<void>((done) =>
      createInterface({ input: launcher.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        said.push(line);
        if (line.startsWith('Built ')) writeFileSync(data, original.replace('867.5', '868'));
        if (line.includes('data.yaml changed: rebuilt')) done();
      }),
    );
    const late = new Promise((_, fail) =>
      setTimeout(() => fail(new Error(`no rebuild in 20 s:\n${said.join('\n')}`)), 20_000),
    );
    await Promise.race([rebuilt, late]);
    launcher.kill('SIGTERM');
    expect(await ended).toEqual([0, null]);
  });
});
