/**
 * The template helpers. Handlebars' strict mode does not check helper arguments, so each
 * helper validates its own. Helpers receive Markdown-escaped strings (see literal.ts) and
 * return Markdown.
 */
import Handlebars, { type HelperOptions } from 'handlebars';
import { fail } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { refusedLinks } from '../model/parse-markdown.ts';
import type { DataPlaceOf } from './data-links.ts';
import { escapeMarkdown, unescapeMarkdown } from './literal.ts';
import { calendarDay } from './report-info.ts';

export interface HelperContext {
  locale: string;
  /** The dataset's `sources` map, already escaped. */
  sources: Record<string, Source>;
  /**
   * Told of each link `md` brings from the data that a build refuses, with the paths its
   * argument may have in the data (see argumentPaths).
   */
  refusedLink?: (url: string, paths: readonly string[], value: unknown) => void;
  /** Where a helper's argument is written in the data, for problems the data must fix. */
  placeInData?: DataPlaceOf;
}

/** A work cited: its title if it has one, or else a description of it. */
interface Source {
  publisher: string;
  title?: string;
  description?: string;
}

export type Helper = (this: unknown, ...args: unknown[]) => unknown;

/** Handlebars' own `each` and `lookup`, which the helpers below put literal data around. */
const builtin = Handlebars.helpers as Record<'each' | 'lookup', Helper>;

/** Formatters by locale and digits: setting one up costs far more than formatting with it. */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, digits: number | undefined): Intl.NumberFormat {
  const key = `${locale} ${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      // Zero has no sign, as on the charts: -0, or -0.04 to one digit, reads 0 and 0.0.
      signDisplay: 'negative',
      maximumFractionDigits: digits ?? 20,
      ...(digits !== undefined ? { minimumFractionDigits: digits } : {}),
    });
    numberFormats.set(key, format);
  }
  return format;
}

export function createHelpers(ctx: HelperContext): Record<string, Helper> {
  const formatNumber = (value: number, digits?: number) =>
    escapeMarkdown(numberFormat(ctx.locale, digits).format(value));

  return {
    /** Rich text on purpose: the value is used as Markdown, not shown literally. */
    md: (...args) => {
      const markdown = unescapeMarkdown(stringArg('md', args[0]));
      if (ctx.refusedLink)
        for (const url of refusedLinks(markdown))
          ctx.refusedLink(url, argumentPaths(args), args[0]);
      return markdown;
    },
    number: (...args) => {
      const [value, digits] = args;
      return formatNumber(
        numberArg('number', value),
        typeof digits === 'number' ? digits : undefined,
      );
    },
    /** "about 867.5 kg": a figure with its qualifier and unit, which must never be dropped. */
    figure: (...args) => {
      const f = objectArg('figure', args[0]);
      const parts = [
        typeof f.qualifier === 'string' ? f.qualifier : '',
        formatNumber(numberArg('figure', f.value)),
        typeof f.unit === 'string' ? f.unit : '',
      ];
      return parts.filter(Boolean).join(' ');
    },
    lookupFigure: (...args) => {
      const [list, key] = args;
      if (!Array.isArray(list))
        fail(messages.helperArgument('lookupFigure', 'expects a list of figures first.'));
      const wanted = keyArg('lookupFigure', key);
      const found = list.find((f) => unescapeMarkdown(String(f?.key)) === wanted);
      if (!found) {
        const keys = list.map((f) => `"${unescapeMarkdown(String(f?.key))}"`);
        fail({
          ...messages.helperArgument('lookupFigure', `no figure has key "${wanted}".`),
          hint: `The figures' keys are ${keys.join(', ')}.`,
        });
      }
      return found as object;
    },
    source: (...args) => {
      const key = keyArg('source', args[0]);
      const source = ctx.sources[key];
      if (!source) {
        const known = Object.keys(ctx.sources).map((k) => `"${k}"`);
        // A key from the data is misspelt there: named at its field, not the template line.
        const place = ctx.placeInData?.(argumentPaths(args), args[0]);
        fail({
          ...messages.helperArgument('source', `no entry "${key}" in the dataset's sources.`),
          hint: known.length
            ? `${fromData(args) ? 'The key comes from the data; the' : 'The'} sources are ${known.join(', ')}.`
            : 'The dataset has no sources.',
          ...(place && { place }),
        });
      }
      return citation(source, ctx.locale);
    },
    /**
     * An object's keys are data too: `{{@key}}` (and an `as |value key|` block parameter)
     * shows a key escaped, like every value, so `# heading` as a key cannot make a heading.
     */
    // `this` is the block's context: Handlebars' each renders {{else}} with it.
    each: function (this: unknown, ...args) {
      const [list, ...rest] = args;
      return builtin.each.call(this, isPlainObject(list) ? withLiteralKeys(list) : list, ...rest);
    },
    /** By a key as the data has it: one from data (`report.source`, `@key`) comes escaped. */
    lookup: (...args) => {
      const [object, key, ...rest] = args;
      // The last argument is Handlebars' options: fewer than three, and one of the two is missing.
      if (args.length < 3) fail(messages.helperArgument('lookup', 'expects an object and a key.'));
      return builtin.lookup(object, typeof key === 'string' ? unescapeMarkdown(key) : key, ...rest);
    },
    /**
     * "15. Oktober 2025": a day written YYYY-MM-DD, as the report's language writes dates. Not
     * `date`, which would take the place of the many data fields of that name (`{{date}}`).
     */
    formatDate: (...args) => {
      const text = typeof args[0] === 'string' ? unescapeMarkdown(args[0]) : args[0];
      const day = calendarDay(text);
      if (!day) {
        const got =
          typeof text === 'string' ? `the text ${JSON.stringify(text)}` : describeArg(text);
        fail(
          messages.helperArgument('formatDate', `expects a day written YYYY-MM-DD, got ${got}.`),
        );
      }
      const format = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'long', timeZone: 'UTC' });
      return escapeMarkdown(format.format(day));
    },
    join: (...args) => {
      const [list, separator] = args;
      if (!Array.isArray(list)) fail(messages.helperArgument('join', 'expects a list first.'));
      return list.map(String).join(typeof separator === 'string' ? separator : ', ');
    },
  };
}

