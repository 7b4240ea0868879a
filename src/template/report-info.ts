import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';

/** What every output needs to know about the report, with defaults that never read the clock. */
export interface ReportInfo {
  title: string;
  author: string;
  locale: string;
  /**
   * Embedded in every file. From report.date, else SOURCE_DATE_EPOCH, else 1980-01-01 (the zip
   * epoch). Any year from 0000 to 9999: the years PDF and PPTX metadata dates can write.
   */
  date: Date;
}

export function reportInfo(
  data: Record<string, unknown>,
  sourceDateEpoch?: string,
  locate: (path: string[]) => Place = (path) => ({ path: path.join('.') }),
): ReportInfo {
  const report = (data.report ?? {}) as Record<string, unknown>;
  const text = (value: unknown, fallback: string) =>
    typeof value === 'string' && value ? value : fallback;
  return {
    title: text(report.title, 'Briefing'),
    author: text(report.author, 'briefkit'),
    locale: checkedLocale(text(report.locale, 'en-US'), () => locate(['report', 'locale'])),
    date: reportDate(report.date, sourceDateEpoch, () => locate(['report', 'date'])),
  };
}

/** Both sources are checked whenever given: a malformed one is an error, never skipped. */
function reportDate(value: unknown, sourceDateEpoch: string | undefined, place: () => Place): Date {
  const epoch = sourceDateEpoch ? epochDate(sourceDateEpoch) : undefined;
  if (value !== undefined && value !== null && value !== '') return calendarDate(value, place);
  return epoch ?? new Date(Date.UTC(1980, 0, 1));
}

function calendarDate(value: unknown, place: () => Place): Date {
  const date = calendarDay(value);
  if (date) return date;
  throw new BriefkitError({ ...messages.badDate(String(value)), place: place() });
}

/** A real day written YYYY-MM-DD, at midnight UTC: 2025-02-30 is not one, though it has the shape. */
export function calendarDay(value: unknown): Date | null {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T00:00:00Z`)
      : undefined;
  return date && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value as string)
    ? date
    : null;
}

/** Whole seconds since 1970 (the reproducible-builds definition), before the year 10000. */
function epochDate(text: string): Date {
  const date = /^\d+$/.test(text) ? new Date(Number(text) * 1000) : undefined;
  if (date && date.getUTCFullYear() <= 9999) return date;
  throw new BriefkitError(messages.badSourceDateEpoch(text), 2);
}

/** `place` is asked for only on error: locating a value may mean parsing the file again. */
function checkedLocale(locale: string, place: () => Place): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? locale;
  } catch {
    throw new BriefkitError({ ...messages.badLocale(locale), place: place() });
  }
}
