import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir, thenStored } from '../helpers/sample.ts';
import { syntheticTable } from '../helpers/synthetic-table.ts';

/** layoutTable from fresh modules, as in a new process, with the given cache folder. */
async function freshLayout(cacheDir: string) {
  vi.stubEnv('BRIEFKIT_CACHE_DIR', cacheDir);
  vi.resetModules();
  const { loadFontSet } = await import('../../src/layout/fonts.ts');
  const { layoutTable } = await import('../../src/layout/table.ts');
  return thenStored(() => layoutTable(syntheticTable, loadFontSet('carlito')));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('tables laid out before', () => {
  it('are read back from the cache folder by a new process', async () => {
    const store = tempDir();
    const first = await freshLayout(store);
    expect(first.columns).toHaveLength(2);
    expect(await freshLayout(store)).toEqual(first);

    // Proof that the second layout read the store: an edited entry is what comes back.
    const [entry] = readdirSync(join(store, 'tables'));
    const file = join(store, 'tables', entry as string);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.value.columns = [123, 277];
    writeFileSync(file, JSON.stringify(stored));
    expect((await freshLayout(store)).columns).toEqual([123, 277]);
  });
});