/**
 * Whether the first argument comes from the data (a path such as `key`, or a subexpression
 * such as `(lookup . "key")`), not text the template writes (`"cgtn"`, whose id is null).
 */
function fromData(args: unknown[]): boolean {
  return (args.at(-1) as { ids?: unknown[] }).ids?.[0] != null;
}

/**
 * The data paths a helper's first argument may have, dotted, from what Handlebars tracks
 * (`trackIds`): the path as written, inside the block's own (`{{#each highlights}}` gives
 * `highlights.2`), or as written alone (a block parameter's path is already whole; `@root.x`
 * is `x`). None for a literal, a subexpression or a path that climbs out (`../x`).
 */
function argumentPaths(args: unknown[]): string[] {
  const options = args.at(-1) as { ids?: unknown[]; data?: { contextPath?: unknown } };
  const id = options.ids?.[0];
  if (typeof id === 'string' && id.startsWith('@root.')) return [id.slice('@root.'.length)];
  if (typeof id !== 'string' || !/^[^@/]*$/.test(id) || id.startsWith('..')) return [];
  const context = options.data?.contextPath;
  const within = typeof context === 'string' && context ? [`${context}${id ? `.${id}` : ''}`] : [];
  return [...within, ...(id ? [id] : [])];
}

/**
 * "CGTN, “Title”": a title is quoted as the language quotes titles, 《Title》 in Chinese and
 * Japanese; a description is not a title, so it goes unquoted.
 */
function citation({ publisher, title, description }: Source, locale: string): string {
  const cjk = /^(zh|ja)\b/i.test(locale);
  const work = title ? (cjk ? `《${title}》` : `“${title}”`) : description;
  if (!work) return publisher;
  return cjk ? `${publisher}${title ? '' : '，'}${work}` : `${publisher}, ${work}`;
}

export const helperNames = Object.keys(createHelpers({ locale: 'en', sources: {} }));

function stringArg(helper: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  fail(messages.helperArgument(helper, `expects text, got ${describeArg(value)}.`));
}

/** A key as the data has it: from data it comes escaped, written in the template it does not. */
function keyArg(helper: string, value: unknown): string {
  return unescapeMarkdown(stringArg(helper, value));
}

function numberArg(helper: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  fail(messages.helperArgument(helper, `expects a finite number, got ${describeArg(value)}.`));
}

function objectArg(helper: string, value: unknown): Record<string, unknown> {
  if (isPlainObject(value)) return value;
  fail(messages.helperArgument(helper, `expects an object, got ${describeArg(value)}.`));
}

function describeArg(value: unknown): string {
  if (value === undefined) return 'nothing (is the name spelled right?)';
  if (isHelperOptions(value)) return 'no argument';
  return Array.isArray(value) ? 'a list' : typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The same values under escaped keys; lookups go to the data itself, by the key as written. */
function withLiteralKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [escapeMarkdown(k), v]));
}

function isHelperOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
}
