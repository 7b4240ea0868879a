import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.ts';
import { paperSizes } from '../../src/layout/flow-summary.ts';
import { layoutHandout } from '../../src/layout/handout.ts';
import { slideSizes } from '../../src/template/theme.ts';
import { pptxParts, slideNames } from '../helpers/pptx-parts.ts';
import { buildSample, sampleTemplateCopy, tempDir } from '../helpers/sample.ts';

async function openPdf(file: string) {
  return getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
}

/** Text a page marks as artifact (running heads, page and slide numbers), in order. */
async function artifactText(page: PDFPageProxy): Promise<string[]> {
  const artifacts: string[] = [];
  const open: unknown[] = [];
  for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
    const mark = item as { type?: string; tag?: string; str?: string };
    if (mark.type?.startsWith('beginMarkedContent')) open.push(mark.tag);
    else if (mark.type === 'endMarkedContent') open.pop();
    else if (open.includes('Artifact') && mark.str?.trim()) artifacts.push(mark.str);
  }
  return artifacts;
}

const sampleData = 'data/space-station-2025.yaml';
const longTitle =
  'China Space Station science in 2025 — a very long report title that goes on and on about the results of the space application system, its experiments and its many facilities';

type StructNode = { role: string; children: StructNode[] };
type OutlineItem = { title: string; items: OutlineItem[] };
const flatten = (items: OutlineItem[]): string[] =>
  items.flatMap((i) => [i.title, ...flatten(i.items)]);

