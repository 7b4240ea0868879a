// A large `build --each` run, checked end to end. Too slow for the unit suite, so run by hand:
//
//   node scripts/batch-demo.mjs [--rows 1000] [--bad-row ROW] [--jobs N] [--keep]
//
// It writes a CSV of --rows recipients (row --bad-row, if given, has an empty summary, which
// the schema rejects), runs `node dist/cli.js build --each` on it, then checks that every
// good row has its folder with briefing.pptx and summary.pdf, that the manifest lists each
// of them with the right sha256, and that the bad row is reported by its number.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runNode } from '../bench/node-child.mjs';
import { writeRecipients } from '../bench/recipients.mjs';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000' },
    'bad-row': { type: 'string' },
    jobs: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const badRow = values['bad-row'] === undefined ? undefined : Number(values['bad-row']);
const dir = mkdtempSync(join(tmpdir(), 'briefkit-batch-demo-'));
const csv = join(dir, 'recipients.csv');
const out = join(dir, 'out');
writeRecipients(csv, rows, badRow);

const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const args = [cli, 'build', '--each', csv, '--name', '{{prepared_for}}', '--out', out];
if (values.jobs) args.push('--jobs', values.jobs);
console.log(`$ node ${args.join(' ')}`);
const loadBefore = loadavg();
const run = await runNode(args);
const summaryLines = run.stdout.trim().split('\n').slice(-3);

// Check the outputs against the manifest and the files on disk.
const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
const folders = readdirSync(out, { withFileTypes: true }).filter((d) => d.isDirectory());
const complete = folders.filter(
  (d) =>
    existsSync(join(out, d.name, 'briefing.pptx')) && existsSync(join(out, d.name, 'summary.pdf')),
);
let hashesChecked = 0;
let hashMismatches = 0;
for (const record of manifest.records) {
  for (const file of record.files) {
    const bytes = readFileSync(join(out, file.path));
    hashesChecked++;
    if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) hashMismatches++;
  }
}
const report = {
  rows,
  badRow: badRow ?? null,
  exitCode: run.code,
  seconds: Number((run.ms / 1000).toFixed(1)),
  recordsPerSecond: Number((manifest.records.length / (run.ms / 1000)).toFixed(2)),
  peakRssMb: run.maxRssMb === undefined ? null : Math.round(run.maxRssMb),
  folders: folders.length,
  foldersWithPptxAndSummary: complete.length,
  manifestRecords: manifest.records.length,
  manifestFailedRows: manifest.failed.map((f) => f.row),
  hashesChecked,
  hashMismatches,
  badRowReported:
    badRow === undefined ? null : run.stderr.includes(`${csv} row ${badRow} (summary)`),
  loadavgBefore: loadBefore.map((l) => Number(l.toFixed(2))),
  loadavgAfter: loadavg().map((l) => Number(l.toFixed(2))),
  cliSummary: summaryLines,
};
console.log(JSON.stringify(report, null, 2));
if (!values.keep) rmSync(dir, { recursive: true, force: true });
else console.log(`Kept ${dir}`);

const expected = rows - (badRow === undefined ? 0 : 1);
const ok =
  complete.length === expected &&
  manifest.records.length === expected &&
  hashMismatches === 0 &&
  run.code === (badRow === undefined ? 0 : 1) &&
  report.badRowReported !== false;
console.log(ok ? 'batch demo: OK' : 'batch demo: FAILED');
process.exit(ok ? 0 : 1);
