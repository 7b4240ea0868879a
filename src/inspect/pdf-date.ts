/**
 * PDF date strings (ISO 32000 §7.9.4) in the ISO 8601 form the PPTX view shows, so a PDF's
 * dates read like a deck's whoever wrote the file. pdf.js's own `PDFDateString` cannot do
 * this: it clamps out-of-range fields, ignores whatever follows the date and converts to UT,
 * so it cannot tell a date from junk and it drops the offset the file states.
 */

/**
 * `O[HH['mm[']]]`, O being `+`, `-` or `Z`. LibreOffice writes UT as `Z'` (an apostrophe with
 * no hours), which readers accept, and so do we.
 */
const OFFSET = String.raw`(?<sign>[-+Z])(?:(?<offsetHour>\d{2})(?:'(?:(?<offsetMinute>\d{2})'?)?)?|(?<=Z)')?`;

/** `D:YYYY[MM[DD[HH[mm[SS[O…]]]]]]`: each field may appear only after all those before it. */
const PDF_DATE = new RegExp(
  `^D:(?<year>\\d{4})${['month', 'day', 'hour', 'minute', 'second'].reduceRight(
    (inner, field) => `(?:(?<${field}>\\d{2})${inner})?`,
    `(?:${OFFSET})?`,
  )}$`,
);

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [4, 6, 9, 11].includes(month) ? 30 : 31;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : 28;
}

/**
 * `D:20240315120000+01'00'` → `2024-03-15T12:00:00+01:00`. Missing fields take the standard's
 * defaults (month and day 01, the rest 00); a date that states no offset stays without one,
 * its relation to UT being unknown. Anything that is not a valid date is returned unchanged.
 */
export function formatPdfDate(text: string): string {
  const groups = PDF_DATE.exec(text)?.groups;
  if (!groups) return text;
  const { year = '', month = '01', day = '01', hour = '00', minute = '00', second = '00' } = groups;
  const { sign, offsetHour = '00', offsetMinute = '00' } = groups;
  const valid =
    Number(month) >= 1 &&
    Number(month) <= 12 &&
    Number(day) >= 1 &&
    Number(day) <= daysInMonth(Number(year), Number(month)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHour) <= 23 &&
    Number(offsetMinute) <= 59 &&
    // Z means local time is UT: an offset after it can only be zero.
    (sign !== 'Z' || Number(offsetHour) + Number(offsetMinute) === 0);
  if (!valid) return text;
  const zone =
    sign === undefined ? '' : sign === 'Z' ? 'Z' : `${sign}${offsetHour}:${offsetMinute}`;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`;
}
