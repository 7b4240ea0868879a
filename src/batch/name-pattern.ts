import type { Diagnostic } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import type { BatchRecord } from './batch-record.ts';
import { toSafeName } from './safe-name.ts';

/** `{{field}}` or `{{ field.sub }}`: plain substitution, deliberately not Handlebars. */
const placeholder = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export interface Naming {
  pattern: string | undefined;
  csv: boolean;
  width: number;
}

export type NameResult = { ok: true; name: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Names a record's output folder from `--name`. Without a pattern, folders are named by
 * position: `row-0004` for CSV rows, `item-003` for JSON items, zero-padded to `width`
 * digits so they sort in order.
 */
export function nameRecord(record: BatchRecord, naming: Naming): NameResult {
  const { pattern } = naming;
  if (pattern === undefined) {
    const prefix = naming.csv ? 'row' : 'item';
    return { ok: true, name: `${prefix}-${String(record.row).padStart(naming.width, '0')}` };
  }
  let missing: string | undefined;
  const raw = pattern.replace(placeholder, (_match, path: string) => {
    const value = lookup(record.fields, path);
    if (value === undefined) missing ??= path;
    return value ?? '';
  });
  const place = { file: record.label };
  if (missing !== undefined) {
    return {
      ok: false,
      diagnostic: { ...messages.nameField(missing, Object.keys(record.fields)), place },
    };
  }
  const name = toSafeName(raw);
  if (!name) return { ok: false, diagnostic: { ...messages.nameEmpty(pattern), place } };
  return { ok: true, name };
}

/** Whether a `--name` pattern holds a `{{field}}` at all (`{school}` does not). */
export function namesAField(pattern: string): boolean {
  return new RegExp(placeholder.source).test(pattern);
}

/** The fields a `--name` pattern uses, each once, in order. */
export function patternFields(pattern: string): string[] {
  return [...new Set(Array.from(pattern.matchAll(placeholder), ([, path]) => path as string))];
}

/** Whether `--name` can take the field at `path` from these fields. */
export function hasNameField(fields: Record<string, unknown>, path: string): boolean {
  return lookup(fields, path) !== undefined;
}

/** A text, number or boolean field, following dots into nested JSON objects. */
function lookup(fields: Record<string, unknown>, path: string): string | undefined {
  let value: unknown = fields;
  for (const key of Object.hasOwn(fields, path) ? [path] : path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}
