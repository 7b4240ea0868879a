import { BriefkitError, type Place } from '../errors/briefkit-error.ts';

/** What every output needs to know about the report, with defaults that never read the clock. */
export interface ReportInfo {
  title: string;
  author: string;
  locale: string;
  /** Embedded in every file. From report.date, else SOURCE_DATE_EPOCH, else 1980-01-01 (the zip epoch). */
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
    date: reportDate(report.date, sourceDateEpoch),
  };
}

function reportDate(value: unknown, sourceDateEpoch?: string): Date {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Date(`${value}T00:00:00Z`);
  if (sourceDateEpoch && /^\d+$/.test(sourceDateEpoch))
    return new Date(Number(sourceDateEpoch) * 1000);
  return new Date(Date.UTC(1980, 0, 1));
}

/** `place` is asked for only on error: locating a value may mean parsing the file again. */
function checkedLocale(locale: string, place: () => Place): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? locale;
  } catch {
    throw new BriefkitError({
      code: 'locale',
      message: `"${locale}" is not a language tag.`,
      hint: 'Use a BCP 47 tag such as en-US, de-DE or zh-CN.',
      place: place(),
    });
  }
}
