// Runs in a worker thread (json-store.test.ts): writes one entry to the store it is given.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { openJsonStore } = await tsImport('../../src/cache/json-store.ts', import.meta.url);
const accept = (value) => typeof value === 'string';
openJsonStore({ part: 'test', limit: 10, accept }, { BRIEFKIT_CACHE_DIR: workerData })?.write(
  'k',
  'from a worker',
);
