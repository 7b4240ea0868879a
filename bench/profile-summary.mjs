// Reads a V8 CPU profile (.cpuprofile) and says where the time went: by function (self and
// total), and by source file or npm package. Frames in dist/ are mapped back to src/ through
// the bundle's source maps, so costs are named as the code is.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const maps = new Map();
const ourDist = new URL('../dist/', import.meta.url).href;

function sourceMapFor(url) {
  if (!maps.has(url)) {
    const file = url.startsWith('file:') ? fileURLToPath(url) : undefined;
    const mapFile = file && `${file}.map`;
    maps.set(
      url,
      mapFile && existsSync(mapFile)
        ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')))
        : null,
    );
  }
  return maps.get(url);
}

/** `src/layout/fonts.ts`, `vega-scenegraph`, `node:internal/…` or a V8 pseudo-frame. */
function place(frame) {
  const { url, lineNumber, columnNumber, functionName } = frame;
  // V8's pseudo-frames: (program), (garbage collector), (idle), and native functions.
  if (!url)
    return { where: functionName.startsWith('(') ? functionName : `(${functionName})`, line: 0 };
  const map = url.startsWith(ourDist) ? sourceMapFor(url) : null;
  let path = url;
  let line = lineNumber + 1;
  if (map) {
    const entry = map.findEntry(lineNumber, columnNumber);
    if (entry?.originalSource) {
      path = entry.originalSource;
      line = entry.originalLine + 1;
    }
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return { where: pkg[1], line, file: path };
  const src = /(src\/.*)$/.exec(path);
  if (src) return { where: src[1], line };
  if (path.startsWith('node:')) return { where: 'node internals', line };
  return { where: path.replace(/^file:\/\//, ''), line };
}

/**
 * @param {string} file a .cpuprofile
 * @param {{ top?: number, fromMs?: number }} [options] fromMs skips the samples taken in
 *   the first fromMs of the profile, e.g. start-up and the first build of a watch
 */
export function summariseProfile(file, { top = 12, fromMs = 0 } = {}) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = new Map();
  const where = new Map();
  for (const n of profile.nodes) {
    const p = place(n.callFrame);
    where.set(n.id, p.where);
    label.set(n.id, `${n.callFrame.functionName || '(anonymous)'} ${p.where}:${p.line}`);
  }

  const self = new Map();
  const total = new Map();
  const byPlace = new Map();
  const stages = new Map();
  const callers = new Map();
  const isStep = (id) => /^(build|compile) src\/build\.ts:/.test(label.get(id) ?? '');
  const isOurs = (id) =>
    /^src\//.test(where.get(id) ?? '') && !/^src\/(cli|batch)\//.test(where.get(id));
  let totalMs = 0;
  let clockMs = 0;
  profile.samples.forEach((id, i) => {
    clockMs += (profile.timeDeltas[i] ?? 0) / 1000;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    // An idle watch waiting for the next edit is not a cost.
    if (clockMs < fromMs || label.get(id)?.startsWith('(idle)')) return;
    totalMs += ms;
    const own = label.get(id);
    self.set(own, (self.get(own) ?? 0) + ms);
    byPlace.set(where.get(id), (byPlace.get(where.get(id)) ?? 0) + ms);
    // Count each function once per sample, however deep it recurses.
    const seen = new Set();
    let caller;
    let stage;
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const key = label.get(n);
      caller ??= isOurs(n) ? key : undefined;
      const up = parent.get(n);
      if (stage === undefined && up !== undefined && isStep(up) && !isStep(n)) stage = key;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
    const add = (map, key) => map.set(key, (map.get(key) ?? 0) + ms);
    add(callers, caller ?? '(no briefkit frame: start-up, module loading, GC, async library work)');
    if (stage) add(stages, stage);
  });
  const rank = (map, filter = () => true) =>
    [...map.entries()]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({
        name,
        ms: Math.round(ms),
        share: Number((ms / totalMs).toFixed(3)),
      }));
  const ours = (key) => / src\//.test(key) && !/ src\/cli\//.test(key);
  return {
    totalMs: Math.round(totalMs),
    selfByPlace: rank(byPlace),
    selfByFunction: rank(self),
    // The steps of build() and compile() (src/build.ts), each with all it calls.
    pipelineSteps: rank(stages),
    // Time in each of our functions plus the library code it calls directly.
    selfWithLibrariesByBriefkitFunction: rank(callers),
    totalByBriefkitFunction: rank(total, ours),
    nodeCount: nodes.size,
  };
}
