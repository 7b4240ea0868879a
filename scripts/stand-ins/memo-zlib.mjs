// Stands in for node:zlib under pdfkit, which uses only deflateSync: once per stream of
// every document, though most streams (embedded font subsets, unchanged pages) are the same
// bytes as in the previous build of a watch session or batch. Each result is kept by content.
import zlib from 'node:zlib';
import { contentKey } from '../../src/cache/content-key.ts';

const kept = new Map();
const LIMIT = 64;

function deflateSync(data) {
  if (data.length < 1024) return zlib.deflateSync(data);
  const key = contentKey(data);
  let deflated = kept.get(key);
  if (deflated) kept.delete(key);
  else deflated = zlib.deflateSync(data);
  kept.set(key, deflated);
  if (kept.size > LIMIT) kept.delete(kept.keys().next().value);
  return deflated;
}

export default { deflateSync };
