import { createRequire } from 'node:module';
import { _, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { lazyJsonStore, textEntry } from '../cache/json-store.ts';
import { BriefkitError, type Diagnostic } from '../errors/briefkit-error.ts';
import { type Message, messages } from '../errors/messages.ts';
import { createAjv } from './ajv.ts';
import { type BuiltinSchema, builtinSchemas } from './builtin-schemas.ts';
import { valueAt } from './data-path.ts';
import { explainSchemaError } from './explain-schema-error.ts';
import * as linearPatternModule from './linear-pattern.ts';
import { precompiled } from './precompiled-validators.ts';
import { formatOf, type PathSegment, type SourceDocument } from './read-source.ts';

/** Keyed by content: a schema edited between builds (watch mode) compiles afresh. */
const compiled = new Map<string, ValidateFunction>();

/**
 * Checks a source document against a JSON Schema (one of briefkit's own, by name, or a
 * template's) and reports every problem at once, each at its file position and data path.
 */
export function validateAgainst(source: SourceDocument, schema: object | BuiltinSchema): void {
  const validate = typeof schema === 'string' ? builtinValidator(schema) : compile(schema);
  if (isValid(source.value, validate)) return;
  const errors = onePerPlace((validate.errors ?? []).filter((e) => e.keyword !== 'if'));
  const known = typeof schema === 'string' ? definitionMessages[schema] : undefined;
  const name = typeof schema === 'string' ? builtinSchemaNames[schema] : undefined;
  throw new BriefkitError(errors.map((e) => toDiagnostic(source, e, known, name)));
}

/**
 * One mistake, one message. A value that fits no schema of an `anyOf` (or `oneOf`) gets an
 * error from each and one for the choice itself; `"type": "int"` in a schema got three. At
 * each place in the value where a choice failed: the choice's error goes when others say
 * why, errors that only name another type go when another says what is wrong with the value
 * itself, and those left become one ("Expected a string or list").
 */
function onePerPlace(errors: readonly ErrorObject[]): ErrorObject[] {
  const at = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const here = at.get(e.instancePath);
    if (here) here.push(e);
    else at.set(e.instancePath, [e]);
  }
  const isChoice = (e: ErrorObject) => e.keyword === 'anyOf' || e.keyword === 'oneOf';
  return errors.flatMap((error) => {
    const here = at.get(error.instancePath) ?? [];
    if (isChoice(error)) return here.length > 1 ? [] : [error];
    // Without a choice here, each error is a problem of its own (a whole number, and at least 1).
    if (error.keyword !== 'type' || !here.some(isChoice)) return [error];
    if (here.some((e) => e.keyword !== 'type' && !isChoice(e))) return [];
    const types = here.filter((e) => e.keyword === 'type');
    if (error !== types[0]) return [];
    return [{ ...error, params: { type: types.flatMap((e) => [e.params.type].flat()) } }];
  });
}

/**
 * Frozen values found valid, by validator. A frozen value is a file as read (deep-frozen,
 * see deep-freeze.ts) and cannot change: the template's own files are checked once, not in
 * every watch rebuild and batch record.
 */
const passed = new WeakMap<object, WeakSet<ValidateFunction>>();

function isValid(value: unknown, validate: ValidateFunction): boolean {
  const frozen = typeof value === 'object' && value !== null && Object.isFrozen(value);
  if (frozen && passed.get(value)?.has(validate)) return true;
  if (!validate(value)) return false;
  if (frozen) passed.set(value, (passed.get(value) ?? new WeakSet()).add(validate));
  return true;
}

/** How a hint names briefkit's own schemas: by the file editors check with (see schemas/). */
const builtinSchemaNames: Record<BuiltinSchema, string> = {
  meta: 'JSON Schema (2020-12)',
  manifest: 'schemas/template-manifest.schema.json',
  theme: 'schemas/theme.schema.json',
  strings: 'schemas/strings.schema.json',
  project: 'schemas/project.schema.json',
};

