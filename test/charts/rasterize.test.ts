import { describe, expect, it } from 'vitest';
import { rasterizeSvg } from '../../src/charts/rasterize.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';

const svg = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="24" font-family="Carlito" font-size="14">${label}</text></svg>`;
const png = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 8)).toString('latin1');

describe('a chart drawn as a PNG fallback', () => {
  const fonts = loadFontSet('carlito');

  it('is a PNG of the SVG at twice its size, on the background given', () => {
    const drawn = rasterizeSvg(svg('Tiangong'), fonts, 'ffffff');
    expect(png(drawn)).toBe('\x89PNG\r\n\x1a\n');
    const view = Buffer.from(drawn);
    expect([view.readUInt32BE(16), view.readUInt32BE(20)]).toEqual([240, 80]);
  });

  it('is drawn once for the same SVG, fonts and background, and again for another', () => {
    const first = rasterizeSvg(svg('Wentian'), fonts, 'ffffff');
    expect(rasterizeSvg(svg('Wentian'), fonts, 'ffffff')).toBe(first);
    expect(rasterizeSvg(svg('Wentian'), fonts, '000000')).not.toEqual(first);
    expect(rasterizeSvg(svg('Mengtian'), fonts, 'ffffff')).not.toEqual(first);
  });
});
