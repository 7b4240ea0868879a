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
    ['footer: "{{report.title}} {{nosuch}}"', '"nosuch" not defined (at column 20 of the footer)'],
    ['footer: "ok {{number report.title}}"', 'got string (at column 4 of the footer).'],
    ['footer: "{{#if}}x{{/if}}"', 'exactly one argument (at column 1 of the footer)'],
    ['footer: |\n  ok\n  {{nosuch}}', '"nosuch" not defined (at line 2, column 3 of the footer)'],
  ])('places a problem in %j at footer: in the theme file', async (line, message) => {
    const { template, theme } = withFooter(line);
    const error = await validate({ template }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      diagnostics: [
        {
          message: expect.stringContaining(message),
          place: { file: theme, line: 20, column: 9, path: 'footer' },
        },
      ],
    });
  });
});
