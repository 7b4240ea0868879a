import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { imageSize } from 'image-size';
import { BriefkitError } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';

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
  const root = realpathSync(templateDir);
  const images = new Map<string, ImageAsset>();
  for (const src of sources) {
    if (images.has(src)) continue;
    images.set(src, readImage(root, src, where));
  }
  return images;
}

function readImage(root: string, src: string, where: string): ImageAsset {
  const refuse = (detail: string): never => {
    throw new BriefkitError({ ...messages.imagePath(src, detail), place: { file: where } });
  };
  if (isAbsolute(src) || src.split(/[\\/]/).includes('..')) refuse('it leaves the template folder');
  let file: string;
  try {
    file = realpathSync(join(root, src));
  } catch {
    return refuse('no such file in the template folder');
  }
  const rel = relative(root, file);
  if (rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
    refuse('it resolves outside the template folder');
  if (statSync(file).size > MAX_IMAGE_BYTES) refuse('it is larger than 20 MB');
  const data = new Uint8Array(readFileSync(file));
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
  return { src, format, data, width: size.width, height: size.height };
}