describe('print outputs', () => {
  it('tags slides.pdf: a section per slide, its footer and number artifacts', async () => {
    const { dir } = await buildSample();
    const pdf = await openPdf(join(dir, 'slides.pdf'));
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const tree = (await page.getStructTree()) as { children: StructNode[] };
      expect(tree.children.map((doc) => doc.children.map((c) => c.role))).toEqual([['Sect']]);
      // The title slide has no footer.
      expect(await artifactText(page)).toEqual(
        n === 1
          ? []
          : ['China Space Station science in 2025 · Source: CGTN', `${n} / ${pdf.numPages}`],
      );
    }
  });

  it("tags each slide's title as a heading and its bullets as a list", async () => {
    const { dir } = await buildSample();
    const pdf = await openPdf(join(dir, 'slides.pdf'));
    const roles = async (n: number) => {
      const tree = (await (await pdf.getPage(n)).getStructTree()) as { children: StructNode[] };
      const section = tree.children[0]?.children[0] as StructNode;
      return section.children.map((c) =>
        c.role === 'L' ? `L(${c.children.map((li) => li.role).join(' ')})` : c.role,
      );
    };
    // Slide 3: a title, a paragraph, three bullets; slide 4: a title, the chart, two bullets.
    expect(await roles(3)).toEqual(['H1', 'P', 'L(LI LI LI)']);
    expect(await roles(4)).toEqual(['H1', 'Figure', 'L(LI LI)']);
  });

  it('gives the summary one bookmark per heading, nested by level', async () => {
    const { dir } = await buildSample();
    const pdf = await openPdf(join(dir, 'summary.pdf'));
    const outline = (await pdf.getOutline()) as OutlineItem[];
    expect(outline.map((i) => i.title)).toEqual(['China Space Station science in 2025']);
    expect(flatten(outline)).toEqual([
      'China Space Station science in 2025',
      'Key figures',
      'Mass moved to and from the station',
      'New projects and patents',
      'Highlights',
      'First mouse experiment on the station',
      'Weak magnetic fields combined with microgravity',
      'Lithium-ion batteries studied in place',
      'Looking ahead',
      'Sources',
    ]);
    expect(outline[0]?.items.find((i) => i.title === 'Key figures')?.items).toHaveLength(2);
    expect(outline[0]?.items.find((i) => i.title === 'Highlights')?.items).toHaveLength(3);
    const meta = (await pdf.getMetadata()).info as Record<string, unknown>;
    expect(meta).toMatchObject({
      Title: 'China Space Station science in 2025',
      Author: 'briefkit sample',
      Language: 'en-US',
    });
  });

  it('prints the handout 3 slides a page by default', async () => {
    const { dir, pptx } = await buildSample();
    const slides = slideNames(await pptxParts(pptx)).length;
    expect((await openPdf(join(dir, 'handout.pdf'))).numPages).toBe(Math.ceil(slides / 3));
  });

  it('prints on Letter paper, 6 or 2 slides a page, when asked', async () => {
    const out = tempDir();
    await build({ out, paper: 'letter', handout: 6 });
    const summary = await openPdf(join(out, 'summary.pdf'));
    expect((await summary.getPage(1)).view).toEqual([0, 0, 612, 792]);
    const handout = await openPdf(join(out, 'handout.pdf'));
    expect((await handout.getPage(1)).view).toEqual([0, 0, 612, 792]);
    const slides = (await openPdf(join(out, 'slides.pdf'))).numPages;
    expect(handout.numPages).toBe(Math.ceil(slides / 6));
    await build({ out, handout: 2 });
    expect((await openPdf(join(out, 'handout.pdf'))).numPages).toBe(Math.ceil(slides / 2));
  });

  it('numbers every slide under it in the handout', async () => {
    const { dir } = await buildSample();
    const handout = await openPdf(join(dir, 'handout.pdf'));
    const slide = 'China Space Station science in 2025 · Source: CGTN';
    expect(await artifactText(await handout.getPage(1))).toEqual([
      'China Space Station science in 2025',
      'Page 1 of 4',
      '1',
      slide,
      '2 / 11',
      '2',
      slide,
      '3 / 11',
      '3',
    ]);
  });

  it.each([
    [2, 'a4'],
    [3, 'a4'],
    [6, 'a4'],
    [2, 'letter'],
    [3, 'letter'],
    [6, 'letter'],
  ] as const)(
    'keeps a long title to one line, cut with "…", above the slides (%i a page on %s)',
    async (perPage, paper) => {
      const dir = tempDir();
      const data = join(dir, 'long-title.yaml');
      writeFileSync(
        data,
        readFileSync(sampleData, 'utf8').replace(/^ {2}title: .*$/m, `  title: ${longTitle}`),
      );
      await build({ data, out: dir, paper, handout: perPage, outputs: ['handout'] });
      const page = await (await openPdf(join(dir, 'handout.pdf'))).getPage(1);
      const [head, next] = await artifactText(page);
      expect(head).toMatch(/^China Space Station science in 2025 — a very long report .*\S…$/);
      expect(longTitle.startsWith((head as string).slice(0, -1))).toBe(true);
      expect(next).toMatch(/^Page 1 of \d+$/);
      const [, , , height] = page.view as [number, number, number, number];
      const { pages } = layoutHandout(11, slideSizes['16:9'], paperSizes[paper], perPage);
      const top = pages[0]?.[0]?.thumb.y as number;
      const heads = (await page.getTextContent()).items.filter(
        (item) => 'str' in item && item.str === head,
      );
      expect(heads).toHaveLength(1);
      for (const item of heads)
        if ('transform' in item) expect(height - item.transform[5]).toBeLessThan(top);
    },
  );

  it('keeps a long title in the summary\'s running head to one line, cut with "…"', async () => {
    const dir = tempDir();
    const data = join(dir, 'long-title.yaml');
    writeFileSync(
      data,
      readFileSync(sampleData, 'utf8').replace(/^ {2}title: .*$/m, `  title: ${longTitle}`),
    );
    await build({ data, out: dir, outputs: ['summary'] });
    const [head, next] = await artifactText(
      await (await openPdf(join(dir, 'summary.pdf'))).getPage(1),
    );
    expect(head).toMatch(/\S…$/);
    expect(longTitle.startsWith((head as string).slice(0, -1))).toBe(true);
    expect(next).toMatch(/^Page 1 of \d+$/);
  });

  it('bookmarks each titled slide in the handout, as in slides.pdf', async () => {
    const { dir } = await buildSample();
    const slides = (await openPdf(join(dir, 'slides.pdf'))).getOutline();
    const titles = flatten(
      (await (await openPdf(join(dir, 'handout.pdf'))).getOutline()) as OutlineItem[],
    );
    expect(titles).toEqual(flatten((await slides) as OutlineItem[]));
    expect(titles.slice(0, 3)).toEqual([
      'China Space Station science in 2025',
      'The year in numbers',
      'What the station studies',
    ]);
  });

  it("prints each of a slide's notes as a paragraph, cut with an ellipsis at the end of the lines", async () => {
    const dir = tempDir();
    const template = sampleTemplateCopy(dir);
    const deck = join(template, 'deck.md.hbs');
    const long = 'This note goes on about the station, far past what the lines can hold. '.repeat(
      80,
    );
    writeFileSync(
      deck,
      readFileSync(deck, 'utf8').replace(
        /<!-- \{\{t\.notes_source\}\}.*-->/,
        `<!-- First comment. -->\n\n<!-- Second comment. ${long}-->`,
      ),
    );
    await build({ template, out: dir, handoutNotes: true });
    const page = await (await openPdf(join(dir, 'handout.pdf'))).getPage(1);
    const [, , , height] = page.view as [number, number, number, number];
    const { pages } = layoutHandout(11, slideSizes['16:9'], paperSizes.a4, 3);
    const box = pages[0]?.[0]?.notes as { x: number; y: number; w: number; h: number };
    const ours = /^(First comment\.|Second comment|…$)|note goes on|past what|lines can/;
    const notes = (await page.getTextContent()).items.flatMap((item) =>
      'str' in item && ours.test(item.str)
        ? [{ text: item.str, x: item.transform[4], baseline: height - item.transform[5] }]
        : [],
    );
    expect(notes[0]?.text).toBe('First comment.');
    expect(notes[1]?.text).toMatch(/^Second comment\. This note/);
    expect(notes.at(-1)?.text).toBe('…');
    expect(notes.length).toBeGreaterThan(20);
    for (const { x, baseline } of notes) {
      expect(x).toBeGreaterThanOrEqual(box.x);
      expect(baseline).toBeGreaterThan(box.y);
      expect(baseline).toBeLessThanOrEqual(box.y + box.h);
    }
  });
});
