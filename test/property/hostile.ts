/**
 * Hostile text for property tests, in the spirit of the Big List of Naughty Strings: control
 * characters, lone surrogates, emoji ZWJ sequences, CJK, right-to-left text and overrides,
 * combining marks, Markdown/HTML/Handlebars/XML syntax, numbers as text, JavaScript names,
 * empty and very long strings. Plus the sample dataset, with a few of its text fields replaced.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';

export const naughtyStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0001b\u0008c\u000bd\u001fe',
  '\t\r\n \r\n\t',
  '\u00a0\u2028\u2029\u3000',
  '\ufeffBOM',
  '\u200b\u200c\u200d\u2060',
  '\u202eevil\u202c',
  '\u202a\u202b\u202d\u2066\u2067\u2068\u2069',
  '\ud800',
  'x\udfffy',
  '\ufffe\uffff',
  '\ufffd',
  'Ω≈ç√∫˜µ≤≥÷',
  'œ∑´®†¥¨ˆøπ“‘',
  '田中さんにあげて下さい',
  '社會科學院語學研究所',
  '울란바토르',
  '𠜎𠜱𠝹𠱓',
  'मनीष',
  'مرحبا بالعالم 123',
  'שָׁלוֹם עוֹלָם',
  'اب\u202eج',
  '👨‍👩‍👧‍👦',
  '👩🏽‍💻🏳️‍🌈🇺🇸🇨🇳',
  '🧑‍🚀 ❤️‍🔥',
  'Z̮̞̠͙͔ͅḀ̗̞͈̻̗Ḷ͙͎̯̹̞͓G̻O̭̗̮',
  'a\u0301\u0302\u0303\u0304',
  'ﬁ ﬂ İ ß ǅ',
  '**bold** _it_ `code` ~~del~~',
  '[link](javascript:alert(1)) <https://x.y>',
  '![x](chart:mass-transport)',
  '![x](../../etc/passwd)',
  '# heading',
  '---',
  '- item',
  '1. item',
  '> quote',
  '| a | b |\n| --- | --- |',
  '<!-- comment -->',
  '<script>alert(1)</script>',
  '<b>x</b> &amp; &lt; &#0; &#x1F600;',
  ']]><![CDATA[',
  '\\ \\\\ \\*',
  '{{constructor.constructor}}',
  '{{#each this}}{{/each}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection text is the point.
  '${7*7} %s %d %n',
  'null',
  'undefined',
  'NaN',
  '-Infinity',
  '0x1F',
  '1e400',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'C:\\Windows\\System32',
  '../../../../etc/passwd',
  'file:///etc/passwd',
  "'; DROP TABLE x;--",
  '\u0000\u0000\u0000\u0000',
];

/** Any UTF-16 unit, so lone surrogates and every control character turn up. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const longString = fc
  .tuple(
    fc.constantFrom(...naughtyStrings.filter(Boolean), 'lorem ipsum '),
    fc.integer({ min: 1_000, max: 100_000 }),
  )
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

export function hostileString(options: { long?: boolean } = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...naughtyStrings) },
    { weight: 3, arbitrary: fc.string({ unit: anyUnit, maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.constantFrom(...naughtyStrings), { maxLength: 6 })
        .map((a) => a.join(' ')),
    },
    { weight: options.long === false ? 0 : 1, arbitrary: longString },
  );
}

export type Path = (string | number)[];

export const sampleData = parse(readFileSync('data/space-station-2025.yaml', 'utf8')) as Record<
  string,
  unknown
>;

function leaves(value: unknown, path: Path, test: (v: unknown) => boolean, out: Path[]): Path[] {
  if (test(value)) out.push(path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) leaves(v, [...path, i], test, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], test, out);
  }
  return out;
}

/** Every text field of the sample dataset, and every list. */
export const textPaths = leaves(sampleData, [], (v) => typeof v === 'string', []);
export const listPaths = leaves(sampleData, [], Array.isArray, []);

export interface Mutation {
  texts: [Path, string][];
  emptied: Path[];
  format: 'json' | 'yaml';
}

export function mutation(options: { long?: boolean } = {}): fc.Arbitrary<Mutation> {
  return fc.record({
    texts: fc.uniqueArray(fc.tuple(fc.constantFrom(...textPaths), hostileString(options)), {
      minLength: 1,
      maxLength: 4,
      selector: ([path]) => path.join('/'),
    }),
    emptied: fc.oneof(
      { weight: 5, arbitrary: fc.constant<Path[]>([]) },
      { weight: 1, arbitrary: fc.subarray(listPaths, { minLength: 1, maxLength: 2 }) },
    ),
    format: fc.constantFrom('json', 'yaml'),
  });
}

/** The sample with the mutation applied, and the texts that landed (not in an emptied list). */
export function applyMutation(m: Mutation): {
  data: Record<string, unknown>;
  texts: [Path, string][];
} {
  const data = structuredClone(sampleData);
  const set = (path: Path, value: unknown): boolean => {
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], data);
    const last = path.at(-1);
    if (!parent || typeof parent !== 'object' || last === undefined || !(last in parent)) {
      return false;
    }
    (parent as Record<string | number, unknown>)[last] = value;
    return true;
  };
  for (const path of m.emptied) set(path, []);
  return { data, texts: m.texts.filter(([path, text]) => set(path, text)) };
}

export function describeMutation(m: Mutation): string {
  const texts = m.texts.map(
    ([p, t]) =>
      `${p.join('.')}=${JSON.stringify(t.length > 80 ? `${t.slice(0, 80)}…(${t.length})` : t)}`,
  );
  return `${m.format} ${texts.join(' ')}${m.emptied.length ? ` emptied ${m.emptied.map((p) => p.join('.')).join(',')}` : ''}`;
}
