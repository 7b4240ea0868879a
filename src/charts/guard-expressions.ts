/**
 * Vega's expression interpreter reads any member of any value, so `datum.k.constructor`
 * reaches `String` and `'' + …` prints its source into a chart. Parsed specs are rewritten
 * once, before any expression runs: each member read by one of the names below, or by a key
 * known only at run time (`datum[datum.k]`), goes through `MEMBER_GUARD`, which refuses
 * those names unless the value itself holds them (a data field may be called "constructor").
 */
const TO_BUILTINS = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** What the interpreter itself refuses to hand out as a value. */
const DISALLOWED: ReadonlySet<unknown> = new Set([
  Function,
  // biome-ignore lint/security/noGlobalEval: listed here to be refused, never called
  globalThis.eval,
  setTimeout,
  setInterval,
]);

export const MEMBER_GUARD = 'briefkitMember';

/** The guarded member read, registered as a Vega expression function. */
export function readMember(object: unknown, key: unknown): unknown {
  const name = String(key);
  if (TO_BUILTINS.has(name) && !Object.hasOwn(Object(object), name)) {
    throw new Error(`chart expressions may not read "${name}"`);
  }
  const value = (object as Record<PropertyKey, unknown>)[key as PropertyKey];
  return DISALLOWED.has(value) ? undefined : value;
}

type AstNode = { type?: unknown; [key: string]: unknown };

/** Rewrites, in place, every risky member read in a parsed (`ast: true`) Vega runtime. */
export function guardExpressions<T extends object>(runtime: T): T {
  const seen = new WeakSet<object>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    for (const child of Object.values(value)) visit(child);
    if ((value as AstNode).type === 'MemberExpression') guardMember(value as AstNode);
  };
  visit(runtime);
  return runtime;
}

function guardMember(node: AstNode): void {
  const property = node.property as AstNode & { name?: string; value?: unknown };
  const key = node.computed ? property : { type: 'Literal', value: property.name };
  if (key.type === 'Literal' && !TO_BUILTINS.has(String(key.value))) return;
  const { object } = node;
  for (const field of Object.keys(node)) delete node[field];
  Object.assign(node, {
    type: 'CallExpression',
    callee: { type: 'Identifier', name: MEMBER_GUARD },
    arguments: [object, key],
  });
}
