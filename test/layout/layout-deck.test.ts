import { describe, expect, it, vi } from 'vitest';
import type { RenderedChart } from '../../src/charts/render-chart.ts';
import type { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { type Frame, SLIDE_TITLE, slideTitle, type TextFrame } from '../../src/layout/frames.ts';
import { type DeckContext, layoutDeck } from '../../src/layout/layout-deck.ts';
import { bodyRowFill } from '../../src/layout/table.ts';
import { parseDeck } from '../../src/model/parse-deck.ts';
import { readTemplate } from '../../src/template/read-template.ts';
import type { Theme } from '../../src/template/theme.ts';

const { theme } = readTemplate('templates/briefing');
const deck = parseDeck(
  [
    '---\nlayout: bullets\n---\n# Results\n\n- Forty experiments\n- Two spacewalks',
    '---\nlayout: chart\n---\n# Mass to orbit\n\n![Mass by year](chart:mass)',
  ].join('\n'),
  'deck.md',
);
const chart = { svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' } as unknown as RenderedChart;

function context(themed: Theme, fonts = loadFontSet('carlito')): DeckContext {
  return {
    theme: themed,
    fonts,
    footer: 'Synthetic deck',
    continued: ' (cont.)',
    chart: vi.fn(async () => chart),
    image: () => {
      throw new Error('no pictures here');
    },
  };
}

const body = (frames: readonly Frame[]) =>
  frames.find((f): f is TextFrame => f.kind === 'text' && f.name === 'body');

describe('layoutDeck', () => {
  it('lays out a slide it has seen once, and shares the frozen result', async () => {
    const first = await layoutDeck(deck, context(theme));
    const again = await layoutDeck(deck, context(theme));
    expect(again.slides[0]?.frames[0]).toBe(first.slides[0]?.frames[0]);
    expect(Object.isFrozen(first.slides[0]?.frames[0])).toBe(true);
    expect(again).toEqual(first);
  });

  it('lays a slide out again when the theme or the font set changes', async () => {
    const first = await layoutDeck(deck, context(theme));
    const larger = { ...theme, sizes: { ...theme.sizes, body: theme.sizes.body - 6 } };
    const resized = await layoutDeck(deck, context(larger));
    expect(body(resized.slides[0]?.frames ?? [])?.size).toBeLessThan(
      body(first.slides[0]?.frames ?? [])?.size ?? 0,
    );
    // Without the CJK fallback: another set, laid out on its own (Latin text fits the same).
    const latinOnly = await layoutDeck(deck, context(theme, loadFontSet('carlito', [])));
    expect(latinOnly.slides[0]?.frames[0]).not.toBe(first.slides[0]?.frames[0]);
    expect(latinOnly.slides[0]?.frames).toEqual(first.slides[0]?.frames);
  });

  it('asks for the chart of a chart slide at every build: its data lives outside the slide', async () => {
    const ctx = context(theme);
    await layoutDeck(deck, ctx);
    await layoutDeck(deck, ctx);
    expect(ctx.chart).toHaveBeenCalledTimes(2);
  });

  it("splits a section slide's text into its title and its body, where one block put them", async () => {
    const section = parseDeck(
      '---\nlayout: section\n---\n# Part 1: the numbers\n\nStats, charts and tables',
      'deck.md',
    );
    const [slide] = (await layoutDeck(section, context(theme))).slides;
    const text = (slide?.frames ?? []).filter((f): f is TextFrame => f.kind === 'text');
    const [title, rest] = text;
    expect(title).toMatchObject({ name: 'title', tag: 'H1', valign: 'top' });
    expect(title?.paragraphs.map((p) => p.runs.map((r) => r.text).join(''))).toEqual([
      'Part 1: the numbers',
    ]);
    expect(rest).toMatchObject({ name: 'body', valign: 'top', size: title?.size });
    // Together they sit centred in the section's box, a paragraph gap apart.
    if (!title || !rest) throw new Error('expected two text frames');
    expect(rest.box.y - (title.box.y + title.box.h)).toBeCloseTo(title.paragraphGap);
    const middle = (title.box.y + rest.box.y + rest.box.h) / 2;
    expect(middle).toBeCloseTo(540 * 0.3 + (540 * 0.3) / 2);
  });
  it('gives a slide whose level-1 heading has no text no title, in any layout', async () => {
    // `# {{field}}` with an empty field: an empty title placeholder shows PowerPoint's
    // "Click to add title" prompt and fails its accessibility check.
    const untitled = parseDeck(
      [
        '---\nlayout: title\n---\n# \n\nA subtitle',
        '---\nlayout: section\n---\n# \n\nThe body',
        '---\nlayout: bullets\n---\n# \n\n- An item',
      ].join('\n'),
      'deck.md',
    );
    const { slides } = await layoutDeck(untitled, context(theme));
    for (const slide of slides) {
      const titles = slide.frames.filter((f) => f.kind === 'text' && f.name === 'title');
      expect(titles.flatMap((f) => (f.kind === 'text' ? f.paragraphs : []))).toEqual([]);
      expect(slideTitle(slide)).toBeUndefined();
    }
    expect(body(slides[1]?.frames ?? [])?.paragraphs).toHaveLength(1);
  });

  it('leaves out list items and headings that have no text, as the deck does', async () => {
    // `- {{field}}` or `## {{field}}` with an empty field. An office app shows nothing for an
    // empty paragraph, while slides.pdf drew a bare bullet or number and kept its line.
    const sparse = parseDeck(
      [
        '---\nlayout: bullets\n---\n# Items\n\n1. \n2. Second\n3. \n4. Fourth',
        '---\nlayout: two-columns\n---\n# Columns\n\n## \n\n- \n- Left\n\n## Right\n\n- Right',
      ].join('\n'),
      'deck.md',
    );
    const { slides } = await layoutDeck(sparse, context(theme));
    const texts = (frame: Frame | undefined) =>
      frame?.kind === 'text' ? frame.paragraphs.map((p) => p.runs.map((r) => r.text).join('')) : [];
    const items = body(slides[0]?.frames ?? []);
    expect(texts(items)).toEqual(['Second', 'Fourth']);
    expect(items?.paragraphs.map((p) => p.bullet)).toEqual([1, 2]);
    const column = (n: number) =>
      slides[1]?.frames.find((f) => f.kind === 'text' && f.name === `column ${n}`);
    expect(texts(column(1))).toEqual(['Left']);
    expect(texts(column(2))).toEqual(['Right', 'Right']);
  });

  it('places a slide its layout cannot show in the deck template, at the slide', async () => {
    // Layout problems named the slide alone, while the deck's other problems name the file too.
    const deck = parseDeck(
      '---\nlayout: chart\n---\n# Only words\n\nNo chart here.',
      'deck.md.hbs',
    );
    const error = await layoutDeck(deck, context(theme)).catch((e: unknown) => e);
    expect((error as BriefkitError).diagnostics[0]).toMatchObject({
      code: 'layout-content',
      place: { file: 'deck.md.hbs', path: 'slide 1' },
    });
  });

  it('names the box and how its text starts when it cannot fit: the text may come from the data', async () => {
    const title = `Results of ${'a very long report title '.repeat(400)}`;
    const deck = parseDeck(`---\nlayout: title\n---\n# ${title}`, 'deck.md.hbs');
    const error = (await layoutDeck(deck, context(theme)).catch(
      (e: unknown) => e,
    )) as BriefkitError;
    expect(error.diagnostics[0]).toMatchObject({
      code: 'text-overflow',
      message:
        'The "title" text of this title slide ("Results of a very long report title a…") does not fit, even at the smallest allowed size.',
      place: { file: 'deck.md.hbs', path: 'slide 1' },
    });
  });

  it.each([
    ['stats', '- **31** projects\n- **867.5 kg** ', 'figures'],
    ['two-columns', '## Left\n\nShort.\n\n## Right\n\n', 'columns'],
    ['bullets', '- ', 'body'],
  ])(
    'says where in the data the longest part of %s text that does not fit is',
    async (layout, before, box) => {
      // Synthetic: a field the press officer wrote far too long, here as a stand-in place.
      const long = `sent up ${'and a great many more words about it '.repeat(400)}`;
      const field = { file: 'data.yaml', line: 9, column: 12, path: 'figures[1].short' };
      const dataField = vi.fn((text: string) => (text.includes(long.trim()) ? field : undefined));
      const deck = parseDeck(
        `---\nlayout: ${layout}\n---\n# Figures\n\n${before}${long}`,
        'deck.md.hbs',
      );
      const error = (await layoutDeck(deck, { ...context(theme), dataField }).catch(
        (e: unknown) => e,
      )) as BriefkitError;
      expect(error.diagnostics[0]).toMatchObject({
        code: 'text-overflow',
        message: expect.stringContaining(`The "${box}" text of this ${layout} slide`),
        hint: 'Shorten the text or split it over two slides. Its longest part from the data is at data.yaml:9:12 (figures[1].short).',
        place: { file: 'deck.md.hbs', path: 'slide 1' },
      });
    },
  );

  it('underlines a slide title with the accent rule, and draws no rule on a slide without one', async () => {
    const deck = parseDeck(
      ['---\nlayout: bullets\n---\n# Items\n\n- One', '---\nlayout: bullets\n---\n- One'].join(
        '\n',
      ),
      'deck.md',
    );
    const { slides } = await layoutDeck(deck, context(theme));
    const rules = slides.map((slide) => slide.frames.filter((f) => f.kind === 'rect').length);
    expect(rules).toEqual([1, 0]);
  });

  it('titles a quote slide that has a # title, with the quote below it', async () => {
    const deck = parseDeck(
      [
        '---\nlayout: quote\n---\n# In their words\n\n> Two facilities are planned.\n\nA speaker',
        '---\nlayout: quote\n---\n> Two facilities are planned.\n\nA speaker',
      ].join('\n'),
      'deck.md',
    );
    const [titled, untitled] = (await layoutDeck(deck, context(theme))).slides;
    if (!titled || !untitled) throw new Error('two slides expected');
    expect(slideTitle(titled)).toBe('In their words');
    expect(slideTitle(untitled)).toBeUndefined();
    const frame = (slide: typeof titled, name: string) =>
      slide.frames.find((f): f is TextFrame => f.kind === 'text' && f.name === name);
    const title = frame(titled, SLIDE_TITLE);
    const quote = frame(titled, 'quote');
    expect(quote?.box.y).toBeGreaterThan((title?.box.y ?? 0) + (title?.box.h ?? 0));
    expect(frame(untitled, 'quote')?.box.y).toBeLessThan(quote?.box.y ?? 0);
  });
});

describe('colours on a dark theme with a light primary', () => {
  const dark: Theme = {
    ...theme,
    colors: { ...theme.colors, background: '101820', text: 'F2F2F2', primary: 'FEE715' },
  };
  const slides = parseDeck(
    [
      '---\nlayout: title\n---\n# Press results',
      '---\nlayout: table\n---\n# Results\n\n| Site | Visits |\n| --- | --- |\n| North | 12 |\n| South | 9 |\n| East | 4 |',
    ].join('\n'),
    'deck.md',
  );
  const colours = async (themed: Theme) => {
    const laid = await layoutDeck(slides, context(themed));
    const title = laid.slides[0]?.frames.find((f) => f.kind === 'text' && f.name === SLIDE_TITLE);
    const table = laid.slides[1]?.frames.find((f) => f.kind === 'table');
    return {
      title: title?.kind === 'text' ? title.color : undefined,
      table: table?.kind === 'table' ? table.colors : undefined,
    };
  };

  it('writes on the primary colour in whichever of white and the theme’s own colours reads', async () => {
    // White on yellow (FEE715) was unreadable: the title slide and table header rows.
    const { title, table } = await colours(dark);
    expect(title).toBe('101820');
    expect(table?.headerText).toBe('101820');
    const sample = await colours(theme);
    expect(sample.title).toBe('FFFFFF');
    expect(sample.table?.headerText).toBe('FFFFFF');
  });

  it('fills unstriped table rows with the background, under the theme’s text colour', async () => {
    // They were always white: F2F2F2 text on them could not be read.
    const { table } = await colours(dark);
    expect(table?.body).toBe('101820');
    expect(table?.text).toBe('F2F2F2');
  });

  it('stripes every second body row, the first under the header unstriped', async () => {
    const { table } = await colours(dark);
    if (!table) throw new Error('no table');
    const fills = [0, 1, 2, 3].map((row) => bodyRowFill(table, row));
    expect(fills).toEqual([table.body, table.stripe, table.body, table.stripe]);
  });
});
