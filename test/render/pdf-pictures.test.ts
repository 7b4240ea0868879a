import PNG from 'png-js';
import { describe, expect, it, vi } from 'vitest';
import { scanObjects } from '../../src/inspect/pdf-objects.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import type { DeckLayout, Frame } from '../../src/layout/frames.ts';
import { logoFrame } from '../../src/layout/slide-kit.ts';
import { paintSlides } from '../../src/render/pdf/paint-slides.ts';
import { readImage } from '../../src/template/read-images.ts';

const fonts = loadFontSet('carlito');
const meta = { title: 't', author: 'a', lang: 'en-US', date: new Date(Date.UTC(2026, 0, 1)) };
const template = 'docs/examples/synthetic-tour/template';

/** A deck of `n` slides, each showing the tour's logo (a PNG with an alpha channel). */
function deckWithLogo(n: number): DeckLayout {
  const logo = readImage(template, 'images/logo.png', 'theme.yaml');
  const frame: Frame = logoFrame(logo, 912, 515, { w: 120, h: 28 });
  return {
    width: 960,
    height: 540,
    chartStyle: { text: '000000', grid: 'EEEEEE', rule: '999999' },
    slides: Array.from({ length: n }, (_, i) => ({
      number: i + 1,
      background: 'FFFFFF',
      frames: [frame],
      notes: '',
    })),
  };
}

const pictureObjects = (bytes: Uint8Array) =>
  [...scanObjects(bytes).objects.values()].filter((body) => body.includes('/Subtype /Image'));

describe('pictures in the PDFs', () => {
  it('stores a picture shown on every slide once, with its mask, the same bytes each time', async () => {
    // Drawn as it came, the logo was embedded once per slide, each copy's alpha channel split
    // on zlib's thread pool: copies in the order zlib finished them.
    const deck = deckWithLogo(12);
    const first = await paintSlides(deck, fonts, meta);
    // The picture and its soft mask, once.
    expect(pictureObjects(first)).toHaveLength(2);
    const again = await Promise.all([1, 2, 3].map(() => paintSlides(deck, fonts, meta)));
    for (const bytes of again) expect(Buffer.from(bytes).equals(Buffer.from(first))).toBe(true);
  });

  it("decodes a picture's pixels once for every document that shows it", async () => {
    // pdfkit decodes each pixel of a PNG with transparency in JavaScript: for the logo, that
    // was most of a branded summary's time in each batch record.
    const deck = deckWithLogo(2);
    const first = await paintSlides(deck, fonts, meta);
    const decode = vi.spyOn(PNG.prototype, 'decodePixels');
    try {
      const again = await paintSlides(deckWithLogo(2), fonts, meta);
      expect(decode).not.toHaveBeenCalled();
      expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    } finally {
      decode.mockRestore();
    }
  });
});
