import filenamify from 'filenamify';

/** Well under the 255-byte limit of common file systems, even for 4-byte characters. */
const maxLength = 60;

/**
 * A record's folder name made safe to create: no path separators or `..` (so a name can
 * never leave the output folder), no control or bidi-override characters, no names Windows
 * reserves, no leading dots (hidden folders), and a bounded length. Empty if nothing is left.
 */
export function toSafeName(name: string): string {
  const tidy = name
    .normalize('NFC')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+/, '')
    .trim();
  if (!tidy) return '';
  const safe = filenamify(tidy, { replacement: '_', maxLength }).replace(/^[\s.]+/, '');
  // filenamify turns a name of only unsafe characters into a lone replacement character.
  return /^_*$/.test(safe) && !/^_*$/.test(tidy) ? '' : safe;
}

/**
 * Folders that would be the same on a case-insensitive file system (macOS, Windows) collide
 * too, so batches behave the same everywhere.
 */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
