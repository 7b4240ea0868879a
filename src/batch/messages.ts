/**
 * User-facing text for batch builds (`build --each`), as functions, in the style of
 * errors/messages.ts. Kept here while batch is new; it can move into that module as is.
 */
import type { Diagnostic } from '../errors/briefkit-error.ts';

type Message = Omit<Diagnostic, 'place'>;

export const batchMessages = {
  eachFormat: (file: string): Message => ({
    code: 'each-format',
    message: `Cannot tell the format of "${file}" from its name.`,
    hint: 'Use a .csv file with a header row, or a .json file holding an array of objects.',
  }),
  eachTooLarge: (file: string, limitMb: number): Message => ({
    code: 'each-too-large',
    message: `"${file}" is larger than ${limitMb} MB; JSON record files are read whole.`,
    hint: 'Use a CSV file: it is read as a stream, however long.',
  }),
  notAnArray: (found: string): Message => ({
    code: 'each-format',
    message: `Expected a JSON array of records, found ${found}.`,
    hint: 'Write the records as [{"prepared_for": "…"}, …].',
  }),
  notAnObject: (found: string): Message => ({
    code: 'each-record',
    message: `A record must be an object of fields, not ${found}.`,
  }),
  csv: (detail: string): Message => ({
    code: 'csv',
    message: `Invalid CSV: ${detail}`,
  }),
  nameField: (field: string, known: readonly string[]): Message => ({
    code: 'name-field',
    message: `--name uses {{${field}}}, but this record has no text or number field "${field}".`,
    hint: known.length
      ? `Fields of this record: ${known.join(', ')}.`
      : 'This record has no fields.',
  }),
  nameEmpty: (pattern: string): Message => ({
    code: 'name-empty',
    message: `--name "${pattern}" gives this record an empty folder name.`,
  }),
  nameCollision: (name: string, first: string, second: string): Message => ({
    code: 'name-collision',
    message: `${first} and ${second} both get the folder "${name}".`,
    hint: 'Make --name unique for every record, e.g. add a column such as {{id}}. Names that differ only in case collide too.',
  }),
} satisfies Record<string, (...args: never[]) => Message>;
