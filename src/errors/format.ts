import type { Diagnostic, Place } from './briefkit-error.ts';

/** `file:line:col (path)`, or as much of it as is known. */
export function formatPlace(place: Place | undefined): string {
  if (!place) return '';
  const position = [place.file, place.line, place.column].filter((p) => p !== undefined).join(':');
  if (position && place.path) return `${position} (${place.path})`;
  return position || place.path || '';
}

/** `file:line:col  message  code`, then an indented hint: one readable block per problem. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatPlace(d.place);
  const head = [where, d.message, `[${d.code}]`].filter(Boolean).join('  ');
  return d.hint ? `${head}\n    hint: ${d.hint}` : head;
}