/** How a value of a definition in one of briefkit's own schemas is reported, by its path. */
type DefinitionMessages = Readonly<Record<string, (detail: string) => Message>>;
const definitionMessages: Partial<Record<BuiltinSchema, DefinitionMessages>> = {
  theme: { '#/$defs/color/': messages.badColor },
};

function messageFor(error: ErrorObject, known: DefinitionMessages | undefined) {
  const definition = Object.keys(known ?? {}).find((path) => error.schemaPath.startsWith(path));
  return definition === undefined ? undefined : known?.[definition];
}

function builtinValidator(name: BuiltinSchema): ValidateFunction {
  const ready = precompiled[name];
  if (ready) return ready;
  const schema = builtinSchemas[name] as { $id: string };
  // The meta-schema is Ajv's own; the others compile like any schema.
  return name === 'meta' ? (ajv().getSchema(schema.$id) as ValidateFunction) : compile(schema);
}

/** Created on first use: a build whose schemas were compiled before never needs Ajv. */
let compiler: Ajv2020 | undefined;
const ajv = () => {
  compiler ??= createAjv({ code: { source: true, formats: _`require(${FORMATS}).fullFormats` } });
  return compiler;
};

/** Compiles a schema (kept for the builds that check data against it); throws Ajv's errors. */
export function compileSchema(schema: object): void {
  compile(schema);
}

function compile(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = storedValidator(key) ?? compileAndStore(key, schema);
    compiled.set(key, validate);
  }
  return validate;
}

function compileAndStore(key: string, schema: object): ValidateFunction {
  // Without $id: Ajv refuses a second, different schema under an id it has seen.
  const { $id: _id, ...anonymous } = schema as { $id?: string };
  const validate = ajv().compile(anonymous);
  codeStore.write(key, { code: standaloneCode(ajv(), validate) });
  return validate;
}

/**
 * The code Ajv writes for a schema, kept on disk (`schemas` in cacheDir) by schema: compiling
 * a template's schema takes Ajv about 40 ms in a new process, loading its code 4. The code
 * may require only Ajv's run-time helpers and the formats.
 */
const codeStore = lazyJsonStore({
  part: 'schemas',
  limit: 200,
  accept: textEntry('code'),
});
const FORMATS = 'ajv-formats/dist/formats';
const helpers = new Set([
  'ajv/dist/runtime/equal',
  'ajv/dist/runtime/ucs2length',
  'ajv/dist/runtime/uri',
  'ajv/dist/runtime/validation_error',
  FORMATS,
]);
/** Modules of briefkit's own that the code names (linearPattern.code), as loaded here. */
const ownModules = new Map<string, unknown>([['./linear-pattern.ts', linearPatternModule]]);

function storedValidator(key: string): ValidateFunction | undefined {
  const code = codeStore.read(key)?.code;
  if (!code) return undefined;
  const module = { exports: {} as { default?: ValidateFunction } };
  const load = createRequire(import.meta.url);
  const require = (id: string) => {
    if (ownModules.has(id)) return ownModules.get(id);
    if (!helpers.has(id)) throw new Error(`Stored schema code requires ${id}.`);
    return load(id);
  };
  try {
    new Function('require', 'module', 'exports', code)(require, module, module.exports);
  } catch {
    return undefined; // not code Ajv wrote for this build: compile instead
  }
  return module.exports.default;
}

function toDiagnostic(
  source: SourceDocument,
  error: ErrorObject,
  known: DefinitionMessages | undefined,
  schemaName: string | undefined,
): Diagnostic {
  const path = pointerToPath(error.instancePath);
  const value = valueAt(source.value, path);
  const { message, hint } = explainSchemaError(error, value, {
    schemaName,
    yaml: formatOf(source.file) === 'yaml',
    // A value written has a line; nothing written (not even `null`) has none.
    blank: value === null && !path.length && source.locate([]).line === undefined,
  });
  // An unknown field is reported at its name, not at the object that holds it.
  const unknown = error.keyword === 'additionalProperties' && error.params.additionalProperty;
  const place =
    typeof unknown === 'string' ? source.locate([...path, unknown], 'key') : source.locate(path);
  const wording = messageFor(error, known)?.(message) ?? messages.schema(message, hint);
  return { ...wording, place };
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
