/**
 * Limits on what a data file may hold, checked before and right after parsing so a hostile
 * or broken file fails in well under a second with one message naming its place, instead of
 * overflowing the stack, hanging the parser, or reaching layout.
 *
 * The numbers come from measuring the `yaml` parser on this project's machines: it composes
 * about 100,000 values a second and overflows the stack at 400 to 900 levels of nesting
 * (sometimes fatally, inside V8's RegExp compiler, where no `catch` helps). Nesting and size
 * are therefore checked by its own lexer before the parser runs (check-structure.ts), the
 * parsed nodes right after (check-nodes.ts).
 */
import { BriefkitError, type Diagnostic, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { PathSegment } from './data-path.ts';

export const dataLimits = {
  /** Bytes in one data file (YAML, JSON or CSV). */
  fileBytes: 10 * 1024 * 1024,
  /** YAML/JSON lexical tokens (keys, values, punctuation, line breaks): about 1 s to parse. */
  tokens: 100_000,
  /** Levels of nested lists and maps, counted from the top of the file. */
  depth: 100,
  /** Characters (code points) in one text value. */
  stringLength: 20_000,
  /** Items in one list, or rows in one CSV table. */
  listLength: 10_000,
  /** Largest magnitude of a number: beyond it, digits are lost and layout is meaningless. */
  numberMagnitude: 1e15,
  /** Alias expansions, against "billion laughs" documents. */
  aliasCount: 100,
  /** Problems reported from one file before the rest are summarised. */
  reported: 20,
} as const;

/** Fails when the text is larger than the file limit; nothing has been parsed yet. */
export function checkFileSize(file: string, text: string): void {
  // A UTF-16 unit is at most 3 UTF-8 bytes, so most files skip counting the bytes.
  if (text.length * 3 <= dataLimits.fileBytes) return;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > dataLimits.fileBytes) failFileSize(file, bytes);
}

export function failFileSize(file: string, bytes: number): never {
  throw new BriefkitError({
    ...messages.dataLimit(
      `The file is ${megabytes(bytes)} MB; data files may be at most ${megabytes(dataLimits.fileBytes)} MB.`,
      'Split the data, or leave out what the template does not show.',
    ),
    place: { file },
  });
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

/**
 * The same checks for a value that did not come through readSource (a batch record's fields
 * from JSON.parse, which nests without limit and reads 1e400 as Infinity), plus its depth.
 * Iterative, so a value nested 100,000 deep is reported, not a stack overflow.
 */
export function checkValue(value: unknown, place: (path: PathSegment[]) => Place): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value, path: [] }];
  while (stack.length && problems.length <= dataLimits.reported) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (path.length > dataLimits.depth) {
      problems.push({ ...tooDeep(), place: place(path.slice(0, dataLimits.depth)) });
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > dataLimits.listLength) {
        problems.push({ ...listTooLong(value.length), place: place(path) });
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i] as [string, unknown];
        stack.push({ value: v, path: [...path, key] });
      }
    } else {
      const problem = checkScalar(value);
      if (problem) problems.push({ ...problem, place: place(path) });
    }
  }
  return problems;
}

type Message = Omit<Diagnostic, 'place'>;

/** The problem with one text or number value, if any. Shared by YAML, JSON and CSV. */
export function checkScalar(value: unknown): Message | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > dataLimits.numberMagnitude) {
      return messages.badNumber(describeNumber(value), dataLimits.numberMagnitude);
    }
  } else if (typeof value === 'string' && value.length > dataLimits.stringLength) {
    const length = codePoints(value);
    if (length > dataLimits.stringLength) {
      return messages.dataLimit(
        `The text is ${length.toLocaleString('en-US')} characters long; text values may be at most ${dataLimits.stringLength.toLocaleString('en-US')}.`,
        'Shorten it: no slide or page shows that much text from one value.',
      );
    }
  }
  return undefined;
}

export function tooDeep(): Message {
  return messages.dataLimit(
    `Lists and maps are nested more than ${dataLimits.depth} levels deep.`,
    'Flatten the data: templates and charts read a few levels at most.',
  );
}

const LIST_HINT = 'Aggregate the data first: no slide or chart shows that many items.';

export function listTooLong(length: number): Message {
  return messages.dataLimit(
    `The list has ${length.toLocaleString('en-US')} items; lists may have at most ${dataLimits.listLength.toLocaleString('en-US')}.`,
    LIST_HINT,
  );
}

/** CSV tables are read only up to one row past the limit, so their length is not known. */
export function tableTooLong(): Message {
  return messages.dataLimit(
    `The table has more than ${dataLimits.listLength.toLocaleString('en-US')} rows.`,
    LIST_HINT,
  );
}

/** Reports the problems found, at most `dataLimits.reported` of them. */
export function throwProblems(problems: readonly Diagnostic[]): void {
  if (!problems.length) return;
  const shown = problems.slice(0, dataLimits.reported);
  const more = problems.length - shown.length;
  if (more > 0) {
    const last = shown.at(-1) as Diagnostic;
    shown[shown.length - 1] = {
      ...last,
      hint: `${last.hint ? `${last.hint}\n` : ''}${more} more problems like these are not shown.`,
    };
  }
  throw new BriefkitError(shown);
}

function describeNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN (not a number)';
  if (!Number.isFinite(value)) return value > 0 ? 'infinity' : 'minus infinity';
  return String(value);
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function failLimit(place: Place, detail: string, hint: string): never {
  throw new BriefkitError({ ...messages.dataLimit(detail, hint), place });
}
