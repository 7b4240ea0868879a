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
  it('are put back to the byte, and only slides without charts', async () => {
    const c = await compile({ record: record('Synthetic School A') });
    const first = await paint(c);
    const meta = { title: c.report.title, author: c.report.author, lang: c.report.locale };
    const { blank } = reuseSlides(c.deck, c.fonts, meta);
    const owning = c.deck.slides.flatMap((s, i) =>
      s.frames.some((f) => f.kind === 'chart') ? [i] : [],
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

describe('slides with pictures painted before', () => {
  const tour = 'docs/examples/synthetic-tour';
  const tourRecord = (name: string) =>
    compile({
      data: `${tour}/data.yaml`,
      template: `${tour}/template`,
      record: { label: name, fields: { prepared_for: name } },
    });

  it('are put back with their pictures, to the byte', async () => {
    const c = await tourRecord('Synthetic School A');
    const pictured = c.deck.slides.flatMap((s, i) =>
      s.frames.some((f) => f.kind === 'image') && !s.frames.some((f) => f.kind === 'chart')
        ? [i]
        : [],
    );
    expect(pictured.length).toBeGreaterThan(1); // the logo is on every slide
    const first = await paint(c);
    const meta = { title: c.report.title, author: c.report.author, lang: c.report.locale };
    const { blank } = reuseSlides(c.deck, c.fonts, meta);
    for (const i of pictured) expect(blank.has(i), `slide ${i + 1}`).toBe(true);
    expect(await paint(c)).toEqual(first);
  });

  it('give the deck a fresh painter would write, when one slide changed', async () => {
    await paint(await tourRecord('Synthetic School A'));
    const other = await tourRecord('Synthetic School B');
    expect(await paint(other)).toEqual(await paint(other, await freshPainter()));
  });
});
