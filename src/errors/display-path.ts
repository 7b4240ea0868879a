import { relative } from 'node:path';

/** Paths in messages are relative to the current folder, as the user typed them. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
