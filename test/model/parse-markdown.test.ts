import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { headingSections, parseMarkdown } from '../../src/model/parse-markdown.ts';
import { catchError } from '../helpers/errors.ts';
import { tempDir, thenStored } from '../helpers/sample.ts';

describe('parsed Markdown on disk', () => {
  const saved = process.env.BRIEFKIT_CACHE_DIR;
  afterEach(() => {
    process.env.BRIEFKIT_CACHE_DIR = saved;
  });

  /** parseMarkdown from a fresh module graph: nothing in memory, as in a new process. */
  async function freshParse(store: string, markdown: string) {
    process.env.BRIEFKIT_CACHE_DIR = store;
    vi.resetModules();
    const { parseMarkdown } = await import('../../src/model/parse-markdown.ts');
    return thenStored(() => parseMarkdown(markdown, { file: 'deck.md.hbs' }));
  }

  it('reads what an earlier process parsed, and parses again to report an error', async () => {
    const store = tempDir();
    const markdown = '# Results\n\n- **86** experiments\n\n<!-- Notes. -->\n';
    const first = await freshParse(store, markdown);
    expect(first.comments).toEqual(['Notes.']);
    // Proof that the next parse reads the store: an edited entry shows.
    const [entry] = readdirSync(join(store, 'markdown'));
    const file = join(store, 'markdown', entry as string);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.value.comments = ['From the store.'];
    writeFileSync(file, JSON.stringify(stored));
    const again = await freshParse(store, markdown);
    expect(again).toEqual({ ...first, comments: ['From the store.'] });
    expect(Object.isFrozen(again.blocks)).toBe(true);

    for (let run = 0; run < 2; run++)
      await expect(freshParse(store, '```\ncode\n```\n')).rejects.toMatchObject({
        diagnostics: [{ place: { file: 'deck.md.hbs' } }],
      });
  });
});

describe('parseMarkdown by sections', () => {
  // With an HTML comment at the end, the text is parsed whole (see headingSections).
  const whole = (markdown: string) => {
    const result = parseMarkdown(`${markdown}\n<!-- whole -->\n`, { file: 'summary.md.hbs' });
    return { blocks: result.blocks, comments: result.comments.slice(0, -1) };
  };
  const texts = {
    summary: `# China Space Station science in 2025

*Results of the year* · Prepared for Class 5A

The station hosted **86** new projects.

## Key figures

| Figure | What it counts |
| --- | --- |
| **about 867.5 kg** | sent to the station |
| **over 50** | patents |

![Mass moved](chart:mass-transport)

## Highlights
### First mouse experiment
*Life sciences*: four mice lived in orbit.
> A quote that runs on
lazily, then a heading:
## Looking ahead
- **Tianzhou** (cargo): samples; modules.
- second item

  with a second paragraph
# 中文标题
空间站 *科学* 成果。
`,
    'no heading first': 'Intro line.\n\n## One\n\nText.\n',
    'hashes that are not headings':
      '#hashtag\n\n####### seven\n\n\\# escaped\n\nA paragraph\n#tag goes on\n',
  };

  for (const [name, markdown] of Object.entries(texts)) {
    it(`parses ${name} exactly as the whole text`, () => {
      expect(headingSections(markdown).length).toBeGreaterThan(
        name === 'hashes that are not headings' ? 0 : 1,
      );
      expect(parseMarkdown(markdown, { file: 'summary.md.hbs' })).toEqual(whole(markdown));
    });
  }

  it('keeps fences, HTML and link definitions whole', () => {
    for (const markdown of [
      '# A\n\n```\n# B\n```\n',
      '# A\n\n<!--\n# B\n-->\n',
      '# A\n[x]: /y\n# B\n',
    ])
      expect(headingSections(markdown)).toEqual([markdown]);
  });
});

describe('lists', () => {
  it('have no item without text, and no list is left without items', () => {
    // `- {{field}}` with an empty field: a bare bullet in the PDFs, nothing in an office app.
    const { blocks } = parseMarkdown('- \n- One\n- \n\nText\n\n- \n', { file: 'summary.md.hbs' });
    expect(blocks).toEqual([
      { kind: 'list', ordered: false, items: [[{ text: 'One' }]] },
      { kind: 'paragraph', runs: [{ text: 'Text' }] },
    ]);
  });
});

describe('a horizontal rule', () => {
  it.each([
    ['alone', 'Text\n\n****\n'],
    ['in a list item', '- One\n- ****\n'],
  ])('%s is refused with words that say where it comes from', (_, markdown) => {
    // `**{{field}}**` with an empty field is `****`, which Markdown reads as a rule.
    const error = catchError(() => parseMarkdown(markdown, { file: 'deck.md.hbs' }));
    expect(error.diagnostics).toEqual([
      expect.objectContaining({
        code: 'markdown',
        message: expect.stringContaining('reads as a horizontal rule'),
        hint: expect.stringContaining('{{#if'),
        place: { file: 'deck.md.hbs' },
      }),
    ]);
  });
});

describe('a picture briefkit cannot read', () => {
  it('is named with the reason and where pictures come from, at its template line', () => {
    // All four read "Image … (pictures must be PNG or JPEG …) is not supported here", with
    // the hint for unsupported Markdown: nothing about what to do with an SVG.
    const reason = (url: string) => {
      const error = catchError(() =>
        parseMarkdown(`Intro\n\n![Plan](${url})\n`, { file: 'deck.md.hbs' }, (line) => line + 20),
      );
      expect(error.code).toBe('image-path');
      expect(error.diagnostics[0]?.place).toEqual({ file: 'deck.md.hbs', line: 23 });
      expect(error.diagnostics[0]?.hint).toContain('relative path, e.g. images/photo.png');
      return error.message;
    };
    expect(reason('images/plan.svg')).toContain('SVG is not supported; save the picture as a PNG');
    expect(reason('https://example.org/plan.png')).toContain('not from a URL');
    expect(reason('chart:Mass_Transport')).toContain('a chart is named by its file in charts/');
    expect(reason('../secret.png')).toContain('inside the template folder');
    expect(reason('images/plan.gif')).toContain('a PNG or JPEG file');
  });
});
