import type { ErrorObject } from 'ajv';
import { yamlTextHints } from '../errors/messages.ts';

export interface Explained {
  message: string;
  hint?: string;
}

/**
 * An Ajv error in briefkit's words: what the schema expects and what the data holds.
 * Ajv's own text ("must NOT have fewer than 2 items") is kept only for keywords not named
 * here, such as anyOf, whose parts are reported on their own anyway.
 */
export function explainSchemaError(
  error: ErrorObject,
  value: unknown,
  {
    schemaName = 'the template’s schema',
    yaml = false,
    blank = false,
  }: {
    schemaName?: string | undefined;
    /** The data was YAML, whose unquoted text may have been read as fields. */
    yaml?: boolean;
    /** The file holds no value at all (empty, or only comments), which YAML reads as null. */
    blank?: boolean;
  } = {},
): Explained {
  const p = error.params as Record<string, unknown>;
  const found = describeValue(value);
  const expected = (what: string, has = found): Explained => ({
    message: `Expected ${what}, found ${has}.`,
  });
  const limit = Number(p.limit);
  switch (error.keyword) {
    case 'required':
      return { message: `Missing required field "${String(p.missingProperty)}".` };
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      return {
        message: `Unknown field "${name}".`,
        hint:
          yaml && splitAtComma(name, value)
            ? yamlTextHints.comma
            : `Check the spelling against ${schemaName}.`,
      };
    }
    case 'type': {
      if (blank && error.instancePath === '')
        return expected(typeNames(p.type), 'nothing: the file is empty, or holds only comments');
      const text = yaml && splitAtColon(value);
      return {
        ...expected(typeNames(p.type)),
        ...(text && [p.type].flat().includes('string') ? { hint: yamlTextHints.colon(text) } : {}),
      };
    }
    case 'enum':
      return expected(`one of ${(p.allowedValues as unknown[]).map(quote).join(', ')}`);
    case 'const':
      return expected(quote(p.allowedValue));
    case 'minItems':
      return expected(`at least ${count(limit, 'item')}`, String(sizeOf(value)));
    case 'maxItems':
      return expected(`at most ${count(limit, 'item')}`, String(sizeOf(value)));
    case 'minProperties':
      return expected(`at least ${count(limit, 'field')}`, String(sizeOf(value)));
    case 'maxProperties':
      return expected(`at most ${count(limit, 'field')}`, String(sizeOf(value)));
    case 'minLength':
      return expected(`text of at least ${count(limit, 'character')}`, String(sizeOf(value)));
    case 'maxLength':
      return expected(`text of at most ${count(limit, 'character')}`, String(sizeOf(value)));
    case 'minimum':
      return expected(`a number of at least ${limit}`, String(value));
    case 'maximum':
      return expected(`a number of at most ${limit}`, String(value));
    case 'exclusiveMinimum':
      return expected(`a number greater than ${limit}`, String(value));
    case 'exclusiveMaximum':
      return expected(`a number less than ${limit}`, String(value));
    case 'multipleOf':
      return expected(`a multiple of ${String(p.multipleOf)}`, String(value));
    case 'pattern':
      return expected(`text matching the pattern ${quote(p.pattern)}`);
    case 'format':
      return expected(formatNames[String(p.format)] ?? `text in the format "${String(p.format)}"`);
    case 'uniqueItems':
      return {
        message: `Expected every item to differ, found [${String(p.j)}] and [${String(p.i)}] the same.`,
      };
    default:
      return { message: `Value ${error.message ?? 'is invalid'} (found ${found}).` };
  }
}

/** JSON Schema's types as the data's author knows them. */
const typeWords: Record<string, string> = {
  string: 'string',
  number: 'number',
  integer: 'whole number',
  boolean: 'boolean',
  object: 'object',
  array: 'list',
  null: 'null',
};

/** `["string", "number", "boolean"]` → "a string, number or boolean"; null comes last. */
function typeNames(type: unknown): string {
  const names = [type]
    .flat()
    .map(String)
    .sort((a, b) => Number(a === 'null') - Number(b === 'null'))
    .map((name) => typeWords[name] ?? name);
  const last = names.pop() ?? '';
  const phrase = names.length ? `${names.join(', ')} or ${last}` : last;
  if (phrase.startsWith('null')) return phrase;
  return `${/^[aeiou]/.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/** The formats templates use most, named by example; others by their name. */
const formatNames: Record<string, string> = {
  date: 'a date such as 2025-07-20',
  time: 'a time such as 14:30:00Z',
  'date-time': 'a date and time such as 2025-07-20T14:30:00Z',
  email: 'an email address',
  uri: 'a full address such as https://example.org/report',
  url: 'a full address such as https://example.org/report',
};

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const quote = (value: unknown) => JSON.stringify(value);

/** Items of a list, fields of an object, or characters of a text as JSON Schema counts them. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  return value !== null && typeof value === 'object' ? Object.keys(value).length : 0;
}

/** The value found, briefly: a text is quoted (up to 40 characters), a list is not shown. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * `- Bus: new stop` unquoted is YAML's `{Bus: "new stop"}`: an object of one field whose value
 * is text (or nothing). Its text as written, else null.
 */
function splitAtColon(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  const [key, rest] = entries[0] ?? [];
  if (entries.length !== 1 || key === undefined) return null;
  if (rest !== null && typeof rest !== 'string' && typeof rest !== 'number') return null;
  return rest === null ? `${key}:` : `${key}: ${String(rest)}`;
}

/**
 * `{ name: Comics, Manga und Novels }` is YAML's `{name: Comics, "Manga und Novels": null}`:
 * an unknown field with no value whose name has a space, as field names rarely do.
 */
function splitAtComma(name: string, object: unknown): boolean {
  const field = (object as Record<string, unknown> | null)?.[name];
  return field === null && /\s/.test(name.trim());
}
