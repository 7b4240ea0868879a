import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.ts';
import { sampleTemplateCopy } from '../helpers/sample.ts';

/** The sample template with its theme's footer line replaced. */
function withFooter(line: string): { template: string; theme: string } {
  const template = sampleTemplateCopy();
  const theme = join(template, 'theme.yaml');
  writeFileSync(theme, readFileSync(theme, 'utf8').replace(/^footer: .*$/m, line));
  return { template, theme };
}

describe('the theme footer', () => {
  it.each([
    ['footer: "{{report.title}} {{nosuch}}"', 'footer, column 20', '"nosuch" not defined'],
    ['footer: "ok {{number report.title}}"', 'footer, column 4', 'Helper "number"'],
    ['footer: "{{#if}}x{{/if}}"', 'footer, column 1', '#if requires exactly one argument'],
    ['footer: |\n  ok\n  {{nosuch}}', 'footer, line 2, column 3', '"nosuch" not defined'],
  ])('places a problem in %j at footer: in the theme file', async (line, path, message) => {
    const { template, theme } = withFooter(line);
    const error = await validate({ template }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      diagnostics: [
        {
          message: expect.stringContaining(message),
          place: { file: theme, line: 20, column: 9, path },
        },
      ],
    });
  });
});
