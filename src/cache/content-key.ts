import { createHash } from 'node:crypto';

/** A short key for bytes (a part, a picture, a stream) in memos that keep results by content. */
export function contentKey(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('base64');
}
