/**
 * Just enough of the PDF object syntax (ISO 32000 §7.3) to read dictionaries out of raw file
 * text: skip any value, split a dictionary into top-level keys, follow `n g R` references.
 * Text is the file decoded as latin1, so one character is one byte and offsets match.
 */

const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);

/** Skips whitespace and `%` comments. */
export function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charAt(i);
    if (WHITESPACE.has(c)) i += 1;
    else if (c === '%') {
      while (i < text.length && text.charAt(i) !== '\n' && text.charAt(i) !== '\r') i += 1;
    } else break;
  }
  return i;
}

function skipLiteralString(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === '\\') i += 1;
    else if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

function skipToken(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length && !WHITESPACE.has(text.charAt(i)) && !DELIMITERS.has(text.charAt(i))) {
    i += 1;
  }
  return i;
}

/**
 * Returns the offset just past the value starting at `from` (which must not be space).
 * Nested arrays and dictionaries are tracked with a stack, not recursion: a hostile file
 * nests them hundreds of thousands deep.
 */
export function skipValue(text: string, from: number): number {
  const closers: string[] = [];
  let i = from;
  do {
    if (closers.length > 0) i = skipSpace(text, i);
    if (i >= text.length) return text.length;
    const close = closers.at(-1);
    if (close !== undefined && text.startsWith(close, i)) {
      closers.pop();
      i += close.length;
    } else if (text.startsWith('<<', i)) {
      closers.push('>>');
      i += 2;
    } else if (text.charAt(i) === '[') {
      closers.push(']');
      i += 1;
    } else i = skipAtom(text, i);
  } while (closers.length > 0);
  return i;
}

/** Skips a string, hex string, name, number, keyword or stray delimiter. */
function skipAtom(text: string, from: number): number {
  const c = text.charAt(from);
  if (c === '(') return skipLiteralString(text, from);
  if (c === '<') {
    const end = text.indexOf('>', from);
    return end < 0 ? text.length : end + 1;
  }
  return skipToken(text, from);
}

/** The values inside `[ … ]` or `<< … >>` (pass the offset after the opener). */
function readItems(text: string, from: number, close: string): string[] {
  const items: string[] = [];
  let i = skipSpace(text, from);
  while (i < text.length && !text.startsWith(close, i)) {
    const end = skipValue(text, i);
    items.push(text.slice(i, end));
    i = skipSpace(text, end);
  }
  // `12 0 R` is three tokens but one value.
  const values: string[] = [];
  for (let k = 0; k < items.length; k += 1) {
    const [a, b, c] = [items[k] ?? '', items[k + 1], items[k + 2]];
    if (/^\d+$/.test(a) && b !== undefined && /^\d+$/.test(b) && c === 'R') {
      values.push(`${a} ${b} R`);
      k += 2;
    } else values.push(a);
  }
  return values;
}

/** Top-level entries of the dictionary that `text` starts with (after space); else empty. */
export function readDict(text: string): Map<string, string> {
  const dict = new Map<string, string>();
  const start = skipSpace(text, 0);
  if (!text.startsWith('<<', start)) return dict;
  const items = readItems(text, start + 2, '>>');
  for (let k = 0; k + 1 < items.length; k += 2) {
    const key = items[k] ?? '';
    if (key.startsWith('/')) dict.set(decodeName(key), items[k + 1] ?? '');
  }
  return dict;
}

/** The values of an array value such as `[78 0 R]`; empty when `text` is not an array. */
export function readArray(text: string): string[] {
  const start = skipSpace(text, 0);
  return text.startsWith('[', start) ? readItems(text, start + 1, ']') : [];
}

/** `/Carlito#2DBold` → `Carlito-Bold`: drops the slash and decodes `#xx` escapes. */
export function decodeName(name: string): string {
  return name
    .replace(/^\//, '')
    .replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** `12 0 R` → `12 0` (the key objects are stored under); undefined for direct values. */
export function refKey(value: string | undefined): string | undefined {
  const match = /^(\d+) (\d+) R$/.exec(value ?? '');
  return match ? `${match[1]} ${match[2]}` : undefined;
}
