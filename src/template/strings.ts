import { type Diagnostic, fail, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';

export type Strings = Record<string, string>;
export type StringTable = Record<string, Strings>;

/**
 * The template strings for a locale: the exact tag, else its language, else English. A
 * template with sets but none of these fails at `place` (the report's locale), naming them;
 * it is asked for only then, since placing a value in a dataset parses the file again.
 */
export function stringsFor(table: StringTable, locale: string, place?: () => Place): Strings {
  const found = ownSet(table, locale) ?? table.en;
  if (found) return found;
  const sets = Object.keys(table);
  if (sets.length) {
    const language = languageOf(locale);
    fail({ ...messages.noStringSet(locale, language, sets), ...(place ? { place: place() } : {}) });
  }
  return {};
}

/** The set for the locale's exact tag, else for its language. */
function ownSet(table: StringTable, locale: string): Strings | undefined {
  return table[locale] ?? table[languageOf(locale)];
}

function languageOf(locale: string): string {
  return locale.split('-')[0] ?? locale;
}

/**
 * A warning when a report in another language gets the template's English strings: its
 * numbers and dates follow the locale, its words do not, and the files are tagged as that
 * language, so screen readers read the English words with another language's voice.
 */
export function englishStringsWarning(
  table: StringTable,
  locale: string,
  place: () => Place,
): Diagnostic[] {
  if (languageOf(locale) === 'en' || ownSet(table, locale) || !table.en) return [];
  return [{ ...messages.englishStrings(locale, Object.keys(table)), place: place() }];
}

const PLACEHOLDER = /\{\{\s*t\.([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Chart specs are JSON, not Handlebars: the only substitution is `{{t.key}}` inside string
 * values, from the template's own strings. Data never reaches a spec this way.
 */
export function localizeSpec(spec: unknown, strings: Strings, file: string): unknown {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(PLACEHOLDER, (_, key: string) => {
        const text = strings[key];
        if (text === undefined)
          fail({ ...messages.template(`unknown string "t.${key}"`), place: { file } });
        return text;
      });
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return walk(spec);
}

/**
 * The `continued` string, " ({part} of {parts})" by default: after the title of a slide
 * continued from the one before (see continuedSuffix).
 */
export function continuedLabel(strings: Strings): string {
  return strings.continued ?? ' ({part} of {parts})';
}

/**
 * " (2 of 3)": the `continued` string with `{part}` and `{parts}` filled in. Numbered, each
 * slide of a long list or table has a title of its own, as PowerPoint's accessibility
 * checker and screen-reader users moving from title to title expect.
 */
export function continuedSuffix(pattern: string, part: number, parts: number): string {
  return fill(pattern, { part, parts });
}

/** "Page 2 of 3" from the `page_of` string ("Page {page} of {pages}"), English by default. */
export function pageLabeller(strings: Strings): (page: number, pages: number) => string {
  const pattern = strings.page_of ?? 'Page {page} of {pages}';
  return (page, pages) => fill(pattern, { page, pages });
}

/** The pattern with each `{name}` of `values` replaced, wherever it occurs. */
function fill(pattern: string, values: Record<string, number>): string {
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/**
 * The words charts add around the data: alt text is joined with them ("Chart. A: 3; B: 1.5."
 * in English), and a native chart's category names its value label in brackets.
 */
export interface ChartWording {
  /** The alt text of a chart with none of its own, no description and no title. */
  chart: string;
  colon: string;
  listSeparator: string;
  /** Between sentences; trimmed, it ends the last one. */
  sentenceEnd: string;
  /** Around a label joined to its category: " (" and ")" in English, （ and ） in Chinese. */
  parenOpen: string;
  parenClose: string;
}

/** The chart wording from the template strings, English where a template has none. */
export function chartWording(strings: Strings): ChartWording {
  return {
    chart: strings.chart ?? 'Chart',
    colon: strings.colon ?? ': ',
    listSeparator: strings.list_separator ?? '; ',
    sentenceEnd: strings.sentence_end ?? '. ',
    parenOpen: strings.paren_open ?? ' (',
    parenClose: strings.paren_close ?? ')',
  };
}
