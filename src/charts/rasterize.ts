import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { LruCache } from '../cache/lru-cache.ts';
import type { FontFace, FontSet } from '../layout/fonts.ts';

/**
 * A real PNG of a chart, for PowerPoint versions that cannot show SVG. resvg reads only
 * TrueType/OpenType files (given WOFF it silently draws no text), so it gets the unpacked sfnt.
 * The PNG is opaque, so it is filled with the slide's `background` (6 hex digits): the chart's
 * labels and grid wear the theme's colours for that background, and on white a dark theme's
 * pale labels could not be read.
 */
export function rasterizeSvg(
  svg: string,
  fonts: FontSet,
  background: string,
  scale = 2,
): Uint8Array {
  const faces = [...fonts.styles.regular, ...fonts.styles.bold];
  const key = JSON.stringify([faces.map((face) => face.id), background, scale, svg]);
  return drawn.remember(key, () => {
    const resvg = new Resvg(svg, {
      font: {
        fontFiles: faces.map(sfntFile),
        loadSystemFonts: false,
        defaultFontFamily: fonts.chartFamily,
      },
      fitTo: { mode: 'zoom', value: scale },
      background: `#${background}`,
    });
    return resvg.render().asPng();
  });
}

/**
 * PNGs by fonts, background, scale and SVG: resvg loads every font file again for each
 * picture, so drawing the same chart again (the next batch record, a watch rebuild that left
 * it alone) took tens of milliseconds.
 */
const drawn = new LruCache<string, Uint8Array>(32);

/** resvg-js takes font files, not buffers: write each face once to a content-named cache file. */
function sfntFile(face: FontFace): string {
  const sfnt = face.data;
  const dir = join(tmpdir(), 'briefkit-fonts');
  const file = join(dir, `${createHash('sha256').update(sfnt).digest('hex').slice(0, 16)}.ttf`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, sfnt);
    renameSync(temp, file);
  }
  return file;
}
