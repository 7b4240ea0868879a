import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

export type Matcher = { source: string; test(text: string): boolean };

/**
 * A regular expression that runs in time linear in the text, for `pattern` and
 * `patternProperties` (Ajv's engine) and chart expressions, which match the data, and the
 * data is not ours to trust. A JavaScript RegExp backtracks: a pattern as innocent as
 * `^([a-z]+_?)+$` took minutes on a 35-character value. A pattern it matches in linear time
 * (see backtracksLittle) stays a RegExp; any other is matched with RE2, in linear time
 * whatever the pattern, and can only test. RE2 takes the syntax JSON Schema recommends, read
 * as JavaScript reads it with the u flag; what it would read otherwise is refused, as are
 * lookaround and backreferences, which only backtracking can match.
 */
export function linearPattern(pattern: string, flags = 'u'): RegExp | Matcher {
  const native = compiled(pattern, flags);
  if (typeof native === 'string')
    throw new UnsupportedPattern(pattern, `it is no regular expression (${native})`, false);
  // v reads \p{…} as strings of any length, which backtrack as groups do.
  if (!flags.includes('v') && backtracksLittle(pattern, flags)) return native;
  const refused = re2Refuses(pattern, flags);
  if (refused) throw new UnsupportedPattern(pattern, refused, true);
  let re: RE2JS;
  try {
    re = re2().compile(inRe2Syntax(pattern, flags), re2Flags(flags));
  } catch (error) {
    throw new UnsupportedPattern(pattern, unsupported((error as Error).message), true);
  }
  const only = (): never => {
    throw new UnsupportedPattern(pattern, ONLY_TESTED, true);
  };
  // Without these, String.prototype.replace and split would take it for the text "[object Object]".
  const matcher = {
    source: pattern,
    test: (text: string) => re.test(text),
    [Symbol.replace]: only,
    [Symbol.split]: only,
    [Symbol.match]: only,
    [Symbol.matchAll]: only,
    [Symbol.search]: only,
  };
  matchers.add(matcher);
  return matcher;
}

export const ONLY_TESTED = 'RE2 matches it, and it can only test, not replace or split';

const matchers = new WeakSet<object>();

/** Whether a value is a pattern RE2 matches, made by linearPattern. */
export function isMatcher(value: unknown): value is Matcher {
  return typeof value === 'object' && value !== null && matchers.has(value);
}

/**
 * Where RE2 would read a pattern otherwise than JavaScript: the flags it has no equal for,
 * and syntax that means something else without u.
 */
function re2Refuses(pattern: string, flags: string): string | undefined {
  const odd = [...flags].filter((flag) => 'vym'.includes(flag));
  if (odd.length) return `RE2 matches it, and has no ${odd.join(' or ')} flag`;
  if (/\[(?:\\.|[^\]\\])*\\S/.test(pattern))
    return 'RE2 matches it, and reads \\S in a class as anything but ASCII white space';
  if (!flags.includes('u') && typeof compiled(pattern, `${flags}u`) === 'string')
    return 'RE2 matches it as if it had the u flag, and with u it is no valid pattern';
  return undefined;
}

/** A JavaScript pattern's flags as RE2's; g means nothing to a test. */
function re2Flags(flags: string): number {
  const { CASE_INSENSITIVE, DOTALL } = re2();
  return (flags.includes('i') ? CASE_INSENSITIVE : 0) | (flags.includes('s') ? DOTALL : 0);
}

/** How Ajv's standalone code names the engine (see validate.ts and precompile-validators.ts). */
linearPattern.code = 'require("./linear-pattern.ts").linearPattern';

export class UnsupportedPattern extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
    /** Whether JavaScript would take it: then only RE2 refuses it. */
    readonly isRegExp: boolean,
  ) {
    super(`The pattern ${JSON.stringify(pattern)} cannot be used: ${reason}`);
  }
}

/** JavaScript's white space: RE2's \s is ASCII's only (tab, line feed, form feed, return, space). */
const SPACE =
  '\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

/**
 * A JavaScript pattern's escapes that RE2 writes otherwise: \uXXXX (a surrogate pair as one
 * character) and \u{…} become \x{…}, \p{Script=Han} becomes \p{Han}; \s and \S match
 * JavaScript's white space, and `.` stops at its four line ends, not only at \n (unless the s
 * flag says otherwise).
 */
