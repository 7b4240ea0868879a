/**
 * Fonts: one set of files both measures text and is embedded in the PDFs, so what fits in
 * layout fits on the page. Carlito is metric-compatible with Calibri, so the PPTX names
 * "Calibri": PowerPoint draws Calibri, LibreOffice substitutes Carlito, widths match.
 * Text outside a face's coverage falls back along a chain (Latin subsets, then CJK).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { create } from 'fontkit';
import { woffToSfnt } from './woff.ts';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** One font file, found, read and parsed on first use: most builds never touch most faces. */
export class FontFace {
  #data: Buffer | undefined;
  #font: Fontkit.Font | undefined;

  constructor(
    /** Unique name, used to register the face with pdfkit. */
    readonly id: string,
    /** The file, as a package path such as `@fontsource/carlito/files/….woff`. */
    readonly specifier: string,
  ) {}

  get file(): string {
    return require.resolve(this.specifier);
  }

  /** The face as TrueType (sfnt) bytes: what pdfkit embeds and resvg draws with. */
  get data(): Buffer {
    this.#data ??= woffToSfnt(readFileSync(this.file));
    return this.#data;
  }

  get font(): Fontkit.Font {
    this.#font ??= create(this.data) as Fontkit.Font;
    return this.#font;
  }

  // fontkit searches the cmap and decodes metrics on every call; each answer is kept here.
  readonly #glyphs = new Map<number, Fontkit.Glyph>();
  readonly #covers = new Map<number, boolean>();
  readonly #advances = new Map<number, number>();

  /** The glyph for a code point. */
  glyph(codePoint: number): Fontkit.Glyph {
    const known = this.#glyphs.get(codePoint);
    return known ?? kept(this.#glyphs, codePoint, this.font.glyphForCodePoint(codePoint));
  }

  /** Whether the face has a glyph for the code point. */
  covers(codePoint: number): boolean {
    const known = this.#covers.get(codePoint);
    return known ?? kept(this.#covers, codePoint, this.font.hasGlyphForCodePoint(codePoint));
  }

  /** The glyph's advance as a fraction of the em. */
  advance(codePoint: number): number {
    const known = this.#advances.get(codePoint);
    return (
      known ??
      kept(this.#advances, codePoint, this.glyph(codePoint).advanceWidth / this.font.unitsPerEm)
    );
  }
}

/** Keeps a computed answer and returns it. */
function kept<V>(answers: Map<number, V>, codePoint: number, answer: V): V {
  answers.set(codePoint, answer);
  return answer;
}

export interface FontSet {
  /** The Latin font named in the PPTX. */
  officeName: string;
  /** The East Asian font named in the PPTX (the `ea` slot). */
  eastAsianName: string;
  /** The family name charts use. */
  chartFamily: string;
  /** Per style, faces in fallback order: the first face that has a glyph draws it. */
  styles: Record<FontStyle, FontFace[]>;
}

const require = createRequire(import.meta.url);
const styles: FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** Fontsource packages split a family into script subsets, each a WOFF file. */
function fontsource(pkg: string, family: string, subsets: string[]): Record<FontStyle, FontFace[]> {
  const suffix: Record<FontStyle, string> = {
    regular: '400-normal',
    bold: '700-normal',
    italic: '400-italic',
    boldItalic: '700-italic',
  };
  const faces = (style: FontStyle) =>
    subsets.map((subset) => {
      // WOFF, not WOFF2: fontkit's subsetter crashes on fontsource's WOFF2 at embed time.
      const id = `${family}-${subset}-${suffix[style]}`;
      return new FontFace(id, `${pkg}/files/${id}.woff`);
    });
  return Object.fromEntries(styles.map((s) => [s, faces(s)])) as Record<FontStyle, FontFace[]>;
}

/** Noto Sans SC (Simplified Chinese, also Japanese kana and Latin) as TrueType; no italics. */
function notoSansSc(): Record<FontStyle, FontFace[]> {
  const face = (weight: string) =>
    new FontFace(
      `noto-sans-sc-${weight}`,
      `@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`,
    );
  const regular = face('400Regular');
  const bold = face('700Bold');
  return { regular: [regular], bold: [bold], italic: [regular], boldItalic: [bold] };
}

/** A family of faces, and the name office programs know it by. */
interface FontFamily {
  officeName: string;
  faces: () => Record<FontStyle, FontFace[]>;
}

/**
 * The families briefkit ships, by the key a theme picks one with. Spelled out rather than
 * taken from the table below, so the library's public Theme type stays a plain union.
 */
export type FontFamilyKey = 'carlito';
export type FallbackFamilyKey = 'noto-sans-sc';

const fontFamilies: Record<FontFamilyKey, FontFamily> = {
  carlito: {
    officeName: 'Calibri',
    faces: () =>
      fontsource('@fontsource/carlito', 'carlito', [
        'latin',
        'latin-ext',
        'greek',
        'greek-ext',
        'cyrillic',
        'cyrillic-ext',
      ]),
  },
};

const fallbackFamilies: Record<FallbackFamilyKey, FontFamily> = {
  'noto-sans-sc': { officeName: 'Noto Sans SC', faces: notoSansSc },
};

const loaded = new Map<string, FontSet>();

/** One font set per process: faces are parsed once and reused by every later build. */
export function loadFontSet(
  key: FontFamilyKey,
  fallbacks: readonly FallbackFamilyKey[] = ['noto-sans-sc'],
): FontSet {
  const cacheKey = [key, ...fallbacks].join('+');
  const cached = loaded.get(cacheKey);
  if (cached) return cached;
  const primary = fontFamilies[key];
  const chain = [primary.faces(), ...fallbacks.map((f) => fallbackFamilies[f].faces())];
  const first = fallbacks[0];
  const set: FontSet = {
    officeName: primary.officeName,
    eastAsianName: first ? fallbackFamilies[first].officeName : primary.officeName,
    chartFamily: primary.officeName,
    styles: Object.fromEntries(
      styles.map((s) => [s, chain.flatMap((faces) => faces[s])]),
    ) as Record<FontStyle, FontFace[]>,
  };
  loaded.set(cacheKey, set);
  return set;
}

/** The font set's faces by id, style by style: what keys a result measured or drawn with it. */
export function faceIds(fonts: FontSet): string[][] {
  return Object.values(fonts.styles).map((chain) => chain.map((face) => face.id));
}

export function styleOf(bold: boolean | undefined, italic: boolean | undefined): FontStyle {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}
