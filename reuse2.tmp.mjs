import * as vega from 'vega';
import * as vl from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { readFileSync } from 'node:fs';
const spec = JSON.parse(readFileSync('/work/main/templates/briefing/charts/science-output.vl.json', 'utf8'));
spec.width = 500; spec.height = 260;
const rows = (i) => [{ key: 'projects', value: 80 + (i % 3), short: 'P' }, { key: 'patents', value: 50 + (i > 10 ? 1 : 0), short: 'Pat', qualifier: 'over' }, { key: 'x', value: 1, short: 'x' }];
const vs = vl.compile(spec).spec;
const runtime = vega.parse(vs, undefined, { ast: true });
const make = () => new vega.View(runtime, { expr: expressionInterpreter, renderer: 'none' });
const fresh = async (i) => { const v = make(); v.data('figures', rows(i)); await v.runAsync(); const svg = await v.toSVG(); v.finalize(); return svg; };
const live = make();
const reuse = async (i) => { live.data('figures', rows(i)); live.resize(); await live.runAsync(); vega.resetSVGDefIds(); return live.toSVG(); };
for (let i = 0; i < 30; i++) { vega.resetSVGDefIds(); const a = await fresh(i); vega.resetSVGDefIds(); const b = await reuse(i); if (a !== b) { console.log('DIFF at', i); let k=0; while (a[k]===b[k]) k++; console.log(a.slice(k-100,k+100)); console.log('---'); console.log(b.slice(k-100,k+100)); break; } }
console.log(JSON.stringify(vs.data, null, 0).slice(0, 1500));
