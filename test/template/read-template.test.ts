import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import themeSchema from '../../schemas/theme.schema.json' with { type: 'json' };
import { defaults } from '../../src/build.ts';
import { createAjv } from '../../src/data/ajv.ts';
import { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { readDocument, readTemplate } from '../../src/template/read-template.ts';
import { catchError } from '../helpers/errors.ts';
import { tempDir } from '../helpers/sample.ts';

describe('readTemplate', () => {
  it('reads the sample template: schema, theme, sources, charts and strings', () => {
    const template = readTemplate(defaults.template);
    expect(template.name).toBeTruthy();
    expect([...template.charts.keys()]).toEqual(['mass-transport', 'science-output']);
    expect(Object.keys(template.strings)).toContain('zh-CN');
  });

  it('checks the data schema against JSON Schema itself, naming its line', () => {
    const dir = tempDir();
    cpSync(defaults.template, dir, { recursive: true });
    const file = join(dir, 'schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8'));
    schema.properties.title = { type: 'strnig' };
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const error = catchError(() => readTemplate(dir));
    const [first] = error.diagnostics;
    expect(first?.place).toMatchObject({ line: expect.any(Number), path: 'properties.title.type' });
    expect(first?.place?.file).toContain('schema.json');
  });

  it('reads a file that starts with a byte-order mark as if it had none', () => {
    const file = join(tempDir(), 'data.yaml');
    writeFileSync(file, '\uFEFFreport: 5\n');
    const doc = readDocument(file, 'dataset');
    expect(doc.value).toEqual({ report: 5 });
    expect(doc.locate(['report'])).toMatchObject({ line: 1, column: 9 });
  });

  it('refuses a data schema Ajv cannot compile, naming the schema file', () => {
    for (const property of [
      { type: 'string', pattern: '([' },
      { $ref: '#/$defs/missing' },
      { $ref: 'file:///etc/passwd' },
    ]) {
      const dir = tempDir();
      cpSync(defaults.template, dir, { recursive: true });
      const file = join(dir, 'schema.json');
      const schema = JSON.parse(readFileSync(file, 'utf8'));
      schema.properties.extra = property;
      writeFileSync(file, JSON.stringify(schema, null, 2));
      const error = catchError(() => readTemplate(dir));
      expect(error.code, JSON.stringify(property)).toBe('schema');
      expect(error.message).toMatch(/^The data schema('s pattern "\(\[")? cannot be used/);
      expect(error.diagnostics[0]?.place?.file).toMatch(/schema\.json$/);
    }
  });

  it('refuses a pattern that only a backtracking matcher can match, at its line', () => {
    const cases = [
      ['^(?!draft)[a-z]+$', { pattern: '^(?!draft)[a-z]+$' }, 'it uses lookaround', 'pattern'],
      ['^(a)\\1$', { pattern: '^(a)\\1$' }, 'it uses a backreference', 'pattern'],
      ['^(?<=x)y$', { patternProperties: { '^(?<=x)y$': {} } }, 'it uses lookaround', ''],
    ] as const;
    for (const [pattern, property, reason, key] of cases) {
      const dir = tempDir();
      cpSync(defaults.template, dir, { recursive: true });
      const file = join(dir, 'schema.json');
      const schema = JSON.parse(readFileSync(file, 'utf8'));
      schema.properties.extra = property;
      const text = JSON.stringify(schema, null, 2);
      writeFileSync(file, text);
      const error = catchError(() => readTemplate(dir));
      expect(error.message).toContain(
        `pattern ${JSON.stringify(pattern)} cannot be used: ${reason}`,
      );
      const line = text.split('\n').findIndex((l) => l.includes(JSON.stringify(pattern))) + 1;
      expect(error.diagnostics[0]?.place).toMatchObject({
        line,
        path: `properties.extra.${key || `patternProperties.${pattern}`}`,
      });
    }
  });

  it('names the template.yaml line of a file it names that is missing', () => {
    // "schemas.json" for "schema.json": the hint said paths resolve from the current folder,
    // but template.yaml's are relative to the template folder, and its line went unnamed.
    const dir = tempDir();
    cpSync(defaults.template, dir, { recursive: true });
    const manifest = join(dir, 'template.yaml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8')
        .replace('schema: schema.json', 'schema: schemas.json')
        .replace('deck: deck.md.hbs', 'deck: deck.md'),
    );
    const error = catchError(() => readTemplate(dir));
    const lines = readFileSync(manifest, 'utf8').split('\n');
    const line = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    expect(error.diagnostics.map((d) => [d.message, d.hint, d.place])).toEqual([
      [
        'Cannot read data schema "schemas.json": the template folder has no such file.',
        'Paths in template.yaml are relative to the template folder.',
        {
          file: expect.stringContaining('template.yaml'),
          line: line('schemas.json'),
          column: 9,
          path: 'schema',
        },
      ],
    ]);
  });

  it('checks template strings: every text a string', () => {
    const dir = tempDir();
    cpSync(defaults.template, dir, { recursive: true });
    writeFileSync(join(dir, 'strings.yaml'), 'en:\n  title: 3\n');
    const error = catchError(() => readTemplate(dir));
    expect(error.diagnostics[0]?.place).toMatchObject({ line: 2, path: 'en.title' });
  });

  /** A copy of the sample template whose theme has `text: <value>`. */
  function withTextColor(value: string): string {
    const dir = tempDir();
    cpSync(defaults.template, dir, { recursive: true });
    const file = join(dir, 'theme.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('text: 1F2937', `text: ${value}`));
    return dir;
  }

  it.each(['000000', '006400', '1E5000', '333333'])(
    'reads the unquoted colour %s as the six characters written, not as a number',
    (color) => {
      const { theme } = readTemplate(withTextColor(color));
      expect(theme.colors.text).toBe(color);
      expect(theme.sizes.body).toBe(20);
    },
  );

  it('reads colours in a list as written too', () => {
    const dir = withTextColor('000000');
    const file = join(dir, 'theme.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('chart: [0B3D91', 'chart: [006400'));
    expect(readTemplate(dir).theme.colors.chart[0]).toBe('006400');
  });

  it.each(['12345', '"#000000"', 'true'])(
    'refuses the colour %s, with a hint on how to write one',
    (color) => {
      const [diagnostic] = catchError(() => readTemplate(withTextColor(color))).diagnostics;
      expect(diagnostic).toMatchObject({
        code: 'schema',
        place: { line: 6, column: 9, path: 'colors.text' },
        hint: 'Write a colour as 6 hex digits without "#", quoted if in doubt: "000000".',
      });
    },
  );

  describe('the theme schema, as an editor checks the theme, and briefkit', () => {
    // An editor validates what a YAML reader makes of the file, so it sees 000000 as 0.
    const editorAccepts = (color: string) => {
      const text = readFileSync(join(withTextColor(color), 'theme.yaml'), 'utf8');
      return createAjv().compile(themeSchema)(parse(text));
    };
    const briefkitAccepts = (color: string) => {
      try {
        readTemplate(withTextColor(color));
        return true;
      } catch (error) {
        if (error instanceof BriefkitError && error.code === 'schema') return false;
        throw error;
      }
    };

    it.each([
      ['000000', true],
      ['006400', true],
      ['1E5000', true],
      ['1234E3', true],
      ['123456', true],
      ['0B3D91', true],
      ['ffffff', true],
      ['"000000"', true],
      ['"#000000"', false],
      ['true', false],
      ['~', false],
      ['GGGGGG', false],
      ['0B3D9', false],
      ['0B3D911', false],
      ['-1', false],
      ['"12345"', false],
    ])('agree on %s: %s', (color, accepted) => {
      expect(editorAccepts(color)).toBe(accepted);
      expect(briefkitAccepts(color)).toBe(accepted);
    });

    // A YAML reader keeps only the number, not the digits written: these pass the schema,
    // and briefkit, which reads the text, refuses them when it reads the theme.
    it.each(['12345', '1234567', '1.5', '0x1F2937', '.inf'])(
      'leave %s, a number but not six hex digits, to briefkit',
      (color) => {
        expect(editorAccepts(color)).toBe(true);
        expect(briefkitAccepts(color)).toBe(false);
      },
    );
  });
});
