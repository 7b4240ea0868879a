import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { deckText } from '../helpers/pptx-parts.ts';
import { tempDir } from '../helpers/sample.ts';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/template/read-template.ts', async (original) => {
  const actual = await original<typeof import('../../src/template/read-template.ts')>();
  return {
    ...actual,
    readTemplate: (dir: string) => {
      reads.count++;
      return actual.readTemplate(dir);
    },
  };
});

const { watch } = await import('../../src/cli/watch/watch.ts');
type RebuildEvent = import('../../src/cli/watch/watch.ts').RebuildEvent;

describe('watch', () => {
  it('reads the template folder again only after a file in it changed', async () => {
    const dir = tempDir('briefkit-watch-');
    const data = join(dir, 'data.yaml');
    const sample = readFileSync(new URL('../../data/space-station-2025.yaml', import.meta.url));
    writeFileSync(data, sample);
    const template = join(dir, 'template');
    cpSync(new URL('../../templates/briefing', import.meta.url), template, { recursive: true });
    const strings = join(template, 'strings.yaml');
    const out = join(dir, 'out');
    const events: RebuildEvent[] = [];
    let heard = () => {};
    const next = async () => {
      while (!events.length) await new Promise<void>((resolve) => (heard = resolve));
      return events.shift() as RebuildEvent;
    };
    const handle = watch(
      { data, template, out, outputs: ['pptx'] },
      {
        onRebuild: (event) => {
          events.push(event);
          heard();
        },
        debounceMs: 150,
      },
    );
    try {
      await handle.ready;
      expect(await next()).toMatchObject({ ok: true });
      expect(reads.count).toBe(1);

      writeFileSync(data, `${sample}\n# edited\n`);
      expect(await next()).toMatchObject({ ok: true, changed: [data] });
      expect(reads.count).toBe(1);

      const text = readFileSync(strings, 'utf8');
      writeFileSync(strings, text.replace('The year in numbers', 'The year in figures'));
      expect(await next()).toMatchObject({ ok: true, changed: [strings] });
      expect(reads.count).toBe(2);
      expect(await deckText(join(out, 'briefing.pptx'))).toContain('The year in figures');
    } finally {
      await handle.close();
    }
  });
});
