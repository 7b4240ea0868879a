import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushJsonStores } from '../../src/cache/json-store.ts';
import { openChartStore } from '../../src/charts/chart-store.ts';
import type { RenderedChart } from '../../src/charts/render-chart.ts';
import { storeFolders, tempDir, thenStored } from '../helpers/sample.ts';

const chart: RenderedChart = {
  name: 'c',
  svg: '<svg/>',
  drawing: { width: 10, height: 20, ops: [{ op: 'save' }, { op: 'restore' }] },
  width: 10,
  height: 20,
  plotHeight: 12,
  crowded: null,
  alt: 'A chart.',
  native: null,
};

describe('openChartStore', () => {
  it('keeps a chart under its key and gives it back', () => {
    const store = openChartStore({ BRIEFKIT_CACHE_DIR: tempDir() });
    store?.write('k1', chart);
    flushJsonStores();
    expect(store?.read('k1')).toEqual(chart);
    expect(store?.read('k2')).toBeNull();
  });

  it('ignores entries that are broken or were drawn by another build', () => {
    const dir = tempDir();
    const store = openChartStore({ BRIEFKIT_CACHE_DIR: dir });
    store?.write('k', chart);
    flushJsonStores();
    const file = join(dir, 'charts', readdirSync(join(dir, 'charts'))[0] as string);
    writeFileSync(file, '{"build": "source", "value": {"name": 1}}');
    expect(store?.read('k')).toBeNull();
    writeFileSync(file, JSON.stringify({ build: 'another', value: chart }));
    expect(store?.read('k')).toBeNull();
    writeFileSync(file, '{ not json');
    expect(store?.read('k')).toBeNull();
  });

  it('is off with BRIEFKIT_NO_CACHE=1, and when run from source without a folder', () => {
    expect(openChartStore({ BRIEFKIT_CACHE_DIR: tempDir(), BRIEFKIT_NO_CACHE: '1' })).toBeNull();
    expect(openChartStore({})).toBeNull();
  });
});

describe('builds with a chart store', () => {
  const saved = process.env.BRIEFKIT_CACHE_DIR;
  afterEach(() => {
    process.env.BRIEFKIT_CACHE_DIR = saved;
  });

  /** A build in a fresh module graph: nothing in memory from earlier builds, as in a new process. */
  async function freshBuild(store: string): Promise<Record<string, Buffer>> {
    process.env.BRIEFKIT_CACHE_DIR = store;
    vi.resetModules();
    const { build } = await import('../../src/build.ts');
    const out = tempDir();
    const { files } = await thenStored(() => build({ out }));
    return Object.fromEntries(
      files.map((f) => [f, readFileSync(f)]).map(([f, b]) => [String(f).split('/').pop(), b]),
    );
  }

  it('draws each chart once; later builds read it back and write the same bytes', async () => {
    const store = tempDir();
    const first = await freshBuild(store);
    const entries = readdirSync(join(store, 'charts'));
    // Two charts, each at slide and at summary size, and the second again shorter, to end the
    // summary's first page (flow-summary.ts).
    expect(entries).toHaveLength(5);
    // Every store a build keeps; the next build reads them all and writes the same bytes.
    expect(readdirSync(store).sort()).toEqual(storeFolders);
    const second = await freshBuild(store);
    for (const [name, bytes] of Object.entries(first))
      expect(second[name]?.equals(bytes)).toBe(true);

    // Proof that the second build read the store: an edited entry shows in the next build.
    for (const entry of entries) {
      const file = join(store, 'charts', entry);
      const stored = JSON.parse(readFileSync(file, 'utf8'));
      stored.value.alt = 'Read from the chart store.';
      writeFileSync(file, JSON.stringify(stored));
    }
    const edited = await freshBuild(store);
    expect(edited['briefing.pptx']?.equals(first['briefing.pptx'] as Buffer)).toBe(false);

    // Entries from another briefkit build are drawn again, and the output is as before.
    for (const entry of entries) {
      const file = join(store, 'charts', entry);
      writeFileSync(
        file,
        JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), build: 'x' }),
      );
    }
    const redrawn = await freshBuild(store);
    for (const [name, bytes] of Object.entries(first))
      expect(redrawn[name]?.equals(bytes)).toBe(true);
  });

  /** chart-memo.ts as a new process has it, after a build of the sample whose charts are stored. */
  async function afterStoredBuild(collect: boolean) {
    await freshBuild(tempDir());
    vi.resetModules();
    const memo = await import('../../src/charts/chart-memo.ts');
    const { chartStore } = await import('../../src/charts/chart-store.ts');
    const { build } = await import('../../src/build.ts');
    const stored = collect ? memo.collectStoredCharts() : undefined;
    await thenStored(() => build({ out: tempDir() }));
    return { memo, stored, writes: vi.spyOn(chartStore, 'write') };
  }

  it('draws again, once, the charts a build took from the store, keeping none of them', async () => {
    const { stored, writes } = await afterStoredBuild(true);
    // The five entries of the sample (see above).
    expect(await stored?.drawAgain(() => false)).toBe(5);
    expect(writes).not.toHaveBeenCalled();
    expect(await stored?.drawAgain(() => false)).toBe(0);
  });

  it('lets timers run before each chart it draws again, and stops when asked', async () => {
    const { stored } = await afterStoredBuild(true);
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 1);
    try {
      // A tick comes before the last chart, and stops it: a watch hears a save or a Ctrl-C.
      expect(await stored?.drawAgain(() => ticks > 0)).toBeLessThan(5);
    } finally {
      clearInterval(ticking);
    }
    const again = await afterStoredBuild(true);
    let asked = 0;
    expect(await again.stored?.drawAgain(() => ++asked > 2)).toBe(2);
    // What a build took from the store before anyone collected is not collected, nor after.
    const before = await afterStoredBuild(false);
    expect(await before.memo.collectStoredCharts().drawAgain(() => false)).toBe(0);
    const forgotten = await afterStoredBuild(true);
    forgotten.stored?.forget();
    expect(await forgotten.stored?.drawAgain(() => false)).toBe(0);
  });
});
