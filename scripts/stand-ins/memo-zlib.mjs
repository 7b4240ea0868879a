// Stands in for node:zlib under pdfkit, which uses only deflateSync: once per stream of
// every document, though most streams (embedded font subsets, unchanged pages) are the same
// bytes as in the previous build of a watch session or batch. Each result is kept by content.
import zlib from 'node:zlib';
import { contentKey } from '../../src/cache/content-key.ts';
import { LruCache } from '../../src/cache/lru-cache.ts';

const kept = new LruCache(64);

function deflateSync(data) {
  if (data.length < 1024) return zlib.deflateSync(data);
  return kept.remember(contentKey(data), () => zlib.deflateSync(data));
}

export default { deflateSync };
