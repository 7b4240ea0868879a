import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type RebuildEvent, watch } from '../../src/cli/watch/watch.ts';
import { isBriefkitError } from '../../src/errors/briefkit-error.ts';
import { pptxParts, slideNames, textRuns } from '../helpers/pptx-parts.ts';
import { tempDir } from '../helpers/sample.ts';

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

async function titleSlideText(pptx: string): Promise<string> {
  const parts = await pptxParts(readFileSync(pptx));
  const [first] = slideNames(parts);
  return textRuns(parts.get(first ?? '') ?? '').join(' ');
}

describe('watch', () => {
  it('rebuilds when the data or a chart spec changes, and keeps the last good outputs when a build fails', async () => {
    const dir = tempDir('briefkit-watch-');
    const data = join(dir, 'data.yaml');
    const original = readFileSync(sampleData, 'utf8');
    writeFileSync(data, original);
    const template = join(dir, 'template');
    cpSync(sampleTemplate, template, { recursive: true });
    const out = join(dir, 'out');
    const events = rebuilds();
    // A longer quiet time than the default keeps one edit to one rebuild on a loaded machine.
    const handle = watch({ data, template, out }, { onRebuild: events.onRebuild, debounceMs: 150 });
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
});
