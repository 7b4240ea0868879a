import { describe, expect, it, vi } from 'vitest';
import { type Compiled, compile } from '../../src/build.ts';
import { paintPptx } from '../../src/render/pptx/paint-pptx.ts';
import { reuseSlides } from '../../src/render/pptx/slide-memo.ts';

const record = (name: string) => ({ label: name, fields: { prepared_for: name } });

function paint(c: Compiled, painter = paintPptx): Promise<Uint8Array> {
  const meta = { title: c.report.title, author: c.report.author, lang: c.report.locale };
  return painter(c.deck, c.fonts, meta, {
    date: c.report.date,
    rasterize: async () => new Uint8Array(),
    eastAsianFont: c.fonts.eastAsianName,
  });
}

/** paintPptx from a module graph of its own: nothing painted before. */
async function freshPainter(): Promise<typeof paintPptx> {
  vi.resetModules();
  return (await import('../../src/render/pptx/paint-pptx.ts')).paintPptx;
}

describe('slides painted before', () => {
  it('are put back to the byte, and only slides without charts or pictures', async () => {
    const c = await compile({ record: record('Synthetic School A') });
    const first = await paint(c);
    const meta = { title: c.report.title, author: c.report.author, lang: c.report.locale };
    const { blank } = reuseSlides(c.deck, c.fonts, meta);
    const owning = c.deck.slides.flatMap((s, i) =>
      s.frames.some((f) => f.kind === 'chart' || f.kind === 'image') ? [i] : [],
    );
    expect(owning.length).toBeGreaterThan(0);
    expect(blank.size).toBe(c.deck.slides.length - owning.length);
    expect(await paint(c)).toEqual(first);
  });

  it('give the deck a fresh painter would write, when one slide changed', async () => {
    const before = await paint(await compile({ record: record('Synthetic School A') }));
    const other = await compile({ record: record('Synthetic School B') });
    const reused = await paint(other);
    expect(reused).not.toEqual(before);
    expect(reused).toEqual(await paint(other, await freshPainter()));
  });
});
