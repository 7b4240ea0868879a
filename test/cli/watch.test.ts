import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { build, type OutputKind } from '../../src/build.ts';
import type { StoredCharts } from '../../src/charts/chart-memo.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { type RebuildEvent, watch } from '../../src/cli/watch/watch.ts';
import { isBriefkitError } from '../../src/errors/briefkit-error.ts';
import { pptxParts, slideNames, textRuns } from '../helpers/pptx-parts.ts';
import { tempDir, thenStored } from '../helpers/sample.ts';
import { testContext } from './helpers/context.ts';

const sampleData = new URL('../../data/space-station-2025.yaml', import.meta.url);
const sampleTemplate = new URL('../../templates/briefing', import.meta.url);

/** Collects rebuild events; `next()` resolves with the next one. */
function rebuilds() {
  const events: RebuildEvent[] = [];
  const waiting: ((event: RebuildEvent) => void)[] = [];
  return {
    onRebuild(event: RebuildEvent) {
      const resolve = waiting.shift();
      if (resolve) resolve(event);
      else events.push(event);
    },
    next(): Promise<RebuildEvent> {
      const event = events.shift();
      return event ? Promise.resolve(event) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/**
 * Writes `text` to `file` until a rebuild follows: a file a build read for the first time is
 * watched from a moment after that build, not at once.
 */
async function editUntilRebuilt(
  file: string,
  text: string,
  next: Promise<RebuildEvent>,
): Promise<RebuildEvent> {
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    writeFileSync(file, text);
    timer = setTimeout(write, 1000);
  };
  write();
  try {
    return await next;
  } finally {
    clearTimeout(timer);
  }
}

async function deckText(pptx: string): Promise<string> {
  const parts = await pptxParts(readFileSync(pptx));
  return slideNames(parts)
    .flatMap((slide) => textRuns(parts.get(slide) ?? ''))
    .join(' ');
}

async function titleSlideText(pptx: string): Promise<string> {
  const parts = await pptxParts(readFileSync(pptx));
  const [first] = slideNames(parts);
  return textRuns(parts.get(first ?? '') ?? '').join(' ');
}

/**
 * Watches the sample with its figures in `figures.csv` beside it, or at `ref` below its
 * folder (written only if `writeTable`), building the deck alone.
 */
function watchTableDataset(writeTable: boolean, ref = 'figures.csv') {
  const dir = tempDir('briefkit-watch-');
  const sample = parse(readFileSync(sampleData, 'utf8'));
  const columns = ['key', 'qualifier', 'value', 'unit', 'short', 'label', 'source'];
  const figures = [
    columns.join(','),
    ...(sample.figures as Record<string, unknown>[]).map((row) =>
      columns.map((c) => (row[c] === undefined ? '' : JSON.stringify(row[c]))).join(','),
    ),
  ].join('\n');
  const data = join(dir, 'data.yaml');
  writeFileSync(
    data,
    stringify({ ...sample, figures: 'FIGURES' }).replace(
      'figures: FIGURES',
      `figures: !csv ${ref}`,
    ),
  );
  const csv = join(dir, ref);
  if (writeTable) writeFileSync(csv, figures);
  const out = join(dir, 'out');
  const events = rebuilds();
  const handle = watch(
    { data, template: fileURLToPath(sampleTemplate), out, outputs: ['pptx'] },
    { onRebuild: events.onRebuild, debounceMs: 150 },
  );
  return { handle, events, csv, figures, pptx: join(out, 'briefing.pptx') };
}

/** A copy of the sample dataset, as data.yaml in a folder of its own. */
function sampleDataCopy() {
  const dir = tempDir('briefkit-watch-');
  const data = join(dir, 'data.yaml');
  const original = readFileSync(sampleData, 'utf8');
  writeFileSync(data, original);
  return { dir, data, original };
}

/** Copies of the sample dataset and template, side by side in a folder of their own. */
function sampleCopies() {
  const copy = sampleDataCopy();
  const template = join(copy.dir, 'template');
  cpSync(sampleTemplate, template, { recursive: true });
  return { ...copy, template };
}

/** Watches copies of the sample data and template, building `outputs` (all by default). */
function watchCopies(outputs?: OutputKind[]) {
  const { dir, data, original, template } = sampleCopies();
  const out = join(dir, 'out');
  const events = rebuilds();
  // A longer quiet time than the default keeps one edit to one rebuild on a loaded machine.
  const handle = watch(
    { data, template, out, ...(outputs ? { outputs } : {}) },
    { onRebuild: events.onRebuild, debounceMs: 150 },
  );
  return { data, original, template, out, events, handle };
}

describe('watch', () => {
  it('rebuilds when the data or a chart spec changes, and keeps the last good outputs when a build fails', async () => {
    const { data, original, template, out, events, handle } = watchCopies();
    try {
      await handle.ready;
      const first = await events.next();
      expect(first).toMatchObject({ ok: true, changed: [] });

      writeFileSync(
        data,
        original.replace('title: China Space Station science in 2025', 'title: Edited title'),
      );
      const edited = await events.next();
      expect(edited).toMatchObject({ ok: true, changed: [data] });
      expect(edited.ms).toBeGreaterThan(0);
      const pptx = join(out, 'briefing.pptx');
      expect(await titleSlideText(pptx)).toContain('Edited title');

      const chart = join(template, 'charts', 'mass-transport.vl.json');
      writeFileSync(chart, `${readFileSync(chart, 'utf8')}\n`);
      expect(await events.next()).toMatchObject({ ok: true, changed: [chart] });
      const good = readFileSync(pptx);

      writeFileSync(
        data,
        original.replace('  title: China Space Station science in 2025', '  title: ['),
      );
      const broken = await events.next();
      expect(broken.ok).toBe(false);
      expect(!broken.ok && isBriefkitError(broken.error)).toBe(true);
      expect(readFileSync(pptx).equals(good)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('builds an edit saved while a build runs or just after one, which chokidar does not report', async () => {
    const { dir, data, original } = sampleDataCopy();
    const out = join(dir, 'out');
    /** When each build began, by this process's clock. */
    const began: number[] = [];
    let built: () => void = () => {};
    const handle = watch(
      { data, template: fileURLToPath(sampleTemplate), out, outputs: ['pptx'] },
      {
        debounceMs: 0,
        onRebuild: ({ ms }) => {
          began.push(performance.now() - ms - 1);
          built();
        },
      },
    );
    const titled = (title: string) =>
      original.replace('title: China Space Station science in 2025', `title: ${title}`);
    /** Whether a build begins after `since`, within 5 s. */
    const buildAfter = (since: number) =>
      new Promise<boolean>((answer) => {
        const timer = setTimeout(() => answer(false), 5000);
        built = () => {
          if (began.some((at) => at > since)) {
            clearTimeout(timer);
            answer(true);
          }
        };
      });
    try {
      await handle.ready;
      // chokidar holds back a second change to a file within 50 ms of the first, written in
      // place or renamed over it (as many editors save).
      const saves = [10, 20, 30, 40].flatMap((gap) => [
        { gap, save: (text: string) => writeFileSync(data, text) },
        {
          gap,
          save: (text: string) => {
            writeFileSync(`${data}~`, text);
            renameSync(`${data}~`, data);
          },
        },
      ]);
      for (const [round, { gap, save }] of saves.entries()) {
        save(titled(`Edit ${round}a`));
        await new Promise((wait) => setTimeout(wait, gap));
        const saved = performance.now();
        save(titled(`Edit ${round}b`));
        expect(await buildAfter(saved), `round ${round}, ${gap} ms after the first`).toBe(true);
        await new Promise((wait) => setTimeout(wait, 200));
        expect(await titleSlideText(join(out, 'briefing.pptx'))).toContain(`Edit ${round}b`);
      }
    } finally {
      await handle.close();
    }
  });

  it('rebuilds for a data edit when the outputs go to the dataset’s own folder', async () => {
    const { dir, data, original } = sampleDataCopy();
    const events = rebuilds();
    const handle = watch(
      { data, template: fileURLToPath(sampleTemplate), out: dir, outputs: ['pptx'] },
      { onRebuild: events.onRebuild, debounceMs: 150 },
    );
    try {
      await handle.ready;
      await events.next();
      writeFileSync(data, original.replace('title: China Space Station', 'title: Beside it'));
      expect(await events.next()).toMatchObject({ ok: true, changed: [data] });
      expect(await titleSlideText(join(dir, 'briefing.pptx'))).toContain('Beside it');
    } finally {
      await handle.close();
    }
  });

  it('does not rebuild for its own writes when the outputs go inside the template folder', async () => {
    const { data, original, template } = sampleCopies();
    const seen: RebuildEvent[] = [];
    const handle = watch(
      { data, template, out: join(template, 'out'), outputs: ['pptx'] },
      { onRebuild: (event) => seen.push(event), debounceMs: 50 },
    );
    try {
      await handle.ready;
      writeFileSync(data, original.replace('title: China Space Station', 'title: Inside'));
      await new Promise((wait) => setTimeout(wait, 2000));
      expect(seen.map((event) => event.changed)).toEqual([[], [data]]);
    } finally {
      await handle.close();
    }
  });

  it('collects the young generation between builds, where V8’s gc is exposed', async () => {
    const gc = vi.fn();
    vi.stubGlobal('gc', gc);
    const { handle } = watchCopies(['pptx']);
    try {
      await handle.ready;
      expect(gc).toHaveBeenCalledWith({ type: 'minor' });
    } finally {
      vi.unstubAllGlobals();
      await handle.close();
    }
  });

  it('draws the charts its first build took from the store again before it is ready, and only then', async () => {
    const { dir, data, original, template } = sampleCopies();
    const options = { data, template, outputs: ['pptx' as const] };
    // Drawn by an earlier build: in the store, and not in the memory of the modules below.
    await thenStored(() => build({ ...options, out: join(dir, 'before') }));
    // The watch in modules of its own, whose collector of stored charts the test can see.
    vi.resetModules();
    const collect = vi.fn();
    vi.doMock('../../src/charts/chart-memo.ts', async (importOriginal) => {
      const memo = await importOriginal<typeof import('../../src/charts/chart-memo.ts')>();
      return { ...memo, collectStoredCharts: collect.mockImplementation(memo.collectStoredCharts) };
    });
    const fresh = await import('../../src/cli/watch/watch.ts');
    vi.doUnmock('../../src/charts/chart-memo.ts');
    const events = rebuilds();
    const handle = fresh.watch(
      { ...options, out: join(dir, 'out') },
      { onRebuild: events.onRebuild, debounceMs: 150 },
    );
    const stored = collect.mock.results[0]?.value as StoredCharts;
    const drawAgain = stored.drawAgain.bind(stored);
    let drawn = 0;
    const draws = vi.spyOn(stored, 'drawAgain').mockImplementation(async (stop) => {
      drawn = await drawAgain(stop);
      return drawn;
    });
    try {
      await handle.ready;
      // Two charts, at slide and at summary size, and one again shorter (chart-store.test.ts).
      expect(drawn).toBe(5);
      const stop = draws.mock.calls[0]?.[0] as () => boolean;
      expect(stop()).toBe(false);
      await events.next();
      writeFileSync(data, original.replace('value: 867.5', 'value: 868'));
      // A change waiting to be built stops the drawing.
      await vi.waitFor(() => expect(stop()).toBe(true), { timeout: 10_000, interval: 5 });
      expect(await events.next()).toMatchObject({ ok: true, changed: [data] });
      // Closed, once that build is all done.
      await handle.close();
      expect(draws).toHaveBeenCalledTimes(1);
    } finally {
      await handle.close();
    }
  });

  it('reads a template edited after a data edit, not the template folder as first read', async () => {
    const { data, original, template, out, events, handle } = watchCopies(['pptx']);
    try {
      await handle.ready;
      await events.next();
      writeFileSync(data, original.replace('China Space Station science in 2025', 'Edited'));
      expect(await events.next()).toMatchObject({ ok: true, changed: [data] });
      const pptx = join(out, 'briefing.pptx');
      expect(await titleSlideText(pptx)).toContain('Edited');

      const deck = join(template, 'deck.md.hbs');
      writeFileSync(
        deck,
        readFileSync(deck, 'utf8').replace('# {{report.title}}', '# Re: {{report.title}}'),
      );
      expect(await events.next()).toMatchObject({ ok: true, changed: [deck] });
      expect(await titleSlideText(pptx)).toContain('Re: Edited');
    } finally {
      await handle.close();
    }
  });

  it("names only real inputs when an editor's temp file comes and goes (sed -i, vim's 4913)", async () => {
    const { dir, data, template } = sampleCopies();
    const events = rebuilds();
    // A long quiet time: each step below happens well inside it, so each is one batch.
    const handle = watch(
      { data, template, out: join(dir, 'out'), outputs: ['pptx'] },
      { onRebuild: events.onRebuild, debounceMs: 1500 },
    );
    const seen = () => new Promise((heard) => setTimeout(heard, 400));
    try {
      await handle.ready;
      expect(await events.next()).toMatchObject({ ok: true, changed: [] });
      const deck = join(template, 'deck.md.hbs');
      const text = readFileSync(deck, 'utf8');

      // sed -i: the edit goes to a temp file, renamed over the original.
      const sedTemp = join(template, 'sedAb12Cd');
      writeFileSync(sedTemp, `${text}\n`);
      await seen();
      renameSync(sedTemp, deck);
      expect(await events.next()).toMatchObject({ ok: true, changed: [deck] });

      // vim's probe of the folder, alone: no build. The next build names the real edit only.
      const probe = join(template, '4913');
      writeFileSync(probe, '');
      await seen();
      rmSync(probe);
      writeFileSync(deck, text);
      expect(await events.next()).toMatchObject({ ok: true, changed: [deck] });
    } finally {
      await handle.close();
    }
  });

  it('follows the data file when it is deleted and created again (git checkout, cp, some editors)', async () => {
    const { dir, data, original } = sampleDataCopy();
    const out = join(dir, 'out');
    const events = rebuilds();
    const handle = watch(
      { data, template: fileURLToPath(sampleTemplate), out, outputs: ['pptx'] },
      { onRebuild: events.onRebuild, debounceMs: 150 },
    );
    const retitled = (title: string) =>
      original.replace('title: China Space Station science in 2025', `title: ${title}`);
    try {
      await handle.ready;
      expect(await events.next()).toMatchObject({ ok: true, changed: [] });
      const pptx = join(out, 'briefing.pptx');

      rmSync(data);
      expect(await events.next()).toMatchObject({ ok: false, changed: [data], removed: [data] });

      const recreated = await editUntilRebuilt(data, retitled('Back again'), events.next());
      expect(recreated).toMatchObject({ ok: true, changed: [data], removed: [] });
      expect(await titleSlideText(pptx)).toContain('Back again');

      // Later edits go on triggering rebuilds.
      const edited = await editUntilRebuilt(data, retitled('Edited later'), events.next());
      expect(edited).toMatchObject({ ok: true, changed: [data] });
      expect(await titleSlideText(pptx)).toContain('Edited later');
    } finally {
      await handle.close();
    }
  });

  it('rebuilds when a !csv table of the dataset changes', async () => {
    const { handle, events, csv, figures, pptx } = watchTableDataset(true);
    try {
      await handle.ready;
      expect(await events.next()).toMatchObject({ ok: true, changed: [] });
      expect(handle.paths).toContain(csv);
      expect(await deckText(pptx)).toContain('867.5');

      const edited = await editUntilRebuilt(csv, figures.replace('867.5', '901.25'), events.next());
      expect(edited).toMatchObject({ ok: true, changed: [csv] });
      expect(await deckText(pptx)).toContain('901.25');
    } finally {
      await handle.close();
    }
  });

  it('rebuilds when a !csv table a failed build lacked is created beside the dataset, not for other files there', async () => {
    const { handle, events, csv, figures } = watchTableDataset(false);
    try {
      await handle.ready;
      expect(await events.next()).toMatchObject({ ok: false });
      // A folder made and removed there is no table: no rebuild names it.
      const folder = join(dirname(csv), 'elsewhere');
      mkdirSync(folder);
      await new Promise((later) => setTimeout(later, 400));
      rmdirSync(folder);
      // Nor is any other file written there: a log of this watch, notes. Only a .csv can be.
      writeFileSync(join(dirname(csv), 'watch.log'), 'rebuild failed');
      writeFileSync(join(dirname(csv), 'figures.txt'), figures);
      await new Promise((later) => setTimeout(later, 400));
      const rebuilt = await editUntilRebuilt(csv, figures, events.next());
      expect(rebuilt).toMatchObject({ ok: true, changed: [csv] });
    } finally {
      await handle.close();
    }
  });

  it('rebuilds when a !csv table a failed build lacked is created in a subfolder of the dataset’s', async () => {
    const { handle, events, csv, figures } = watchTableDataset(false, 'tables/2025/figures.csv');
    try {
      await handle.ready;
      expect(await events.next()).toMatchObject({ ok: false });
      mkdirSync(dirname(csv), { recursive: true });
      const rebuilt = await editUntilRebuilt(csv, figures, events.next());
      expect(rebuilt).toMatchObject({ ok: true, changed: [csv] });
    } finally {
      await handle.close();
    }
  });
});

describe('briefkit watch', () => {
  it('stops at a Ctrl-C pressed as its first build is written, exit 0, no temp file left', async () => {
    const dir = tempDir('briefkit-watch-');
    const out = join(dir, 'out');
    const context = testContext();
    // Pressed as the first build reports, while the watch goes on (it draws stored charts again).
    const pressing = {
      ...context,
      stdout: {
        write(text: string) {
          const written = context.stdout.write(text);
          if (text.startsWith('Built ')) context.interrupt();
          return written;
        },
      },
    };
    const running = runCli(
      [
        'watch',
        '--data',
        fileURLToPath(sampleData),
        '--template',
        fileURLToPath(sampleTemplate),
        '--out',
        out,
      ],
      pressing,
    );
    expect(await running).toBe(0);
    expect(context.out()).toMatch(/^Built .+ in \d+ ms\nStopped watching\.\n$/);
    expect(readdirSync(out).sort()).toEqual([
      'briefing.pptx',
      'handout.pdf',
      'slides.pdf',
      'summary.pdf',
    ]);
  });
});
