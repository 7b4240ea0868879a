// Does a batch's memory stay flat as the record file grows? Runs a batch with a worker that
// builds nothing (fake-worker.mjs), so only the batch machinery is measured: reading and
// naming records, the pool, progress and the manifest. For 100 and 10,000 records, each in a
// fresh process, prints the heap still in use after a full GC at each fifth of the records
// (what the batch holds on to), and the peak RSS (which also counts garbage not yet collected
// and the worker threads' own heaps).
//
//   node --import tsx bench/batch-memory.ts   (re-runs itself per size with --expose-gc)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../src/batch/run-batch.ts';
import { writeRecipients } from './recipients.mjs';

const [, , records] = process.argv;
const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

if (records) {
  const total = Number(records);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with --expose-gc.');
  const dir = mkdtempSync(join(tmpdir(), 'briefkit-batch-memory-'));
  const csv = join(dir, 'recipients.csv');
  writeRecipients(csv, total);
  const retainedMb: number[] = [];
  let done = 0;
  const started = performance.now();
  const summary = await runBatch({
    each: csv,
    name: '{{prepared_for}}',
    jobs: 2,
    out: join(dir, 'out'),
    build: {},
    workerModule: new URL('./fake-worker.mjs', import.meta.url).href,
    generator: 'batch-memory',
    onRecord() {
      if (++done % Math.ceil(total / 5) === 0) {
        gc();
        retainedMb.push(mb(process.memoryUsage().heapUsed));
      }
    },
  });
  rmSync(dir, { recursive: true, force: true });
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  const peakRssMb = mb(process.resourceUsage().maxRSS * 1024);
  const result = { records: total, built: summary.built, seconds, retainedMb, peakRssMb };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const script = new URL(import.meta.url).pathname;
  for (const n of [100, 10_000]) {
    const args = ['--expose-gc', '--import', 'tsx', script, String(n)];
    process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8' }));
  }
}
