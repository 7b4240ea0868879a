import { LruCache } from '../cache/lru-cache.ts';
import {
  isMatcher,
  linearPattern,
  type Matcher,
  ONLY_TESTED,
  UnsupportedPattern,
} from '../data/linear-pattern.ts';

/**
 * Vega's expression interpreter reads any member of any value, so `datum.k.constructor` or
 * `datum.k.toString` reaches a builtin and `'' + …` prints its source into a chart. Parsed
 * specs are rewritten once, before any expression runs: every member read goes through
 * `MEMBER_GUARD`, which refuses functions, and names that lead to builtins unless the value
 * itself holds them (a data field may be called "constructor"). Vega's expressions call
 * functions only by name, never as members, so no spec needs a function as a value.
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

export const MEMBER_GUARD = 'briefkitMember';
export const PATTERN_GUARD = 'briefkitPattern';
export const TEST_GUARD = 'briefkitTest';

/** The guarded member read, registered as a Vega expression function. */
export function readMember(object: unknown, key: unknown): unknown {
  const name = String(key);
  const own = Object.hasOwn(Object(object), name);
  const value =
    TO_BUILTINS.has(name) && !own ? refuse(name) : (object as Record<string, unknown>)[name];
  return typeof value === 'function' ? refuse(name) : value;
}

function refuse(name: string): never {
  throw new Error(`chart expressions may not read "${name}"`);
}

type AstNode = { type?: unknown; [key: string]: unknown };

/**
 * Rewrites, in place, every member read in the expressions of a parsed (`ast: true`) Vega
 * runtime. Only expression trees (`ast`) are visited, never inline data rows.
 */
export function guardExpressions<T extends object>(runtime: T): T {
  const seen = new WeakSet<object>();
  const visit = (value: unknown, inAst: boolean): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) visit(child, inAst || key === 'ast');
    if (!inAst) return;
    if (isMember(value as AstNode)) guardMember(value as AstNode);
    else guardPattern(value as AstNode);
  };
  visit(runtime, false);
  return runtime;
}

function isMember(node: AstNode): boolean {
  const { object, property } = node as { object?: AstNode; property?: AstNode };
  return node.type === 'MemberExpression' && !!object?.type && !!property?.type;
}

function guardMember(node: AstNode): void {
  const property = node.property as AstNode & { name?: string };
  const key = node.computed ? property : { type: 'Literal', value: property.name };
  const { object } = node;
  for (const field of Object.keys(node)) delete node[field];
  Object.assign(node, {
    type: 'CallExpression',
    callee: { type: 'Identifier', name: MEMBER_GUARD },
    arguments: [object, key],
  });
}

/**
 * Regular expressions match the data in linear time (see linear-pattern.ts): a /…/ literal
 * and regexp(…) become PATTERN_GUARD(pattern, flags), and test(…) TEST_GUARD(…).
 */
function guardPattern(node: AstNode): void {
  const regex = node.type === 'Literal' && (node.regex as { pattern: string; flags: string });
  if (regex) {
    for (const field of Object.keys(node)) delete node[field];
    Object.assign(node, {
      type: 'CallExpression',
      callee: { type: 'Identifier', name: PATTERN_GUARD },
      arguments: [regex.pattern, regex.flags].map((value) => ({ type: 'Literal', value })),
    });
  }
  const callee = node.type === 'CallExpression' && (node.callee as AstNode);
  const renamed = callee && callee.type === 'Identifier' && RENAMED.get(String(callee.name));
  if (callee && renamed) callee.name = renamed;
}

/** Vega's functions that take a pattern, and the guards that stand in for them. */
const RENAMED = new Map([
  ['regexp', PATTERN_GUARD],
  ['test', TEST_GUARD],
]);

/** regexp(pattern, flags) and /…/, in linear time. */
export function chartPattern(pattern: unknown, flags: unknown = ''): RegExp | Matcher {
  if (pattern instanceof RegExp || isMatcher(pattern)) return pattern;
  const made = patterns.remember(`${flags}/${pattern}`, () => {
    try {
      return linearPattern(String(pattern), String(flags));
    } catch (error) {
      if (!(error instanceof UnsupportedPattern)) throw error;
      throw new Error(`the pattern /${error.pattern}/ cannot be used: ${error.reason}`);
    }
  });
  // A g or y RegExp keeps its place between uses: each use gets its own, as in Vega.
  return made instanceof RegExp && (made.global || made.sticky) ? new RegExp(made) : made;
}

/** Patterns by flags and text: a /…/ in a filter is made once, not once a row. */
const patterns = new LruCache<string, RegExp | Matcher>(64);

/** test(pattern, text), as Vega's, with the pattern in linear time. */
export function testPattern(pattern: unknown, text: unknown): boolean {
  return chartPattern(pattern).test(String(text));
}

/**
 * Vega's replace(text, pattern, replacement), which takes a RegExp or text only: a pattern
 * RE2 matches is refused in words that say why.
 */
export function replacing(vegaReplace: (...args: unknown[]) => unknown) {
  return (text: unknown, pattern: unknown, replacement: unknown): unknown => {
    if (isMatcher(pattern))
      throw new Error(`the pattern /${pattern.source}/ cannot be used: ${ONLY_TESTED}`);
    return vegaReplace(text, pattern, replacement);
  };
}
