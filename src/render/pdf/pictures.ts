/**
 * Pictures in the PDFs: each embedded once per document, before anything is drawn, and
 * decoded once per process.
 */
import { contentKey } from '../../cache/content-key.ts';
import { LruCache } from '../../cache/lru-cache.ts';
import type { Frame } from '../../layout/frames.ts';
import type { ImageAsset } from '../../template/read-images.ts';

type Doc = PDFKit.PDFDocument;

/** pdfkit's opened picture: `embed` writes it into the document, `finalize` ends it. */
interface PdfPicture {
  embed(doc: Doc): void;
  finalize?: () => void;
  /** A PNG's pixels, colour and transparency, each deflated, once pdfkit decoded them. */
  imgData?: Uint8Array;
  alphaChannel?: Uint8Array;
}

/** pdfkit's steps that decode a PNG's every pixel (in JavaScript), then finalize it. */
const DECODING_STEPS = ['splitAlphaChannel', 'loadIndexedAlphaChannel', 'decodeData'] as const;

type Decoded = { imgData: Uint8Array; alphaChannel?: Uint8Array };

/**
 * PNGs as pdfkit decodes them, by file content: a picture with transparency (a theme's logo)
 * was decoded again for every document, in every watch rebuild and batch record.
 */
const decodedPictures = new LruCache<string, Decoded>(16);

/** Pictures embedded in each document, by asset. */
const embedded = new WeakMap<Doc, Map<ImageAsset, PdfPicture>>();

/**
 * Embeds each picture the frames show once, one after another, before anything is drawn:
 * pdfkit splits a PNG's alpha channel on zlib's thread pool, so pictures embedded as they are
 * drawn numbered their masks in whatever order zlib finished, and each drawing stored its own
 * copy (the theme's logo once per slide).
 */
export async function embedPictures(doc: Doc, frames: Iterable<Frame>): Promise<void> {
  const pictures = embedded.get(doc) ?? new Map<ImageAsset, PdfPicture>();
  embedded.set(doc, pictures);
  for (const frame of frames) {
    if (frame.kind !== 'image' || pictures.has(frame.image)) continue;
    pictures.set(frame.image, await embedPicture(doc, frame.image));
  }
}

/** The picture embedded, once pdfkit has ended it (its own API: it has no promise for this). */
function embedPicture(doc: Doc, asset: ImageAsset): Promise<PdfPicture> {
  const opener = doc as unknown as { openImage(data: Buffer): PdfPicture };
  const picture = opener.openImage(Buffer.from(asset.data));
  const decoding = reuseDecoding(picture, asset.data);
  return new Promise((resolve) => {
    const finalize = picture.finalize?.bind(picture);
    if (finalize)
      picture.finalize = () => {
        decoding.keep(); // before pdfkit lets go of the pixels
        finalize();
        resolve(picture);
      };
    picture.embed(doc);
    if (!finalize) resolve(picture);
  });
}

/**
 * Has pdfkit's decoding steps take the pixels decoded before for a PNG of the same content;
 * `keep()`, as the picture is finalized, keeps what was decoded for later documents.
 */
function reuseDecoding(picture: PdfPicture, data: Uint8Array): { keep(): void } {
  const key = contentKey(data);
  const known = decodedPictures.get(key);
  let decoded = false;
  for (const step of DECODING_STEPS) {
    const decode = (picture as unknown as Record<string, unknown>)[step];
    if (typeof decode !== 'function') continue;
    Object.assign(picture, {
      [step]: () => {
        decoded = true;
        if (!known) return decode.call(picture);
        Object.assign(picture, known);
        picture.finalize?.();
      },
    });
  }
  return {
    keep() {
      const { imgData, alphaChannel } = picture;
      if (decoded && !known && imgData)
        decodedPictures.set(key, { imgData, ...(alphaChannel ? { alphaChannel } : {}) });
    },
  };
}

/** The picture as embedded in this document, if embedPictures embedded it. */
export function embeddedPicture(doc: Doc, asset: ImageAsset): PdfPicture | undefined {
  return embedded.get(doc)?.get(asset);
}
