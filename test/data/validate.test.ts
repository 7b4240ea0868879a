import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSource } from '../../src/data/read-source.ts';
import { validateAgainst } from '../../src/data/validate.ts';
import type { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { catchError } from '../helpers/errors.ts';
import { tempDir, thenStored } from '../helpers/sample.ts';

const schema = JSON.parse(readFileSync('templates/briefing/schema.json', 'utf8'));
const sample = readFileSync('data/space-station-2025.yaml', 'utf8');

describe('validateAgainst the sample schema', () => {
  it('accepts the sample dataset', () => {
    expect(() => validateAgainst(readSource('sample.yaml', sample), schema)).not.toThrow();
  });

  it('reports every problem at once, each at its line and data path', () => {
    const broken = sample
      .replace('  title: China Space Station science in 2025\n', '')
      .replace('value: 83.92', 'value: "83.92"');
    const error = catchError(() => validateAgainst(readSource('broken.yaml', broken), schema));
    expect(error.diagnostics.map((d) => [d.message, d.place?.path])).toEqual([
      ['Missing required field "title".', 'report'],
      ['Expected a number, found the text "83.92".', 'figures[2].value'],
    ]);
    const line = broken.split('\n').findIndex((l) => l.includes('"83.92"')) + 1;
    expect(error.diagnostics[1]?.place).toMatchObject({ file: 'broken.yaml', line });
  });

  it('says to quote text that YAML split at ": " or at a comma inside { … }', () => {
    // A newcomer's German list: "Fahrbibliothek: neue Haltestelle" became a field, and
    // "Comics, Manga und Graphic Novels" in a flow map became a name and a stray field.
    const own = {
      type: 'object',
      properties: {
        tasks: { type: 'array', items: { type: 'string' } },
        groups: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { name: { type: 'string' }, n: { type: 'number' } },
          },
        },
      },
    };
    const text = [
      'tasks:',
      '  - Plain task',
      '  - Fahrbibliothek: neue Haltestelle erproben',
      'groups:',
      '  - { name: Comics, Manga und Graphic Novels, n: 3 }',
      '  - { name: Krimis, n: 2, autor: }',
      '',
    ].join('\n');
    const error = catchError(() => validateAgainst(readSource('own.yaml', text), own));
    expect(error.diagnostics.map((d) => [d.place?.path, d.message, d.hint])).toEqual([
      [
        'tasks[1]',
        'Expected a string, found an object.',
        'YAML reads unquoted text holding ": " as a field and its value: put the whole text in quotes ("Fahrbibliothek: neue Haltestelle erproben").',
      ],
      [
        'groups[0].Manga und Graphic Novels',
        'Unknown field "Manga und Graphic Novels".',
        'Inside { … }, a comma ends a value: put text that holds commas in quotes.',
      ],
      // A misspelt field stays a spelling question.
      [
        'groups[1].autor',
        'Unknown field "autor".',
        'Check the spelling against the template’s schema.',
      ],
    ]);
    // JSON says what it means: an object there is no quoting slip.
    const json = JSON.stringify({ tasks: [{ Bus: 'new stop' }] });
    const [fromJson] = catchError(() =>
      validateAgainst(readSource('own.json', json), own),
    ).diagnostics;
    expect(fromJson?.message).toBe('Expected a string, found an object.');
    expect(fromJson?.hint).toBeUndefined();
  });

  it('reports an unknown field at its own line, not at the object holding it', () => {
    const typo = sample.replace(
      '  author: briefkit sample\n',
      '  author: briefkit sample\n  autor: x\n',
    );
    const [diagnostic] = catchError(() =>
      validateAgainst(readSource('typo.yaml', typo), schema),
    ).diagnostics;
    const line = typo.split('\n').indexOf('  autor: x') + 1;
    expect(diagnostic?.message).toBe('Unknown field "autor".');
    expect(diagnostic?.place).toEqual({ file: 'typo.yaml', line, column: 3, path: 'report.autor' });
  });

  it('names the schema an unknown field is checked against: the template’s, or briefkit’s own', () => {
    const hint = (text: string, against: Parameters<typeof validateAgainst>[1]) =>
      catchError(() => validateAgainst(readSource('f.yaml', text), against)).diagnostics[0]?.hint;
    const typo = sample.replace('  author: briefkit sample\n', '  autor: briefkit sample\n');
    expect(hint(typo, schema)).toBe('Check the spelling against the template’s schema.');
    // briefkit.yaml's fields are briefkit's, not the template's.
    expect(hint('dataa: data.yaml\n', 'project')).toBe(
      'Check the spelling against schemas/project.schema.json.',
    );
  });

  it('says a YAML file with no data in it is empty, not that it holds null', () => {
    for (const text of ['', '# only a comment\n', '---\n', '%YAML 1.2\n---\n'])
      expect(
        catchError(() => validateAgainst(readSource('data.yaml', text), { type: 'object' }))
          .diagnostics,
      ).toEqual([
        expect.objectContaining({
          message: 'Expected an object, found nothing: the file is empty, or holds only comments.',
          place: expect.objectContaining({ file: 'data.yaml' }),
        }),
      ]);
  });

  it('says a file that holds null, written out, holds null', () => {
    for (const text of ['null\n', '~\n', '# a comment\nnull\n'])
      expect(
        catchError(() => validateAgainst(readSource('data.yaml', text), { type: 'object' }))
          .diagnostics[0]?.message,
        JSON.stringify(text),
      ).toBe('Expected an object, found null.');
  });
});

