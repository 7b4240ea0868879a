/**
 * Handlebars' own security spec (handlebars-lang/handlebars.js spec/security.js: GH-1495,
 * GH-1558, GH-1563, GH-1595, GH-1603, GH-1631, GH-2146), ported to briefkit's compose step
 * (strict, knownHelpersOnly, noEscape, literal data), plus the published prototype-chain RCE
 * chain. A template may fail to compile or render, but only with a BriefkitError: it must
 * never reach a global, change a prototype, or print a function's source.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { composeMarkdown } from '../../src/template/compose.ts';
import { escapeMarkdown, toLiteralData } from '../../src/template/literal.ts';

const ctx = { locale: 'en-US', sources: { cgtn: { title: 'Report', publisher: 'CGTN' } } };
const CANARY = '__briefkitCanary';

/** What a leak looks like in output: a function's source, or a builtin reached by name. */
const LEAK = /function|native code|=>|\[object Function\]|\bString\(|\bObject\(/;

type Outcome = { output: string } | { error: BriefkitError };

function compose(text: string, data: unknown): Outcome {
  try {
    return { output: composeMarkdown({ file: 'evil.md.hbs', text }, data, ctx) };
  } catch (error) {
    if (error instanceof BriefkitError) return { error };
    throw error;
  }
}

const prototypes = [Object.prototype, Array.prototype, String.prototype, Function.prototype];
const snapshot = () => prototypes.map((p) => Object.getOwnPropertyNames(p).sort().join(','));

/** Runs a template on both raw and literal data and checks nothing escaped. */
function expectContained(text: string, data: unknown = {}): Outcome[] {
  const before = snapshot();
  const outcomes = [compose(text, data), compose(text, toLiteralData(data))];
  for (const outcome of outcomes) {
    if ('output' in outcome) expect(outcome.output).not.toMatch(LEAK);
  }
  expect((globalThis as Record<string, unknown>)[CANARY]).toBe('untouched');
  expect(snapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return outcomes;
}

const output = (outcome: Outcome | undefined) =>
  outcome && 'output' in outcome ? outcome.output : undefined;

beforeEach(() => {
  (globalThis as Record<string, unknown>)[CANARY] = 'untouched';
  // Handlebars logs denied prototype access with console.error; that is the point, not noise.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as Record<string, unknown>)[CANARY];
});

describe('Handlebars security spec, through composeMarkdown', () => {
  it('GH-2146: an object spoofing Map/Set via Symbol.toStringTag gets no constructor', () => {
    for (const tag of ['Map', 'Set']) {
      const spoofed = { [Symbol.toStringTag]: tag };
      for (const text of ['{{constructor.name}}', '{{lookup this "constructor"}}']) {
        for (const outcome of expectContained(text, spoofed)) {
          if ('output' in outcome) expect(outcome.output).toBe('');
        }
      }
    }
  });

  it('GH-1495 / GH-1603: constructors cannot be reached, by path or by lookup', () => {
    for (const text of [
      '{{lookup (lookup this "constructor") "name"}}',
      '{{constructor.name}}',
      // GH-1603 builds the key with a helper; briefkit's own helpers can build strings too.
      '{{lookup (lookup this (list "constructor")) "name"}}',
      '{{lookup (lookup this (md "constructor")) "name"}}',
      '{{lookup (lookup this (join k "")) "name"}}',
    ]) {
      for (const outcome of expectContained(text, { k: ['constr', 'uctor'] })) {
        if ('output' in outcome) expect(outcome.output).toBe('');
      }
    }
  });

  it('GH-1495: an own "constructor" field is ordinary data', () => {
    const [raw] = expectContained('{{constructor.name}}', { constructor: { name: 'here we go' } });
    expect(output(raw)).toBe('here we go');
  });

  it('GH-1558: helperMissing and blockHelperMissing cannot be called explicitly', () => {
    const calls: string[] = [];
    for (const text of [
      '{{helperMissing}}',
      '{{#helperMissing}}{{/helperMissing}}',
      '{{blockHelperMissing "abc" .}}',
      '{{#blockHelperMissing .}}{{/blockHelperMissing}}',
    ]) {
      const outcomes = expectContained(text, { fn: () => calls.push('called') });
      for (const outcome of outcomes) expect(outcome).toHaveProperty('error');
    }
    expect(calls).toEqual([]);
  });

  it('GH-1563: __defineGetter__ cannot rewire an object to reach its constructor', () => {
    const outcomes = expectContained(
      '{{__defineGetter__ "undefined" valueOf }}' +
        '{{#with __lookupGetter__ }}' +
        '{{__defineGetter__ "propertyIsEnumerable" (this.bind (this.bind 1)) }}' +
        '{{constructor.name}}' +
        '{{/with}}',
    );
    for (const outcome of outcomes) expect(outcome).toHaveProperty('error');
  });

  it('GH-1595: dangerous properties render nothing', () => {
    for (const text of [
      '{{constructor}}',
      '{{__defineGetter__}}',
      '{{__defineSetter__}}',
      '{{__lookupGetter__}}',
      '{{__proto__}}',
      '{{lookup this "constructor"}}',
      '{{lookup this "__defineGetter__"}}',
      '{{lookup this "__defineSetter__"}}',
      '{{lookup this "__lookupGetter__"}}',
      '{{lookup this "__proto__"}}',
    ]) {
      for (const outcome of expectContained(text)) {
        if ('output' in outcome) expect(outcome.output, text).toBe('');
      }
    }
  });

  it('GH-1631: prototype methods and properties of class instances are denied', () => {
    class TestClass {
      aMethod() {
        return 'returnValue';
      }
    }
    Object.assign(TestClass.prototype, { aProperty: 'propertyValue' });
    for (const text of ['{{aMethod}}', '{{aProperty}}', '{{#with this}}{{aMethod}}{{/with}}']) {
      const [raw] = expectContained(text, new TestClass());
      if (raw && 'output' in raw) expect(raw.output).toBe('');
    }
  });

  it('prototype chains through with, each and subexpressions stay closed', () => {
    const data = { report: { title: 'T' }, figures: [{ key: 'a' }], items: ['x'] };
    for (const text of [
      '{{#with this.__proto__}}{{constructor.name}}{{/with}}',
      '{{#with __proto__}}{{#with constructor}}{{name}}{{/with}}{{/with}}',
      '{{#with (lookup this "__proto__")}}{{#with (lookup this "constructor")}}{{name}}{{/with}}{{/with}}',
      '{{#each this.constructor}}{{@key}}{{/each}}',
      '{{#each (lookup this "__proto__")}}{{@key}}={{this}} {{/each}}',
      '{{this.constructor.constructor}}',
      '{{report.title.constructor}}',
      '{{report.title.constructor.name}}',
      '{{lookup report.title "constructor"}}',
      '{{figures.constructor.name}}',
      '{{join figures.constructor ", "}}',
      '{{join items.map ", "}}',
      '{{items.toString}}',
      '{{#with items}}{{push "x"}}{{/with}}',
      '{{#each items}}{{this.constructor}}{{/each}}',
      '{{number report.title.constructor}}',
      '{{md report.title.valueOf}}',
    ]) {
      expectContained(text, data);
    }
  });

  it('the published prototype-chain RCE template cannot run code', () => {
    // The 2019 payload, with `execSync` swapped for a canary assignment.
    const rce = `{{#with "s" as |string|}}
  {{#with "e"}}
    {{#with split as |conslist|}}
      {{this.pop}}
      {{this.push (lookup string.sub "constructor")}}
      {{this.pop}}
      {{#with string.split as |codelist|}}
        {{this.pop}}
        {{this.push "globalThis.${CANARY} = 'pwned'; return 'pwned';"}}
        {{this.pop}}
        {{#each conslist}}
          {{#with (string.sub.apply 0 codelist)}}
            {{this}}
          {{/with}}
        {{/each}}
      {{/with}}
    {{/with}}
  {{/with}}
{{/with}}`;
    for (const outcome of expectContained(rce)) {
      if ('output' in outcome) expect(outcome.output).not.toContain('pwned');
    }
  });

  it('data cannot carry template syntax or prototype keys into a template', () => {
    // JSON.parse makes "__proto__" an own key, as the YAML and JSON readers do.
    const data = JSON.parse(
      '{"title": "{{constructor.constructor \\"return process\\"}}", "__proto__": {"polluted": "yes"}, "constructor": "own text"}',
    );
    const [, literal] = expectContained('{{title}} {{constructor}} {{__proto__.polluted}}', data);
    expect(output(literal)).toBe(`${escapeMarkdown(data.title)} own text yes`);
  });
});
