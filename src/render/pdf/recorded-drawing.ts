/**
 * Charts are drawn by svg-to-pdfkit, which parses the SVG and resolves its styles on every
 * draw: more work than the rest of a page. So the first draw of a chart at a place is
 * recorded, as the content it wrote and, in order, the fonts, glyphs and opacity states it
 * used. Later draws (the handout's copy of each slide, every rebuild in watch, every batch
 * record) replay the record, registering those resources in their document just as a live
 * draw does, so a replay writes the same bytes as the draw it stands for.
 */
import { lazyJsonStore } from '../../cache/json-store.ts';
import { LruCache } from '../../cache/lru-cache.ts';
import { type FontFace, type FontSet, faceIds } from '../../layout/fonts.ts';
import { faceNamed, glyphHex, type PdfFont, pdfFont, useFace } from './pdf-document.ts';

type Op =
  /** Content as written, each operator ending in a newline (pdfkit's framing). */
  | { kind: 'content'; bytes: Buffer }
  /** A face selected for the text that follows. */
  | { kind: 'face'; face: FontFace }
  /** Text encoded: its glyphs join the document's subset, in this order. */
  | { kind: 'encode'; face: FontFace; text: string; features: unknown }
  /** `/F… size Tf`: the face's resource name in this document, added to the page. */
  | { kind: 'font'; face: FontFace; size: string }
  /** `<…> Tj` for one glyph, by its id in the face; the id in the subset differs per document. */
  | { kind: 'glyph'; face: FontFace; glyphId: number }
  /** pdfkit names opacity states by `${fill}_${stroke}`: null and undefined are not the same. */
  | { kind: 'opacity'; fill: Opacity; stroke: Opacity };

type Opacity = number | null | undefined;

interface Drawing {
  ops: Op[];
  /** pdfkit's fill colour state when the draw ended. */
  fillColor: unknown;
}

/** What the recorder touches of a pdfkit document (private API, pinned with pdfkit). */
interface DocState {
  page: {
    fonts: Record<string, unknown>;
    resources: { data: { XObject?: object; Pattern?: object } };
    dictionary: { data: { Annots?: unknown[] } };
  };
  addContent(data: string): DocState;
  _doOpacity(fill?: Opacity, stroke?: Opacity): void;
  _fillColor: unknown;
  _groupCount?: number;
  _maskCount?: number;
  _patternCount?: number;
  _ctm: number[];
  _ctmStack: unknown[];
}

/** Draws the caller's part of the page; `selectFace` is how it picks each font. */
export type Draw = (selectFace: (face: FontFace) => void) => void;

/** Recorded drawings per font set (records hold its faces); null: not replayable. */
const drawings = new WeakMap<FontSet, LruCache<string, Drawing | null>>();

export function drawRecorded(doc: PDFKit.PDFDocument, fonts: FontSet, key: string, draw: Draw) {
  let cache = drawings.get(fonts);
  if (!cache) {
    cache = new LruCache(64);
    drawings.set(fonts, cache);
  }
  const cached = cache.get(key);
  if (cached === null) return draw((face) => useFace(doc, face));
  const storeKey = `${JSON.stringify(faceIds(fonts))}\n${key}`;
  const known = cached ?? stored(storeKey, fonts);
  if (known) {
    cache.set(key, known);
    return replay(doc, known);
  }
  const drawing = record(doc, draw);
  cache.set(key, drawing);
  if (drawing) store.write(storeKey, toStored(drawing));
}

function replay(doc: PDFKit.PDFDocument, drawing: Drawing): void {
  const state = doc as unknown as DocState;
  for (const op of drawing.ops) {
    switch (op.kind) {
      case 'content':
        state.addContent(op.bytes as never);
        break;
      case 'face':
        useFace(doc, op.face);
        break;
      case 'encode':
        pdfFont(doc, op.face).encode(op.text, op.features);
        break;
      case 'font': {
        const font = pdfFont(doc, op.face);
        state.page.fonts[font.id] ??= font.ref();
        state.addContent(`/${font.id} ${op.size} Tf`);
        break;
      }
      case 'glyph': {
        const gid = pdfFont(doc, op.face).subset.includeGlyph(op.glyphId);
        state.addContent(`<${glyphHex(gid)}> Tj`);
        break;
      }
      case 'opacity':
        state._doOpacity(op.fill, op.stroke);
        break;
    }
  }
  state._fillColor = drawing.fillColor;
}

const TF = /^\/(F\d+) (\S+) Tf$/;
const TJ = /^<([0-9a-f]+)> Tj$/;

