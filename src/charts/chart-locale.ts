import { LruCache } from '../cache/lru-cache.ts';

/**
 * Vega's number and time formatting for a BCP 47 locale, derived from Intl so any locale the
 * runtime knows works without shipping d3 locale files: de-DE axis labels read 867,5, and
 * dates 6. Jul or 14 Uhr, not Jul 06 or 02 PM.
 */
export interface NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  minus: string;
}

export interface TimeLocale {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: string[];
  shortDays: string[];
  months: string[];
  shortMonths: string[];
}

/** Per locale, derived once per process: Intl formatting is slow to set up. */
const vegaLocales = new LruCache<string, { number: NumberLocale; time: TimeLocale }>(16);
const dateFormats = new LruCache<
  string,
  { levels: Record<string, string | undefined>; text: string | undefined }
>(16);

/** Both locales, as Vega's View takes them. */
export function vegaLocale(locale: string): { number: NumberLocale; time: TimeLocale } {
  return vegaLocales.remember(locale, () => ({
    number: numberLocale(locale),
    time: timeLocale(locale),
  }));
}

function numberLocale(locale: string): NumberLocale {
  const parts = new Intl.NumberFormat(locale).formatToParts(-1234567.5);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    thousands: parts.find((p) => p.type === 'group')?.value ?? ',',
    grouping: [3],
    currency: ['', ''],
    // d3's own is U+2212 everywhere; the text around a chart, and the deck's native charts,
    // write the locale's: "-" in most, "−" in Swedish.
    minus: parts.find((p) => p.type === 'minusSign')?.value ?? '-',
  };
}

/** ICU's no-break spaces (before AM, inside Spanish "a. m."): the chart fonts lack the narrow one. */
const SPACES = /[\u00a0\u202f]/g;

/**
 * Vega places dates in the Gregorian calendar, so names and orders come from it too: a Persian
 * or Buddhist locale's own calendar would put tir, its fourth month, on July's dates.
 */
const GREGORIAN = { timeZone: 'UTC', calendar: 'gregory' } as const;

function timeLocale(locale: string): TimeLocale {
  const names = (count: number, date: (i: number) => Date, options: Intl.DateTimeFormatOptions) => {
    const format = new Intl.DateTimeFormat(locale, { ...options, ...GREGORIAN });
    return Array.from({ length: count }, (_, i) => format.format(date(i)));
  };
  const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)); // 2023-01-01 was a Sunday
  const month = (i: number) => new Date(Date.UTC(2023, i, 1));
  const period = (hour: number, english: string) =>
    new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, ...GREGORIAN })
      .formatToParts(new Date(Date.UTC(2025, 6, 6, hour)))
      .find((part) => part.type === 'dayPeriod')
      ?.value.replace(SPACES, ' ') ?? english;
  return {
    dateTime: '%x, %X',
    date: '%Y-%m-%d',
    time: '%H:%M:%S',
    periods: [period(9, 'AM'), period(21, 'PM')],
    days: names(7, day, { weekday: 'long' }),
    shortDays: names(7, day, { weekday: 'short' }),
    months: names(12, month, { month: 'long' }),
    shortMonths: names(12, month, { month: 'short' }),
  };
}

/**
 * Vega-Lite config for dates in the locale's own order and words: axis labels at each level
 * of time (Vega's defaults are English: "Jul 06", "Wed 02", "02 PM") and dates in text and
 * legends. A level Intl writes with parts d3 has no directive for, or with words of its own
 * the chart fonts cannot draw (`drawable`: Korean 시 after the hour), keeps Vega's default.
 */
export function dateConfig(
  locale: string,
  drawable: (text: string) => boolean,
): Record<string, unknown> {
  const { levels, text } = dateFormats.remember(locale, () => ({
    levels: {
      hours: specifier(locale, { hour: 'numeric' }),
      minutes: specifier(locale, { timeStyle: 'short' }),
      date: specifier(locale, { weekday: 'short', day: 'numeric' }),
      week: specifier(locale, { month: 'short', day: 'numeric' }),
    },
    text: specifier(locale, { year: 'numeric', month: 'short', day: 'numeric' }),
  }));
  const usable = (format: string | undefined): format is string =>
    format !== undefined && drawable(format.replace(/%[-_0]?[a-zA-Z]/g, '').replaceAll('%%', '%'));
  return {
    axisTemporal: {
      format: Object.fromEntries(Object.entries(levels).filter(([, format]) => usable(format))),
      // Vega hides a label that overlaps the one before, but not one that only touches it.
      labelSeparation: 4,
    },
    ...(usable(text) ? { timeFormat: text } : {}),
  };
}

/** Sunday 6 July 2025, 06:05: every field below 10, so padding shows. */
const SAMPLE = new Date(Date.UTC(2025, 6, 6, 6, 5));

/** A d3 time format that writes what Intl writes for these options, or undefined. */
export function specifier(locale: string, options: Intl.DateTimeFormatOptions): string | undefined {
  const format = new Intl.DateTimeFormat(locale, { ...options, ...GREGORIAN });
  const h12 = format.resolvedOptions().hour12 === true;
  let out = '';
  for (const { type, value } of format.formatToParts(SAMPLE)) {
    const directive = directiveFor(type, value, h12);
    if (directive === undefined) return undefined;
    out += directive;
  }
  return out;
}

function directiveFor(type: string, value: string, h12: boolean): string | undefined {
  const padded = (directive: string) => (value.length > 1 ? `%${directive}` : `%-${directive}`);
  const numeric = /^\d+$/.test(value);
  switch (type) {
    case 'literal':
      return value.replace(SPACES, ' ').replaceAll('%', '%%');
    case 'year':
      return numeric && value.length === 4 ? '%Y' : undefined;
    case 'month':
      return numeric ? padded('m') : '%b';
    case 'day':
      return numeric ? padded('d') : undefined;
    case 'weekday':
      return '%a';
    case 'hour':
      return numeric ? padded(h12 ? 'I' : 'H') : undefined;
    case 'minute':
      return numeric ? '%M' : undefined;
    case 'dayPeriod':
      return '%p';
    default:
      return undefined;
  }
}
