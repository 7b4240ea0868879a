import { isAbsolute, relative, sep } from 'node:path';

/**
 * Paths in messages are relative to the current folder, as the user typed them; a path
 * outside it stays as it is. A folder whose name starts with ".." (`..drafts`) is inside.
 */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return outside ? file : rel;
}
