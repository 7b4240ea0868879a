/**
 * Fonts: one set of files both measures text and is embedded in the PDFs, so what fits in
 * layout fits on the page. Carlito is metric-compatible with Calibri, so the PPTX names
 * "Calibri": PowerPoint draws Calibri, LibreOffice substitutes Carlito, widths match.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { woffToSfnt } from './woff.ts';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface FontFace {
  /** Unique name, used to register the face with pdfkit. */
  id: string;
  file: string;
  /** The face as TrueType (sfnt) bytes: what pdfkit embeds and resvg draws with. */
  data: Buffer;
  font: fontkit.Font;
}

export interface FontSet {
  /** The name written into the PPTX. */
  officeName: string;
  /** The family name charts use. */
  chartFamily: string;
  /** Per style, faces in fallback order: the first face that has a glyph draws it. */
  styles: Record<FontStyle, FontFace[]>;
}

const require = createRequire(import.meta.url);

const fontsourceStyles: Record<FontStyle, string> = {
  regular: '400-normal',
  bold: '700-normal',
  italic: '400-italic',
  boldItalic: '700-italic',
};

interface FontsourceFamily {
  package: string;
  family: string;
  officeName: string;
  subsets: string[];
}

/** Families briefkit ships; a theme picks one by key. */
export const fontFamilies = {
  carlito: {
    package: '@fontsource/carlito',
    family: 'carlito',
    officeName: 'Calibri',
    subsets: ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'],
  },
} satisfies Record<string, FontsourceFamily>;

export type FontFamilyKey = keyof typeof fontFamilies;

const loaded = new Map<FontFamilyKey, FontSet>();

/** Fonts are parsed once per process: parsing is the slow part of a warm rebuild. */
export function loadFontSet(key: FontFamilyKey): FontSet {
  const cached = loaded.get(key);
  if (cached) return cached;
  const family: FontsourceFamily = fontFamilies[key];
  const faces = (style: FontStyle) =>
    family.subsets.map((subset): FontFace => {
      // WOFF, not WOFF2: fontkit's subsetter crashes on fontsource's WOFF2 at embed time.
      const id = `${family.family}-${subset}-${fontsourceStyles[style]}`;
      const file = require.resolve(`${family.package}/files/${id}.woff`);
      const data = woffToSfnt(readFileSync(file));
      return { id, file, data, font: fontkit.create(data) as fontkit.Font };
    });
  const set: FontSet = {
    officeName: family.officeName,
    chartFamily: family.officeName,
    styles: {
      regular: faces('regular'),
      bold: faces('bold'),
      italic: faces('italic'),
      boldItalic: faces('boldItalic'),
    },
  };
  loaded.set(key, set);
  return set;
}

export function styleOf(bold: boolean | undefined, italic: boolean | undefined): FontStyle {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}
