import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaults } from '../../src/build.ts';
import { readTemplate } from '../../src/template/read-template.ts';
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
});
