import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/model/document.ts';
import { parseMarkdown } from '../../src/model/parse-markdown.ts';
import { composeMarkdown } from '../../src/template/compose.ts';
import { escapeMarkdown, toLiteralData, unescapeMarkdown } from '../../src/template/literal.ts';
import { catchError } from '../helpers/errors.ts';

const ctx = { locale: 'en-US', sources: { cgtn: { title: 'Report', publisher: 'CGTN' } } };
const hostile = '**bold** <b>x</b> {{title}} & © 中文 # [a](http://x) `c` \\*';

function render(template: string, data: unknown) {
  const markdown = composeMarkdown(
    { file: 't.md.hbs', text: template },
    toLiteralData(data).value,
    ctx,
  );
  return parseMarkdown(markdown, { file: 't.md.hbs' }).blocks;
}

describe('literal data', () => {
  it('shows Markdown, HTML, Handlebars and entities in data exactly as written', () => {
    const [block] = render('{{text}}', { text: hostile, title: 'no' });
    expect(block).toEqual({ kind: 'paragraph', runs: [{ text: hostile }] });
  });

  it('cannot start a heading, list or slide break from data', () => {
    for (const text of [
      '# not a heading',
      '- not a list',
      '1. not a list',
      '---',
      '> not a quote',
    ]) {
      const blocks = render('{{text}}', { text });
      expect(blocks).toEqual([{ kind: 'paragraph', runs: [{ text }] }]);
    }
  });

  it('strips XML-illegal characters and says which field had them', () => {
    const { value, warnings } = toLiteralData({ a: [{ b: 'x\u0001y\uD800' }] });
    expect(value).toEqual({ a: [{ b: 'xy' }] });
    expect(warnings.map((w) => w.place?.path)).toEqual(['a[0].b']);
  });

  it('escapes reversibly', () => {
    expect(unescapeMarkdown(escapeMarkdown(hostile))).toBe(hostile);
  });
});

describe('composeMarkdown', () => {
  it('lets the template ask for rich text with md', () => {
    const [block] = render('{{md text}}', { text: '**bold** plain' });
    expect(block).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'bold', bold: true }, { text: ' plain' }],
    });
  });

  it('formats figures with qualifier, locale and unit', () => {
    const [block] = render('{{figure f}}', {
      f: { qualifier: 'about', value: 1867.5, unit: 'kg' },
    });
    expect(block?.kind === 'paragraph' && plainText(block.runs)).toBe('about 1,867.5 kg');
  });

  it('names the template line of an unknown variable', () => {
    const error = catchError(() => render('line one\n\n{{missing}}', {}));
    expect(error.code).toBe('template');
    expect(error.message).toContain('"missing" not defined');
    expect(error.diagnostics[0]?.place).toEqual({ file: 't.md.hbs', line: 3, column: 3 });
  });

  it('rejects unknown helpers at compile time', () => {
    const error = catchError(() => render('{{shout title}}', { title: 'x' }));
    expect(error.message).toMatch(/shout/);
  });

  it('makes helpers check their arguments', () => {
    const error = catchError(() => render('\n{{figure nothing}}', { nothing: 'text' }));
    expect(error.code).toBe('helper-argument');
    expect(error.diagnostics[0]?.place).toMatchObject({ line: 2 });
  });

  it('gives templates no prototype access', () => {
    const [block] = render('{{#with constructor}}{{name}}{{/with}}x', {});
    expect(block).toEqual({ kind: 'paragraph', runs: [{ text: 'x' }] });
  });
});
