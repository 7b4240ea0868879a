/**
 * Literal-by-default data. Every string in the dataset is Markdown-escaped before templates
 * see it, so `*`, `#`, `<b>`, `{{x}}` or `&` in data can never become structure. Templates
 * that want rich text ask for it with the `md` helper, which undoes the escape exactly.
 */

import { formatDataPath, type PathSegment } from '../data/read-source.ts';
import type { Diagnostic } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const ESCAPED_PUNCTUATION = /\\([!-/:-@[-`{-~])/g;
/** C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF: illegal in XML, useless in PDF. */
const XML_ILLEGAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text so Markdown shows it as written. Line breaks fold to spaces: text is inline. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[ \t\r\n]+/g, ' ').replace(ASCII_PUNCTUATION, '\\$&');
}

/** The exact inverse of escapeMarkdown for text it produced. */
export function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPED_PUNCTUATION, '$1');
}

export function stripIllegalCharacters(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

export interface CleanData {
  value: unknown;
  warnings: Diagnostic[];
}

/**
 * Returns a copy of the data with XML-illegal characters removed from every string and object
 * key (`{{@key}}` prints keys), warning once per field that had them, and every string trimmed.
 * Done once, after validation: every output reads this copy, so `"  Greenfield "` and
 * `Greenfield` build the same, metadata and charts included. Keys are not trimmed: templates
 * look them up as written.
 */
export function cleanData(data: unknown): CleanData {
  const warnings: Diagnostic[] = [];
  const strip = (text: string, path: PathSegment[]) => {
    const stripped = stripIllegalCharacters(text);
    if (stripped !== text)
      warnings.push({ ...messages.illegalCharacters(), place: { path: formatDataPath(path) } });
    return stripped;
  };
  const clean = (text: string, path: PathSegment[]) => strip(text, path).trim();
  return { value: mapStrings(data, clean, strip), warnings };
}

/**
 * Returns a copy of the (cleaned) data with every string escaped. Object keys stay as they
 * are, so templates look them up as written; the `each` helper escapes them for `{{@key}}`.
 */
export function toLiteralData(data: unknown): unknown {
  // Data is inline: its edge whitespace would make structure next to markup (`*{{x}}*`).
  // Cleaned data is trimmed already; trimming here too keeps this safe on any input.
  return mapStrings(data, (text) => escapeMarkdown(text.trim()));
}

type MapText = (text: string, path: PathSegment[]) => string;

/**
 * A copy of the data with every string replaced by `map(text, path)`, and every object key
 * by `mapKey(key, path)` if given (the path names the key's entry); else keys stay as they are.
 */
export function mapStrings(data: unknown, map: MapText, mapKey?: MapText): unknown {
  const walk = (value: unknown, path: PathSegment[]): unknown => {
    if (typeof value === 'string') return map(value, path);
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => {
          const entry = [...path, k];
          return [mapKey ? mapKey(k, entry) : k, walk(v, entry)];
        }),
      );
    }
    return value;
  };
  return walk(data, []);
}