/** Draws live while taking the record; null when the draw used what replay cannot redo. */
function record(doc: PDFKit.PDFDocument, draw: Draw): Drawing | null {
  const state = doc as unknown as DocState;
  const ops: Op[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) ops.push({ kind: 'content', bytes: pdfBytes(pending) });
    pending = [];
  };
  const push = (op: Op) => {
    flush();
    ops.push(op);
  };
  let textFace: FontFace | undefined;
  let inOpacity = false;
  let understood = true;
  const encoding = new Set<PdfFont>();
  const before = snapshot(state);

  state.addContent = (data: string) => {
    if (!inOpacity) {
      const tf = TF.exec(data);
      const tj = TJ.exec(data);
      if (tf) {
        textFace = faceNamed(doc, tf[1] as string);
        if (textFace) push({ kind: 'font', face: textFace, size: tf[2] as string });
        else understood = false;
      } else if (tj && textFace) {
        const gid = Number.parseInt(tj[1] as string, 16);
        const glyphId = pdfFont(doc, textFace).subset.glyphs[gid] as number;
        push({ kind: 'glyph', face: textFace, glyphId });
      } else pending.push(data);
    }
    return Object.getPrototypeOf(doc).addContent.call(doc, data);
  };
  state._doOpacity = (fill, stroke) => {
    push({ kind: 'opacity', fill, stroke });
    inOpacity = true;
    try {
      Object.getPrototypeOf(doc)._doOpacity.call(doc, fill, stroke);
    } finally {
      inOpacity = false;
    }
  };
  try {
    draw((face) => {
      push({ kind: 'face', face });
      useFace(doc, face);
      const font = pdfFont(doc, face);
      if (encoding.has(font)) return;
      encoding.add(font);
      font.encode = (text, features) => {
        push({ kind: 'encode', face, text, features });
        return Object.getPrototypeOf(font).encode.call(font, text, features);
      };
    });
  } finally {
    for (const font of encoding) delete (font as Partial<PdfFont>).encode;
    delete (state as Partial<DocState>).addContent;
    delete (state as Partial<DocState>)._doOpacity;
  }
  flush();
  const replayable = understood && snapshot(state) === before;
  return replayable ? { ops, fillColor: state._fillColor } : null;
}

/** Operators as pdfkit frames them: each written as Latin-1 and ended by a newline. */
function pdfBytes(operators: string[]): Buffer {
  return Buffer.from(`${operators.join('\n')}\n`, 'latin1');
}

/**
 * What replay cannot redo leaves a trace here: groups and masks (svg-to-pdfkit's counters),
 * images, gradients and patterns, links, or a transform left unbalanced.
 */
function snapshot(state: DocState): string {
  // Read without pdfkit's getters, which would add empty entries to the page.
  const resources = state.page.resources.data;
  return [
    state._groupCount,
    state._maskCount,
    state._patternCount,
    Object.keys(resources.XObject ?? {}).length,
    Object.keys(resources.Pattern ?? {}).length,
    state.page.dictionary.data.Annots?.length ?? 0,
    state._ctmStack.length,
    ...state._ctm,
  ].join(' ');
}

/**
 * Drawings on disk too (`drawings` in cacheDir), by font set and key: a new process replays
 * charts drawn before without loading svg-to-pdfkit. As JSON, faces are named by id and
 * content is Latin-1 text; an undefined opacity is left out, a null one kept.
 */
type StoredDrawing = { ops: Record<string, unknown>[]; fillColor: unknown };
const store = lazyJsonStore({
  part: 'drawings',
  limit: 1000,
  accept: (value): value is StoredDrawing => Array.isArray((value as StoredDrawing | null)?.ops),
});

function toStored({ ops, fillColor }: Drawing): StoredDrawing {
  return {
    // pdfkit's [colour, opacity]: a missing opacity reads the same to pdfkit as null.
    fillColor: Array.isArray(fillColor) ? fillColor.map((v) => v ?? null) : (fillColor ?? null),
    ops: ops.map((op) => {
      switch (op.kind) {
        case 'content':
          return { ...op, bytes: op.bytes.toString('latin1') };
        case 'opacity': {
          const { fill, stroke } = op;
          return {
            kind: op.kind,
            ...(fill === undefined ? {} : { fill }),
            ...(stroke === undefined ? {} : { stroke }),
          };
        }
        case 'encode':
          return { ...op, face: op.face.id, features: op.features ?? null };
        default:
          return { ...op, face: op.face.id };
      }
    }),
  };
}

/** The stored drawing, or undefined when there is none or any of it is not as written. */
function stored(key: string, fonts: FontSet): Drawing | undefined {
  const entry = store.read(key);
  if (!entry) return undefined;
  const faces = new Map(Object.values(fonts.styles).flatMap((c) => c.map((f) => [f.id, f])));
  const ops = entry.ops.map((op) => fromStored(op, faces));
  if (!ops.every((op) => op !== undefined)) return undefined;
  return { ops, fillColor: entry.fillColor ?? undefined };
}

function fromStored(op: Record<string, unknown>, faces: Map<string, FontFace>): Op | undefined {
  const face = faces.get(op.face as string);
  const opacity = (value: unknown) =>
    typeof value === 'number' || value === null ? value : undefined;
  switch (op.kind) {
    case 'content':
      return typeof op.bytes === 'string'
        ? { kind: 'content', bytes: Buffer.from(op.bytes, 'latin1') }
        : undefined;
    case 'opacity':
      return { kind: 'opacity', fill: opacity(op.fill), stroke: opacity(op.stroke) };
    case 'face':
      return face && { kind: 'face', face };
    case 'encode':
      return face && typeof op.text === 'string'
        ? { kind: 'encode', face, text: op.text, features: op.features ?? undefined }
        : undefined;
    case 'font':
      return face && typeof op.size === 'string'
        ? { kind: 'font', face, size: op.size }
        : undefined;
    case 'glyph':
      return face && Number.isInteger(op.glyphId)
        ? { kind: 'glyph', face, glyphId: op.glyphId as number }
        : undefined;
    default:
      return undefined;
  }
}
