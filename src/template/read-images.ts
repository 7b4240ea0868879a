import { readFileSync } from 'node:fs';
import { imageSize } from 'image-size';
import { resolveInside } from '../data/file-inside.ts';
import { BriefkitError } from '../errors/briefkit-error.ts';
import { fileProblems, messages } from '../errors/messages.ts';

export interface ImageAsset {
  src: string;
  format: 'png' | 'jpeg';
  data: Uint8Array;
  /** Pixels; only the ratio matters for layout. */
  width: number;
  height: number;
}

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * Reads the pictures a template uses. Each must resolve, after symlinks, to a file inside the
 * template folder: data and templates can never make briefkit read anything else.
 */
export function readImages(
  templateDir: string,
  sources: Iterable<string>,
  where: string,
): Map<string, ImageAsset> {
  const images = new Map<string, ImageAsset>();
  for (const src of sources) {
    if (images.has(src)) continue;
    images.set(src, readImage(templateDir, src, where));
  }
  return images;
}

/** One picture, as readImages reads each. */
export function readImage(templateDir: string, src: string, where: string): ImageAsset {
  const refuse = (detail: string): never => {
    throw new BriefkitError({ ...messages.imagePath(src, detail), place: { file: where } });
  };
  const found = resolveInside(templateDir, src);
  if ('problem' in found) return refuse(fileProblems[found.problem]('the template folder'));
  if (found.bytes > MAX_IMAGE_BYTES) refuse('it is larger than 20 MB');
  const data = new Uint8Array(readFileSync(found.file));
  let size: ReturnType<typeof imageSize>;
  try {
    size = imageSize(data);
  } catch {
    return refuse('it is not a PNG or JPEG picture');
  }
  const format =
    size.type === 'png'
      ? 'png'
      : size.type === 'jpg'
        ? 'jpeg'
        : refuse('it is not a PNG or JPEG picture');
  if (format === 'png' && !isWholePng(data)) refuse('the PNG file is cut short or damaged');
  return { src, format, data, width: size.width, height: size.height };
}

/**
 * Whether a PNG's chunks run whole up to its end chunk (IEND). Its header alone gives the
 * size, so a file cut short passed here and failed the PDFs with pdfkit's internal error.
 */
function isWholePng(data: Uint8Array): boolean {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // Each chunk: its length, a 4-letter type, the data and a CRC; after the 8-byte signature.
  for (let at = 8; at + 12 <= data.length; ) {
    const type = String.fromCharCode(...data.subarray(at + 4, at + 8));
    at += 12 + view.getUint32(at);
    if (type === 'IEND') return at <= data.length;
  }
  return false;
}
