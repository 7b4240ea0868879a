import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SVGtoPDF from 'svg-to-pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FontFace, FontSet } from '../../src/layout/fonts.ts';
import { tempDir, thenStored } from '../helpers/sample.ts';

const meta = { title: 't', author: 'a', lang: 'en', date: new Date(Date.UTC(2026, 0, 1)) };

// Synthetic SVG: text in two faces, translucent fills, a path and a rotated label.
const chart = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
  <rect x="0" y="0" width="200" height="100" fill="#eeeeee"/>
  <path d="M10,90L60,20L110,60Z" fill="#336699" fill-opacity="0.6" stroke="#000" stroke-opacity="0.3"/>
  <text x="10" y="15" font-family="latin" font-size="9">Samples: 12 kg</text>
  <text x="120" y="40" font-family="cjk" font-size="9" transform="rotate(-30 120 40)">科学实验</text>
</svg>`;
const gradient = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/><stop offset="1" stop-color="#00f"/></linearGradient></defs>
  <rect width="100" height="50" fill="url(#g)"/><text x="5" y="20" font-family="latin">Hi</text>
</svg>`;

/** The modules fresh, as in a new process, with the given cache folder (none: no cache). */
async function fresh(cacheDir?: string) {
  vi.stubEnv('BRIEFKIT_CACHE_DIR', cacheDir ?? '');
  vi.stubEnv('BRIEFKIT_NO_CACHE', cacheDir ? '' : '1');
  vi.resetModules();
  const { loadFontSet } = await import('../../src/layout/fonts.ts');
  const { createPdf, finishPdf, useFace } = await import('../../src/render/pdf/pdf-document.ts');
  const { drawRecorded } = await import('../../src/render/pdf/recorded-drawing.ts');
  const fonts = loadFontSet('carlito');
  const [latin, , , , , , cjk] = fonts.styles.regular as FontFace[];
  const draws = { count: 0 };

  /** A page with text before and after the drawings, so resource order matters. */
  async function page(svg: string | string[], set: FontSet = fonts): Promise<Buffer> {
    const doc = createPdf(meta, { tagged: false });
    doc.addPage({ size: [300, 200] });
    useFace(doc, latin as FontFace)
      .fontSize(10)
      .text('Before: Tiangong', 10, 10, { lineBreak: false });
    for (const each of [svg].flat()) {
      drawRecorded(doc, set, `20 30 ${each}`, (selectFace) => {
        draws.count++;
        SVGtoPDF(doc, each, 20, 30, {
          assumePt: true,
          fontCallback: (family) => {
            const face = (family === 'cjk' ? cjk : latin) as FontFace;
            selectFace(face);
            return face.id;
          },
        });
      });
    }
    doc.fillColor('#000000').text('After: 空间站', 10, 180, { lineBreak: false });
    return thenStored(async () => Buffer.from(await finishPdf(doc)));
  }
  return { page, draws, fonts };
}

describe('recorded drawings', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('replays a drawing as the same bytes as drawing it live', async () => {
    const { page, draws, fonts } = await fresh();
    const live = await page(chart);
    const replayed = await page(chart);
    expect(draws.count).toBe(1);
    expect(replayed.equals(live)).toBe(true);
    // Another font set draws live again: the same bytes once more.
    expect((await page(chart, { ...fonts })).equals(live)).toBe(true);
    expect(draws.count).toBe(2);
  });

  it('replays in a new process what an earlier one drew, from the cache folder', async () => {
    const store = tempDir();
    const first = await fresh(store);
    const live = await first.page(chart);
    expect(readdirSync(join(store, 'drawings'))).toHaveLength(1);
    const second = await fresh(store);
    expect((await second.page(chart)).equals(live)).toBe(true);
    expect(second.draws.count).toBe(0);

    // An entry that is not as written is drawn again, to the same bytes.
    const [entry] = readdirSync(join(store, 'drawings'));
    const file = join(store, 'drawings', entry as string);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.value.ops.find((op: { kind: string }) => op.kind === 'glyph').glyphId = 'x';
    writeFileSync(file, JSON.stringify(stored));
    const third = await fresh(store);
    expect((await third.page(chart)).equals(live)).toBe(true);
    expect(third.draws.count).toBe(1);
  });

  it('replays a stored drawing beside a live one as two live draws would write them', async () => {
    // The two share opacity states, which pdfkit names by value: the replay must find them.
    const store = tempDir();
    const other = chart.replace('12 kg', '13 kg');
    await (await fresh(store)).page(other);
    const mixed = await (await fresh(store)).page([chart, other]);
    const live = await (await fresh()).page([chart, other]);
    expect(mixed.equals(live)).toBe(true);
  });

  it('draws live each time what replay cannot redo (here a gradient)', async () => {
    const store = tempDir();
    const { page, draws } = await fresh(store);
    const first = await page(gradient);
    const second = await page(gradient);
    expect(draws.count).toBe(2);
    expect(second.equals(first)).toBe(true);
    expect(readdirSync(store)).not.toContain('drawings');
  });
});
