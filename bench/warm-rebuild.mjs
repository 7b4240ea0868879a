// Warm rebuilds in one process, as `briefkit watch` does them: after two warm-up builds,
// edit one figure of a copy of the sample data and rebuild, --runs times. Prints JSON.
//
//   node bench/warm-rebuild.mjs --out DIR [--runs 7] [--from 0] [--profile FILE]
//
// With --profile, a CPU profile of the timed rebuilds only (not start-up) goes to FILE.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../dist/index.js';
import { figureEditor } from './figure-edit.mjs';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    runs: { type: 'string', default: '7' },
    // Where the edited values start (see figure-edit.mjs).
    from: { type: 'string', default: '0' },
    profile: { type: 'string' },
  },
});
const out = values.out ?? 'output';
mkdirSync(out, { recursive: true });
const data = join(out, 'bench-data.yaml');
const edit = figureEditor(data, Number(values.from));
edit(0);
await build({ data, out });
await build({ data, out });

const session = values.profile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const samples = [];
for (let i = 1; i <= Number(values.runs); i++) {
  edit(i);
  const started = performance.now();
  await build({ data, out });
  samples.push(performance.now() - started);
}
if (session && values.profile) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(values.profile, JSON.stringify(profile));
  session.disconnect();
}
process.stdout.write(`${JSON.stringify({ samples })}\n`);
