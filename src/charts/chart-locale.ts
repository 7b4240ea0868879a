/**
 * Vega's number and time formatting for a BCP 47 locale, derived from Intl so any locale the
 * runtime knows works without shipping d3 locale files: de-DE axis labels read 867,5.
 */
export interface NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
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

const vegaLocales = new Map<string, { number: NumberLocale; time: TimeLocale }>();

/** Both locales, derived once per process and locale: Intl formatting is slow to set up. */
export function vegaLocale(locale: string): { number: NumberLocale; time: TimeLocale } {
  let both = vegaLocales.get(locale);
  if (!both) {
    both = { number: numberLocale(locale), time: timeLocale(locale) };
    vegaLocales.set(locale, both);
  }
  return both;
}

function numberLocale(locale: string): NumberLocale {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    thousands: parts.find((p) => p.type === 'group')?.value ?? ',',
    grouping: [3],
    currency: ['', ''],
  };
}

function timeLocale(locale: string): TimeLocale {
  const names = (count: number, date: (i: number) => Date, options: Intl.DateTimeFormatOptions) => {
    const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    return Array.from({ length: count }, (_, i) => format.format(date(i)));
  };
  const day = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)); // 2023-01-01 was a Sunday
  const month = (i: number) => new Date(Date.UTC(2023, i, 1));
  return {
    dateTime: '%x, %X',
    date: '%Y-%m-%d',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: names(7, day, { weekday: 'long' }),
    shortDays: names(7, day, { weekday: 'short' }),
    months: names(12, month, { month: 'long' }),
    shortMonths: names(12, month, { month: 'short' }),
  };
}
