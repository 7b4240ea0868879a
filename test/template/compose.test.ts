import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile } from '../../src/build.ts';
import { plainText } from '../../src/model/document.ts';
import { parseMarkdown } from '../../src/model/parse-markdown.ts';
import { composedLineSources, composeMarkdown } from '../../src/template/compose.ts';
import { dataPlaces } from '../../src/template/data-links.ts';
import {
  cleanData,
  escapeMarkdown,
  toLiteralData,
  unescapeMarkdown,
} from '../../src/template/literal.ts';
import { catchError } from '../helpers/errors.ts';
import { sampleTemplateCopy, tempDir, thenStored } from '../helpers/sample.ts';

const ctx = { locale: 'en-US', sources: { cgtn: { title: 'Report', publisher: 'CGTN' } } };
const hostile = '**bold** <b>x</b> {{title}} & © 中文 # [a](http://x) `c` \\*';

function render(template: string, data: unknown) {
  const markdown = composeMarkdown({ file: 't.md.hbs', text: template }, toLiteralData(data), ctx);
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
    const { value, warnings } = cleanData({ a: [{ b: 'x\u0001y\uD800' }] });
    expect(value).toEqual({ a: [{ b: 'xy' }] });
    expect(warnings.map((w) => w.place?.path)).toEqual(['a[0].b']);
  });

  it('strips them from object keys too, naming the key', () => {
    const { value, warnings } = cleanData({ a: { 'k\u0001ey': 'v' } });
    expect(value).toEqual({ a: { key: 'v' } });
    expect(warnings.map((w) => [w.code, w.place?.path])).toEqual([
      ['illegal-characters', 'a.k\\u{1}ey'],
    ]);
  });

  it('trims edge whitespace from every text value once, for every output, not only templates', async () => {
    const dir = tempDir();
    const data = join(dir, 'data.yaml');
    const sample = readFileSync('data/space-station-2025.yaml', 'utf8');
    const padded = sample
      .replace(
        '  title: China Space Station science in 2025',
        '  title: "  China Space Station science in 2025 "',
      )
      .replace('  author: briefkit sample', '  author: "briefkit sample\\n"');
    expect(padded).not.toBe(sample);
    writeFileSync(data, padded);
    const { report } = await thenStored(() => compile({ data }));
    // Metadata and the summary's running head read report info, not the template's data.
    expect(report.title).toBe('China Space Station science in 2025');
    expect(report.author).toBe('briefkit sample');
  });

  it('escapes reversibly', () => {
    expect(unescapeMarkdown(escapeMarkdown(hostile))).toBe(hostile);
  });
});

