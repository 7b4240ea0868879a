// Warm rebuilds as users get them: runs `briefkit watch` on a copy of the sample data, edits
// one figure --runs times, one edit per rebuild, and reads each rebuild's time from what
// watch prints ("… changed: rebuilt … in N ms"). Ctrl-C (SIGINT to our own child) ends it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { figureEditor } from './figure-edit.mjs';

/**
 * @param {{ cli: string, dir: string, runs: number, from: number, profileDir?: string }} options
 *   from: where the edited values start (see figure-edit.mjs)
 * @returns {Promise<{ samples: number[], watchingAtUs: number }>}
 *   watchingAtUs: when watching began on the monotonic clock, which V8's profiles also keep
 */
export async function measureWatchRebuilds({ cli, dir, runs, from, profileDir }) {
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'data.yaml');
  const edit = figureEditor(data, from);
  edit(0);

  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const args = [...profile, cli, 'watch', '--data', data, '--out', join(dir, 'out')];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (pattern) => {
    for (;;) {
      const { value, done } = await lines.next();
      if (done) throw new Error(`watch ended before "${pattern}":\n${stderr}`);
      const match = pattern.exec(value);
      if (match) return match;
    }
  };

  await nextLine(/^Watching /);
  const watchingAtUs = Number(process.hrtime.bigint() / 1000n);
  const samples = [];
  for (let i = 1; i <= runs; i++) {
    edit(i);
    const [, ms] = await nextLine(/changed: rebuilt .* in (\d+) ms$/);
    samples.push(Number(ms));
  }
  child.kill('SIGINT');
  await once(child, 'close');
  return { samples, watchingAtUs };
}
