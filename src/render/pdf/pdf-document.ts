import type * as Fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { lazyJsonStore, readOrMake, textEntry } from '../../cache/json-store.ts';
import { LruCache } from '../../cache/lru-cache.ts';
import type { FontFace } from '../../layout/fonts.ts';
import { escapeXml } from '../escape-xml.ts';
import { quickerStreams } from './pdf-streams.ts';

export interface PdfMeta {
  title: string;
  author: string;
  lang: string;
  subject?: string;
  /** Embedded as creation and modification date: fixed input, fixed bytes. */
  date: Date;
}

export interface PdfOptions {
  tagged: boolean;
}

/** A pdfkit document with fixed dates and no standard-14 font; faces register on first use. */
export function createPdf(meta: PdfMeta, options: PdfOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    pdfVersion: '1.7',
    tagged: options.tagged,
    displayTitle: true,
    lang: meta.lang,
    font: null, // no default Helvetica: every text run names an embedded face
    info: {
      Title: meta.title,
      Author: meta.author,
      ...(meta.subject ? { Subject: meta.subject } : {}),
      Creator: 'briefkit',
      Producer: 'briefkit',
      CreationDate: meta.date,
      ModDate: meta.date,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  escapeXmpInfo(doc);
  quickerStreams(doc);
  return doc;
}

type InfoWriter = { info: Record<string, unknown>; _addInfo(): void };

/**
 * pdfkit copies the title, author and subject into the XMP metadata packet as they are, so
 * a title from the data holding `<` or `&` would become markup there (or break the packet).
 * The XMP is written from escaped copies; the Info dictionary keeps the plain text.
 */
function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const writer = doc as unknown as InfoWriter;
  const addInfo = writer._addInfo;
  writer._addInfo = function (this: InfoWriter) {
    const info = this.info;
    this.info = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [
        key,
        typeof value === 'string' ? escapeXml(value) : value,
      ]),
    );
    try {
      addInfo.call(this);
    } finally {
      this.info = info;
    }
  };
}

/** pdfkit's font as a document holds it: its resource name, glyph subset and encoder. */
export interface PdfFont {
  id: string;
  subset: { glyphs: number[]; includeGlyph(glyphId: number): number };
  /** Per subset glyph id: advance in 1/1000 em, and the code points it stands for. */
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  /** 1000 / units per em. */
  scale: number;
  encode(text: string, features?: unknown): unknown;
  ref(): unknown;
}

/** Per document, the faces registered so far and the font pdfkit made of each. */
const registered = new WeakMap<PDFKit.PDFDocument, Map<FontFace, PdfFont>>();

/** Selects a face, registering it on first use: unused fallback faces are never read. */
export function useFace(doc: PDFKit.PDFDocument, face: FontFace): PDFKit.PDFDocument {
  let fonts = registered.get(doc);
  if (!fonts) {
    fonts = new Map();
    registered.set(doc, fonts);
  }
  if (fonts.has(face)) return doc.font(face.id);
  doc.registerFont(face.id, plainFont(face) as never);
  doc.font(face.id);
  const font = (doc as unknown as { _font: PdfFont })._font;
  // pdfkit records .notdef's width in font units, not 1/1000 em: in a 2048-unit face the box
  // drawn for a missing character would be twice as wide as measured, pushing the rest right.
  font.widths[0] = face.font.getGlyph(0).advanceWidth * font.scale;
  fonts.set(face, font);
  return doc;
}

/** The font pdfkit made of a face `useFace` registered in this document. */
export function pdfFont(doc: PDFKit.PDFDocument, face: FontFace): PdfFont {
  const font = registered.get(doc)?.get(face);
  if (!font) throw new Error(`${face.id} is not registered in this document.`);
  return font;
}

const hexes: string[] = [];

/**
 * A glyph's id in a document's subset as pdfkit writes it in text operators: written for
 * every glyph of every PDF, so each is made once.
 */
export const glyphHex = (gid: number): string => (hexes[gid] ??= gid.toString(16).padStart(4, '0'));

const plainFonts = new WeakMap<FontFace, Fontkit.Font>();

/**
 * The face as pdfkit sees it: parsed once for every document, and set glyph by glyph with
 * plain advances, exactly as layout measured it (no kerning, ligatures or contextual forms,
 * which Office does not apply either). Skipping OpenType shaping is most of a PDF's speed.
 */
function plainFont(face: FontFace): Fontkit.Font {
  let font = plainFonts.get(face);
  if (!font) {
    font = Object.create(face.font, {
      layout: { value: (text: string) => plainLayout(face, text) },
      createSubset: { value: () => reusedSubset(face) },
    }) as Fontkit.Font;
    plainFonts.set(face, font);
  }
  return font;
}

/**
 * Embedded subsets by face and glyphs: a rebuild mostly embeds the same glyphs again. Kept
 * on disk too (`subsets` in cacheDir): fontkit's subsetter is slow in a new process.
 */
const subsets = new LruCache<string, Uint8Array>(64);
const subsetStore = lazyJsonStore({
  part: 'subsets',
  limit: 500,
  accept: textEntry('base64'),
});

/** fontkit's subsets list their glyph ids, though its typings omit it. */
type GlyphSubset = Fontkit.Subset & { glyphs: number[] };

function reusedSubset(face: FontFace): Fontkit.Subset {
  const subset = face.font.createSubset() as GlyphSubset;
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const key = `${face.id} ${subset.glyphs.join(',')}`;
    let bytes = subsets.get(key);
    if (!bytes) {
      const { base64 } = readOrMake(subsetStore, key, () => ({
        base64: Buffer.from(encode()).toString('base64'),
      }));
      bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      subsets.set(key, bytes);
    }
    return bytes;
  };
  return subset;
}

function plainLayout(face: FontFace, text: string) {
  const glyphs = [...text].map((char) => face.glyph(char.codePointAt(0) as number));
  const positions = glyphs.map((glyph) => ({
    xAdvance: glyph.advanceWidth,
    yAdvance: 0,
    xOffset: 0,
    yOffset: 0,
  }));
  const advanceWidth = glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
  return { glyphs, positions, advanceWidth };
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}