describe('schema problems in briefkit’s words', () => {
  /** The message for `value` checked against a one-field schema `{ v: rule }`. */
  function problem(rule: object, value: unknown): string | undefined {
    const schema = { type: 'object', properties: { v: rule } };
    const text = JSON.stringify({ v: value });
    return catchError(() => validateAgainst(readSource('data.json', text), schema)).diagnostics[0]
      ?.message;
  }

  it.each([
    [
      { type: ['string', 'number', 'boolean'] },
      [1],
      'Expected a string, number or boolean, found a list.',
    ],
    [{ type: ['null', 'array'] }, 'x', 'Expected a list or null, found the text "x".'],
    [{ type: 'integer' }, 1.5, 'Expected a whole number, found number 1.5.'],
    [{ type: 'object' }, 3, 'Expected an object, found number 3.'],
    [{ minItems: 2 }, ['a'], 'Expected at least 2 items, found 1.'],
    [{ maxItems: 1 }, ['a', 'b', 'c'], 'Expected at most 1 item, found 3.'],
    [{ minLength: 3 }, 'ab', 'Expected text of at least 3 characters, found 2.'],
    [{ maxLength: 4 }, 'naïve 🚀', 'Expected text of at most 4 characters, found 7.'],
    [{ minimum: 6 }, 4, 'Expected a number of at least 6, found 4.'],
    [{ maximum: 120 }, 200, 'Expected a number of at most 120, found 200.'],
    [{ exclusiveMinimum: 0 }, 0, 'Expected a number greater than 0, found 0.'],
    [
      { pattern: '^[a-z]+$' },
      'Visitors',
      'Expected text matching the pattern "^[a-z]+$", found the text "Visitors".',
    ],
    [
      { format: 'date' },
      '2025-13-40',
      'Expected a date such as 2025-07-20, found the text "2025-13-40".',
    ],
    [{ format: 'ipv4' }, 'x', 'Expected text in the format "ipv4", found the text "x".'],
    [
      { uniqueItems: true },
      ['a', 'b', 'a'],
      'Expected every item to differ, found [0] and [2] the same.',
    ],
  ])('%j with %j', (rule, value, message) => {
    expect(problem(rule, value)).toBe(message);
  });

  /** Every message for `value` checked against a one-field schema `{ v: rule }`. */
  function problems(rule: object, value: unknown): string[] {
    const schema = { type: 'object', properties: { v: rule } };
    const text = JSON.stringify({ v: value });
    return catchError(() => validateAgainst(readSource('data.json', text), schema)).diagnostics.map(
      (d) => d.message,
    );
  }

  it('gives one message for a value that fits no choice of anyOf, saying what is wrong with it', () => {
    const choice = { anyOf: [{ enum: ['string', 'number'] }, { type: 'array' }] };
    expect(problems(choice, 'int')).toEqual([
      'Expected one of "string", "number", found the text "int".',
    ]);
  });

  it('gives one message naming every type the choices of anyOf or oneOf allow', () => {
    const either = [{ type: 'string' }, { type: 'array' }];
    expect(problems({ anyOf: either }, 5)).toEqual(['Expected a string or list, found number 5.']);
    expect(problems({ oneOf: either }, 5)).toEqual(['Expected a string or list, found number 5.']);
  });

  it('matches a pattern in time linear in the text, as a backtracking RegExp does not', () => {
    // Native RegExp tries 2^40 ways to split these letters; the test would time out.
    const hostile = `${'a'.repeat(40)}!`;
    for (const rule of [
      { pattern: '^([a-z]+_?)+$' },
      { type: 'object', patternProperties: { '^([a-z]+_?)+$': false } },
    ]) {
      const value = 'pattern' in rule ? hostile : { [hostile]: 1, [hostile.slice(0, -1)]: 1 };
      expect(problems(rule, value), JSON.stringify(rule)).toHaveLength(1);
    }
  });

  it('keeps every problem of a value where no choice failed', () => {
    expect(problems({ type: 'integer', minimum: 1 }, 0.5)).toEqual([
      'Expected a whole number, found number 0.5.',
      'Expected a number of at least 1, found 0.5.',
    ]);
  });

  it('keeps each message a choice of objects gives about their fields', () => {
    const shapes = {
      anyOf: [
        { type: 'object', required: ['a'] },
        { type: 'object', required: ['b'] },
      ],
    };
    expect(problems(shapes, {})).toEqual([
      'Missing required field "a".',
      'Missing required field "b".',
    ]);
  });
});

