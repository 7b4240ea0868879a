import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { type Compiled, compile } from '../../src/build.ts';
import { paintPptx } from '../../src/render/pptx/paint-pptx.ts';
import { reuseSlides } from '../../src/render/pptx/slide-memo.ts';
import { tempDir } from '../helpers/sample.ts';

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
  it('are put back to the byte, charts and all', async () => {
    const c = await compile({ record: record('Synthetic School A') });
    const first = await paint(c);
    const meta = { title: c.report.title, author: c.report.author, lang: c.report.locale };
    const { blank } = reuseSlides(c.deck, c.fonts, meta);
    expect(c.deck.slides.some((s) => s.frames.some((f) => f.kind === 'chart'))).toBe(true);
    expect(blank.size).toBe(c.deck.slides.length);
    expect(await paint(c)).toEqual(first);
  });

  it('give the deck a fresh painter would write, when one slide changed', async () => {
    const before = await paint(await compile({ record: record('Synthetic School A') }));
    const other = await compile({ record: record('Synthetic School B') });
    const reused = await paint(other);
    expect(reused).not.toEqual(before);
    expect(reused).toEqual(await paint(other, await freshPainter()));
  });

  it('number charts in deck order, when a later chart is put back and an earlier one is not', async () => {
    await paint(await compile({}));
    // The first chart (mass moved) changes; the second is put back with its older number.
    const data = join(tempDir(), 'data.yaml');
    const sample = readFileSync('data/space-station-2025.yaml', 'utf8');
    writeFileSync(data, sample.replace('value: 867.5', 'value: 901.5'));
    const edited = await compile({ data });
    const reused = await paint(edited);
    expect(reused).toEqual(await paint(edited, await freshPainter()));
    expect(chartPart(reused, 1)).toContain('901.5');
  });
});

/** The text of chartN.xml in a deck. */
function chartPart(pptx: Uint8Array, n: number): string {
  return strFromU8(unzipSync(pptx)[`ppt/charts/chart${n}.xml`] as Uint8Array);
}

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
