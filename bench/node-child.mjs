// Runs `node …args` as a child process and reports its wall time and peak RSS. The peak is
// read inside the child, at exit, with process.resourceUsage(): it covers worker threads too.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const reportRss = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => process.stderr.write('\\nbench-maxrss-kb:' + process.resourceUsage().maxRSS + '\\n'));",
)}`;

/**
 * @param {string[]} args arguments after `node`
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, stdout?: 'pipe' | 'ignore' }} [options]
 * @returns {Promise<{ ms: number, code: number | null, maxRssMb: number | undefined, stdout: string, stderr: string }>}
 */
export async function runNode(args, options = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', reportRss, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'close');
  const ms = performance.now() - started;
  const match = /\nbench-maxrss-kb:(\d+)\n/.exec(stderr);
  return {
    ms,
    code,
    maxRssMb: match ? Number(match[1]) / 1024 : undefined,
    stdout,
    stderr: stderr.replace(/\nbench-maxrss-kb:\d+\n/, ''),
  };
}

/** Plain `node -e 0`, the floor every cold start pays, timed the same way. */
export async function runNodeFloor() {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await once(child, 'close');
  return performance.now() - started;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
