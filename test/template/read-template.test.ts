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
});
