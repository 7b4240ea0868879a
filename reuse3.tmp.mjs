import * as vega from 'vega';
import * as vl from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { readFileSync } from 'node:fs';
const mode = process.argv[2] ?? 'drain';
let seed = 7; const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const pick = (a) => a[Math.floor(rnd() * a.length)];
const keys = ['projects', 'patents', 'mass_up', 'mass_down', 'x', 'y'];
const rows = () => { const n = Math.floor(rnd() * 6); const out = []; for (let j = 0; j < n; j++) out.push({ key: pick(keys), value: pick([1, 5, 50, 51, 80, -3, 867.5, 0]), short: pick(['A', 'B', 'Sent', 'Returned']), unit: pick([undefined, 'kg']), qualifier: pick([undefined, 'over', 'about']) }); return out; };
for (const file of ['science-output', 'mass-transport']) {
  const spec = JSON.parse(readFileSync(`/work/main/templates/briefing/charts/${file}.vl.json`, 'utf8'));
  spec.width = 500; spec.height = 260; spec.autosize = { type: 'fit', contains: 'padding' };
  const vs = vl.compile(spec).spec;
  const runtime = vega.parse(vs, undefined, { ast: true });
  const make = () => new vega.View(runtime, { expr: expressionInterpreter, renderer: 'none' });
  const fresh = async (r) => { const v = make(); v.data('figures', structuredClone(r)); await v.runAsync(); vega.resetSVGDefIds(); const svg = await v.toSVG(); v.finalize(); return svg; };
  const live = make();
  const reuse = async (r) => { if (mode === 'drain') { live.data('figures', []); await live.runAsync(); } live.data('figures', structuredClone(r)); live.resize(); await live.runAsync(); vega.resetSVGDefIds(); return live.toSVG(); };
  let diffs = 0;
  for (let i = 0; i < 400; i++) { const r = rows(); const a = await fresh(r); const b = await reuse(r); if (a !== b) { if (!diffs) { let k=0; while (a[k]===b[k]) k++; console.log(JSON.stringify(r)); console.log(a.slice(Math.max(0,k-150),k+100)); console.log("---"); console.log(b.slice(Math.max(0,k-150),k+100)); } diffs++; } }
  console.log(file, mode, 'diffs', diffs);
}