describe('a template schema with a mistake of its own', () => {
  it('gets one message at its line: a type that JSON Schema does not have', () => {
    const text =
      '{\n  "type": "object",\n  "properties": {\n    "title": { "type": "int" }\n  }\n}\n';
    const error = catchError(() => validateAgainst(readSource('schema.json', text), 'meta'));
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]?.message).toMatch(
      /^Expected one of "array", .*found the text "int"\.$/,
    );
    expect(error.diagnostics[0]?.place).toMatchObject({ file: 'schema.json', line: 4 });
  });
});

describe('compiled schemas on disk', () => {
  const saved = process.env.BRIEFKIT_CACHE_DIR;
  afterEach(() => {
    process.env.BRIEFKIT_CACHE_DIR = saved;
  });

  const needsTitle = { type: 'object', required: ['title'] };
  const needsDate = {
    type: 'object',
    properties: { date: { type: 'string', format: 'date' } },
    required: ['date'],
  };

  /** Validates in a fresh module graph, as a new process would; returns the messages. */
  async function freshValidate(store: string, schema: object, yaml: string): Promise<string[]> {
    process.env.BRIEFKIT_CACHE_DIR = store;
    vi.resetModules();
    const { validateAgainst: validate } = await import('../../src/data/validate.ts');
    const { readSource: read } = await import('../../src/data/read-source.ts');
    return thenStored(() => {
      try {
        validate(read('data.yaml', yaml), schema);
        return [];
      } catch (error) {
        return (error as BriefkitError).diagnostics.map((d) => d.message);
      }
    });
  }
  const storedFiles = (store: string) =>
    readdirSync(join(store, 'schemas')).map((name) => join(store, 'schemas', name));

  it('loads the code Ajv wrote for a schema in an earlier process, formats and all', async () => {
    const store = tempDir();
    expect(await freshValidate(store, needsDate, 'date: 2025-13-40\n')).toHaveLength(1);
    expect(await freshValidate(store, needsDate, 'date: 2025-12-31\n')).toEqual([]);
    expect(await freshValidate(store, needsTitle, 'title: x\n')).toEqual([]);
    // Proof that validators come from the store: swap the two schemas' code.
    const [a, b] = storedFiles(store) as [string, string];
    const [codeA, codeB] = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
    writeFileSync(a, codeB);
    writeFileSync(b, codeA);
    expect(await freshValidate(store, needsTitle, 'title: x\n')).toHaveLength(1);
  });

  it('matches patterns in linear time with stored code as well', async () => {
    const store = tempDir();
    const keyed = { type: 'object', properties: { key: { pattern: '^([a-z]+_?)+$' } } };
    const hostile = `key: ${'a'.repeat(40)}!\n`;
    expect(await freshValidate(store, keyed, hostile)).toHaveLength(1);
    const [file] = storedFiles(store) as [string];
    expect(readFileSync(file, 'utf8')).toContain('linear-pattern');
    expect(await freshValidate(store, keyed, hostile)).toHaveLength(1);
    expect(await freshValidate(store, keyed, 'key: snake_case\n')).toEqual([]);
  });

  it('compiles again when stored code asks for anything but Ajv’s helpers', async () => {
    const store = tempDir();
    await freshValidate(store, needsTitle, 'title: x\n');
    const [file] = storedFiles(store) as [string];
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.value.code = 'require("node:fs").writeFileSync("pwned", ""); module.exports = () => true';
    writeFileSync(file, JSON.stringify(entry));
    expect(await freshValidate(store, needsTitle, 'other: 1\n')).toEqual([
      'Missing required field "title".',
    ]);
    expect(existsSync('pwned')).toBe(false);
  });
});
