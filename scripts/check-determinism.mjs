// Builds the sample and the synthetic tour (pictures, a logo, links, charts drawn as pictures)
// three times, in three time zones, at different times and with the cache folder empty, full,
// and then with one stored chart removed (so one document mixes stored and newly drawn
// charts), and compares the sha256 of every output. Exits non-zero if any output differs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const zones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'];
const tour = 'docs/examples/synthetic-tour';
/** Each report built, by the folder its outputs go to, and its arguments. */
const reports = {
  sample: [],
  tour: ['--data', `${tour}/data.yaml`, '--template', `${tour}/template`],
};
// A folder of its own, so runs side by side (the test suite runs this script too) do not mix.
const scratch = mkdtempSync(join(tmpdir(), 'briefkit-determinism-'));
const cache = join(scratch, 'cache');
const charts = join(cache, 'charts');
const runs = zones.map((zone, i) => {
  if (i > 0) execFileSync('sleep', ['1.1']); // a different second on the clock
  if (i === 2) rmSync(join(charts, readdirSync(charts).sort()[0]));
  return Object.fromEntries(
    Object.entries(reports).flatMap(([report, args]) => {
      const out = join(scratch, `build-${i}`, report);
      execFileSync(process.execPath, ['dist/cli.js', 'build', ...args, '--out', out], {
        env: { ...process.env, TZ: zone, BRIEFKIT_CACHE_DIR: cache, BRIEFKIT_NO_CACHE: '' },
        stdio: 'ignore',
      });
      return readdirSync(out)
        .sort()
        .map((name) => [
          `${report}/${name}`,
          createHash('sha256')
            .update(readFileSync(join(out, name)))
            .digest('hex'),
        ]);
    }),
  );
});

let same = true;
for (const name of Object.keys(runs[0])) {
  const hashes = runs.map((r) => r[name]);
  const ok = hashes.every((h) => h === hashes[0]);
  same &&= ok;
  console.log(`${ok ? 'same     ' : 'DIFFERENT'}  ${name}  ${ok ? hashes[0] : hashes.join(' ')}`);
}
console.log(
  same
    ? `Identical across ${zones.join(', ')}, and cache folders empty, full and missing a stored chart.`
    : 'Outputs differ.',
);
rmSync(scratch, { recursive: true, force: true });
process.exit(same ? 0 : 1);