function inRe2Syntax(pattern: string, flags: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c !== '\\') {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c === '.' && !inClass && !flags.includes('s') ? `[^${LINE_ENDS}]` : c;
      continue;
    }
    const unicode = unicodeEscape(pattern.slice(i + 1));
    const script = /^([pP])\{(?:Script|sc)=(\w+)\}/.exec(pattern.slice(i + 1));
    const next = pattern[i + 1] ?? '';
    if (unicode) out += `\\x{${unicode.code.toString(16)}}`;
    else if (script) out += `\\${script[1]}{${script[2]}}`;
    else if (next === 's') out += inClass ? SPACE : `[${SPACE}]`;
    else if (next === 'S' && !inClass) out += `[^${SPACE}]`;
    else out += c + next;
    i += unicode?.length ?? script?.[0].length ?? 1;
  }
  return out;
}

const LINE_ENDS = '\\n\\r\\x{2028}\\x{2029}';

/** The character of a \u escape at the start of `rest` (what follows the backslash). */
function unicodeEscape(rest: string): { code: number; length: number } | undefined {
  const hex = (digits = '') => Number.parseInt(digits, 16);
  const braced = /^u\{([0-9A-Fa-f]+)\}/.exec(rest);
  if (braced) return { code: hex(braced[1]), length: braced[0].length };
  const pair = /^u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})/i.exec(rest);
  if (pair) {
    const code = 0x10000 + (hex(pair[1]) - 0xd800) * 0x400 + (hex(pair[2]) - 0xdc00);
    return { code, length: pair[0].length };
  }
  const unit = /^u([0-9A-Fa-f]{4})/.exec(rest);
  return unit ? { code: hex(unit[1]), length: unit[0].length } : undefined;
}

/** The pattern as JavaScript compiles it (not run), or what JavaScript finds wrong with it. */
function compiled(pattern: string, flags: string): RegExp | string {
  try {
    return new RegExp(pattern, flags);
  } catch (error) {
    return (error as Error).message;
  }
}

/** re2js, loaded when first needed: 260 kB of code, which most templates' patterns never need. */
let loaded: typeof RE2JS | undefined;
const re2 = () => {
  loaded ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS;
  return loaded;
};

const ATOM =
  /\\u\{[\dA-Fa-f]+\}|\\[pP]\{[\w=]+\}|\\[^\dk]|\[(?:\\.|[^\\\]])*\]|[^\\[\](){}|?*+^$]/y;
const QUANTIFIER = /(?:([*+])|(\?)|\{(\d+)(,(\d*))?\})\??/y;

/**
 * Whether backtracking takes time linear in the text: a pattern of characters, escapes and
 * classes only, without groups or alternatives, and with one count at most that has no
 * bound. That count must come once `^` anchors the start, or last in a pattern without `$`
 * (`\s+` in a replace: once it has matched, the match is found). Counts with a bound may
 * try up to 1,000 ways together; without `^`, each start may try up to 10,000 steps
 * (`\w{100000}` took 2 s on 40,000 letters). `^[a-z][a-z0-9_]*$` is one; `^\d+\.?\d*$` is
 * not (quadratic on "111…x").
 */
function backtracksLittle(pattern: string, flags: string): boolean {
  // With m, ^ anchors each line: as many starts as without it.
  const anchored = pattern.startsWith('^') && !flags.includes('m');
  const ended = pattern.endsWith('$');
  const body = pattern.slice(anchored ? 1 : 0, ended ? -1 : undefined);
  let unbounded = 0;
  let endsUnbounded = false;
  let ways = 1;
  let steps = 0;
  for (let i = 0; i < body.length; ) {
    ATOM.lastIndex = i;
    if (!ATOM.test(body)) return false;
    QUANTIFIER.lastIndex = i = ATOM.lastIndex;
    const count = QUANTIFIER.exec(body);
    endsUnbounded = false;
    if (!count) {
      steps++;
      continue;
    }
    i = QUANTIFIER.lastIndex;
    const [, plus, optional, least = '0', comma, most] = count;
    if (plus || (comma && !most)) {
      unbounded++;
      endsUnbounded = i === body.length;
      steps += Number(least);
    } else {
      const upto = optional ? 1 : Number(comma ? most : least);
      ways *= upto - Number(least) + 1;
      steps += upto;
    }
  }
  const unboundedFits = anchored || (endsUnbounded && !ended);
  if (unbounded > (unboundedFits ? 1 : 0)) return false;
  return ways <= 1000 && (anchored || ways * steps <= 10_000);
}

/** Why RE2 refuses a JavaScript pattern, in the words of JavaScript patterns. */
function unsupported(reason: string): string {
  if (/`\(\?<?[=!]/.test(reason)) return 'it uses lookaround: (?=…), (?!…), (?<=…) or (?<!…)';
  if (/escape sequence: `\\[1-9k]/.test(reason)) return 'it uses a backreference: \\1 or \\k<name>';
  return reason.replace(/^error parsing regexp: /, 'RE2 reads it as ');
}