describe('composeMarkdown', () => {
  it('refuses Handlebars’ own log helper, which printed the data to the console', () => {
    const error = catchError(() => render('\n{{log text}}', { text: 'secret' }));
    expect(error.message).toBe('Template error: Unknown helper "log".');
    expect(error.diagnostics[0]?.place).toEqual({ file: 't.md.hbs', line: 2, column: 1 });
  });

  it.each([
    ['{{#if}}x{{/if}}', '#if requires exactly one argument', 1],
    ['{{#unless}}x{{/unless}}', '#unless requires exactly one argument', 1],
    ['{{#with}}x{{/with}}', '#with requires exactly one argument', 1],
    ['{{#each}}x{{/each}}', 'Must pass iterator to #each', 1],
    ['{{#each list}}{{#if}}y{{/if}}{{/each}}', '#if requires exactly one argument', 15],
    ['{{#if list}}{{missing}}{{/if}}', '"missing" not defined', 15],
    ['{{lookup list}}', 'Helper "lookup": expects an object and a key.', 1],
    ['{{> header}}', 'partials ({{> name}}) are not supported', 1],
    ['{{#> layout}}fallback{{/layout}}', 'partials ({{> name}}) are not supported', 1],
    ['x {{> "my part"}}', 'partials ({{> name}}) are not supported', 3],
  ])('names the line and column of %j', (line, message, column) => {
    const error = catchError(() => render(`first\n\n${line}`, { list: ['x'] }));
    expect(error.message).toContain(message);
    expect(error.message).not.toMatch(/object Object| - \d/);
    expect(error.diagnostics[0]?.place).toEqual({ file: 't.md.hbs', line: 3, column });
  });

  it('lets the template ask for rich text with md', () => {
    const [block] = render('{{md text}}', { text: '**bold** plain' });
    expect(block).toEqual({
      kind: 'paragraph',
      runs: [{ text: 'bold', bold: true }, { text: ' plain' }],
    });
  });

  it.each([
    ['{{md note}}', { note: '[x](javascript:alert(1))' }, 'note'],
    [
      '{{#each list}}{{md this.note}}{{/each}}',
      { list: [{ note: 'ok' }, { note: '[x](file:///etc)' }] },
      'list.1.note',
    ],
    [
      '{{#each list as |item|}}{{md item.note}}{{/each}}',
      { list: [{ note: 'ok' }, { note: '[x](a.pdf)' }] },
      'list.1.note',
    ],
    ['{{#with report}}{{md note}}{{/with}}', { report: { note: '[x](data:,hi)' } }, 'report.note'],
    ['{{#each list}}{{md @root.note}}{{/each}}', { list: [1], note: '[x](a.pdf)' }, 'note'],
  ])('tells where md found a link a build refuses: %j', (template, data, path) => {
    const told: [string, readonly string[]][] = [];
    const refusedLink = (url: string, paths: readonly string[]) => told.push([url, paths]);
    composeMarkdown({ file: 't.md.hbs', text: template }, toLiteralData(data), {
      ...ctx,
      refusedLink,
    });
    expect(told).toHaveLength(1);
    expect(told[0]?.[1]).toContain(path);
  });

  it('leaves links md brings to the parser, which knows where the text lands', () => {
    // In inline code the brackets are text, not a link: nothing to refuse.
    const [block] = render('`{{md note}}`', { note: '[x](javascript:1)' });
    expect(block).toEqual({ kind: 'paragraph', runs: [{ text: '[x](javascript:1)' }] });
    const error = catchError(() => render('\n{{md note}}', { note: '[x](javascript:1)' }));
    expect(error.message).toBe('Link "javascript:1" is not supported here.');
  });

  it('formats figures with qualifier, locale and unit', () => {
    const [block] = render('{{figure f}}', {
      f: { qualifier: 'about', value: 1867.5, unit: 'kg' },
    });
    expect(block?.kind === 'paragraph' && plainText(block.runs)).toBe('about 1,867.5 kg');
  });

  it('writes zero without a sign, as the charts do, however it rounds to zero', () => {
    const [block] = render('{{number a}}, {{number b 1}}, {{number c 1}}', {
      a: -0,
      b: -0.04,
      c: -0.06,
    });
    expect(block?.kind === 'paragraph' && plainText(block.runs)).toBe('0, 0.0, -0.1');
  });

  it('finds a figure by a key from the data or written in the template, punctuation and all', () => {
    const figures = [
      { key: 'mass', value: 1, unit: 'kg' },
      { key: 'mass_up', value: 867.5, unit: 'kg' },
    ];
    const shown = (template: string) => {
      const [block] = render(template, { figures, which: 'mass_up' });
      return block?.kind === 'paragraph' && plainText(block.runs);
    };
    expect(shown('{{figure (lookupFigure figures which)}}')).toBe('867.5 kg');
    expect(shown('{{figure (lookupFigure figures "mass_up")}}')).toBe('867.5 kg');
    const error = catchError(() => render('{{lookupFigure figures "mass_down"}}', { figures }));
    expect(error.message).toContain('no figure has key "mass_down"');
    expect(error.diagnostics[0]?.hint).toBe('The figures\' keys are "mass", "mass_up".');
  });

  it('names the sources there are when a key from the data finds none', () => {
    const sources = { cgtn: { publisher: 'CGTN' } };
    const error = catchError(() =>
      composeMarkdown(
        { file: 't.md.hbs', text: '{{source key}}' },
        { key: 'cgnt' },
        { locale: 'en', sources },
      ),
    );
    expect(error.message).toContain('no entry "cgnt"');
    expect(error.diagnostics[0]?.hint).toBe('The key comes from the data; the sources are "cgtn".');
    // Written in the template itself, the key is not the data's.
    const written = catchError(() =>
      composeMarkdown(
        { file: 't.md.hbs', text: '{{source "cgnt"}}' },
        {},
        { locale: 'en', sources },
      ),
    );
    expect(written.diagnostics[0]?.hint).toBe('The sources are "cgtn".');
    // Looked up, it is the data's again.
    const looked = catchError(() =>
      composeMarkdown(
        { file: 't.md.hbs', text: '{{source (lookup . "other")}}' },
        { other: 'cgnt' },
        { locale: 'en', sources },
      ),
    );
    expect(looked.diagnostics[0]?.hint).toBe(
      'The key comes from the data; the sources are "cgtn".',
    );
  });

  it('names the data field a misspelt source key is written in, inside a block too', () => {
    const sources = { cgtn: { publisher: 'CGTN' } };
    const data = { highlights: [{ source: 'cgtn' }, { source: 'cgnt' }] };
    const literal = toLiteralData(data);
    const placeInData = dataPlaces(literal, (path) => ({ file: 'data.yaml', line: path.length }));
    const error = catchError(() =>
      composeMarkdown(
        { file: 't.md.hbs', text: '{{#each highlights}}\n{{source source}}\n{{/each}}' },
        literal,
        { locale: 'en', sources, placeInData },
      ),
    );
    expect(error.message).toContain('no entry "cgnt"');
    expect(error.diagnostics[0]?.place).toEqual({
      file: 'data.yaml',
      line: 3,
      path: 'highlights[1].source',
    });
  });

  it('cites a title in the language’s quotes, and a description unquoted', () => {
    const sources = {
      titled: { publisher: 'CGTN', title: 'Report' },
      described: { publisher: 'CGTN', description: 'news report' },
      bare: { publisher: 'CGTN' },
    };
    const cite = (locale: string, key: string) =>
      composeMarkdown({ file: 't.md.hbs', text: `{{source "${key}"}}` }, {}, { locale, sources });
    expect(['titled', 'described', 'bare'].map((key) => cite('en-US', key))).toEqual([
      'CGTN, “Report”',
      'CGTN, news report',
      'CGTN',
    ]);
    expect(['titled', 'described'].map((key) => cite('zh-CN', key))).toEqual([
      'CGTN《Report》',
      'CGTN，news report',
    ]);
  });

  it("writes a day as the report's language writes dates", () => {
    // "Stand: 2025-10-15" in a German summary: there was no way to write a date as German does.
    const said = (locale: string) => {
      const data = toLiteralData({ day: '2025-10-15' });
      const text = composeMarkdown({ file: 't.md.hbs', text: '{{formatDate day}}' }, data, {
        ...ctx,
        locale,
      });
      const [block] = parseMarkdown(text, { file: 't.md.hbs' }).blocks;
      return block?.kind === 'paragraph' ? plainText(block.runs) : block?.kind;
    };
    expect(said('de-DE')).toBe('15. Oktober 2025');
    expect(said('en-US')).toBe('October 15, 2025');
    const error = catchError(() => render('{{formatDate day}}', { day: '2025-02-30' }));
    expect(error.diagnostics[0]).toMatchObject({
      code: 'helper-argument',
      message: 'Helper "formatDate": expects a day written YYYY-MM-DD, got the text "2025-02-30".',
      place: { file: 't.md.hbs', line: 1 },
    });
  });

  it('names the template line of an unknown variable', () => {
    const error = catchError(() => render('line one\n\n{{missing}}', {}));
    expect(error.code).toBe('template');
    expect(error.message).toContain('"missing" not defined');
    expect(error.diagnostics[0]?.place).toEqual({ file: 't.md.hbs', line: 3, column: 3 });
  });

  it('rejects unknown helpers at compile time, naming the helpers there are', () => {
    const error = catchError(() => render('{{shout title}}', { title: 'x' }));
    // Not Handlebars' "You specified knownHelpersOnly, …": the author specified nothing.
    expect(error.message).toBe('Template error: Unknown helper "shout".');
    expect(error.diagnostics[0]?.hint).toBe(
      'briefkit’s helpers: md, number, figure, lookupFigure, source, formatDate, join; Handlebars’ own: if, unless, each, with, lookup.',
    );
    expect(error.diagnostics[0]?.place).toEqual({ file: 't.md.hbs', line: 1, column: 1 });
  });

  it('shows an object key as written, and looks one up by a key from the data', () => {
    const data = { terms: { '# heading': '**bold**', 'cgtn-2025': 'CGTN' }, which: 'cgtn-2025' };
    const blocks = render('{{#each terms}}\n{{@key}} = {{this}}\n\n{{/each}}', data);
    expect(blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: '# heading = **bold**' }] },
      { kind: 'paragraph', runs: [{ text: 'cgtn-2025 = CGTN' }] },
    ]);
    const looked = render('{{lookup terms which}} {{terms.[# heading]}}', data);
    expect(looked).toEqual([{ kind: 'paragraph', runs: [{ text: 'CGTN **bold**' }] }]);
  });

  it('renders {{else}} of an empty each in the context around it', () => {
    const blocks = render('{{#each list}}x{{else}}none in {{title}}{{/each}}', {
      list: [],
      title: 'T',
    });
    expect(blocks).toEqual([{ kind: 'paragraph', runs: [{ text: 'none in T' }] }]);
  });

  it('names the line of a helper inside a block, not the block’s', () => {
    const error = catchError(() =>
      render('{{#each list}}\n\n{{figure this}}{{/each}}', { list: ['x'] }),
    );
    expect(error.diagnostics[0]?.place).toEqual({ file: 't.md.hbs', line: 3, column: 1 });
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

describe('compiled templates on disk', () => {
  const saved = process.env.BRIEFKIT_CACHE_DIR;
  afterEach(() => {
    process.env.BRIEFKIT_CACHE_DIR = saved;
  });

  /** composeMarkdown from a fresh module graph: nothing in memory, as in a new process. */
  async function freshCompose(store: string, text: string, data: unknown): Promise<string> {
    process.env.BRIEFKIT_CACHE_DIR = store;
    vi.resetModules();
    const { composeMarkdown: compose } = await import('../../src/template/compose.ts');
    return thenStored(() => compose({ file: 't.md.hbs', text }, data, ctx));
  }

  it('reads the compiled template back in a new process', async () => {
    const store = tempDir();
    const template = 'Hello {{name}}';
    expect(await freshCompose(store, template, { name: 'crew' })).toBe('Hello crew');
    // Proof that the next compose reads the store: a different compiled template shows.
    const [entry] = readdirSync(join(store, 'templates'));
    const file = join(store, 'templates', entry as string);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    await freshCompose(store, 'From the store: {{name}}', { name: 'x' });
    const other = readdirSync(join(store, 'templates')).find((e) => e !== entry) as string;
    stored.value.spec = JSON.parse(
      readFileSync(join(store, 'templates', other), 'utf8'),
    ).value.spec;
    writeFileSync(file, JSON.stringify(stored));
    expect(await freshCompose(store, template, { name: 'crew' })).toBe('From the store: crew');
  });

  it('still reports errors at their line from a stored template', async () => {
    const store = tempDir();
    const template = 'line one\n{{missing}}';
    for (let run = 0; run < 2; run++) {
      const error = await freshCompose(store, template, {}).catch((e: unknown) => e);
      expect(error).toMatchObject({ diagnostics: [{ place: { file: 't.md.hbs', line: 2 } }] });
    }
    expect(readdirSync(join(store, 'templates'))).toHaveLength(1);
  });
});

describe('the template line of a composed line', () => {
  it('follows comments, standalone blocks, repeats and ~', () => {
    const template = {
      file: 't.md.hbs',
      text: [
        '{{!-- a comment',
        'over two lines --}}',
        '# {{title}}',
        '',
        '{{#each list}}',
        '- {{this}}',
        '{{/each}}',
        '{{#if title}}',
        '  {{~title}}',
        '{{/if}}',
        'end',
      ].join('\n'),
    };
    const data = toLiteralData({ title: 'T', list: ['a', 'b'] });
    expect(composeMarkdown(template, data, ctx).split('\n')).toEqual([
      '# T',
      '',
      '- a',
      '- b',
      'T',
      'end',
    ]);
    expect(composedLineSources(template, data, ctx)).toEqual([3, 4, 6, 6, 9, 11]);
  });

  // `**{{field}}**` with an empty field is `****`, a horizontal rule, found only in the
  // composed Markdown: the error names the template line, in the summary and in the deck.
  it.each([
    ['summary.md.hbs', '### {{title}}\n'],
    ['deck.md.hbs', '# {{title}}\n'],
  ])('is named when %s composes to a horizontal rule', async (name, after) => {
    const template = sampleTemplateCopy();
    const file = join(template, name);
    const text = readFileSync(file, 'utf8');
    const rule = '**{{#unless title}}{{title}}{{/unless}}**';
    // Inside {{#each highlights}}, after the first line that names a highlight.
    const at = text.indexOf('{{#each highlights}}');
    const index = text.indexOf(after, at) + after.length;
    writeFileSync(file, `${text.slice(0, index)}\n${rule}\n${text.slice(index)}`);
    const line = text.slice(0, index).split('\n').length + 1;
    await expect(compile({ template, outputs: ['pptx'] })).rejects.toMatchObject({
      diagnostics: [
        {
          message: expect.stringContaining('horizontal rule'),
          place: expect.objectContaining({ file, line }),
        },
      ],
    });
  });
});
