import { describe, expect, it } from 'vitest';
import { flowSummary } from '../../src/layout/flow-summary.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import type { TextFrame } from '../../src/layout/frames.ts';
import { parseMarkdown } from '../../src/model/parse-markdown.ts';
import { readTemplate } from '../../src/template/read-template.ts';

const { theme } = readTemplate('templates/briefing');

async function flow(markdown: string) {
  const { blocks } = parseMarkdown(markdown, { file: 'summary.md.hbs' });
  return flowSummary(
    { blocks },
    {
      theme,
      fonts: loadFontSet('carlito'),
      paper: 'a4',
      header: 'Synthetic summary',
      pageLabel: (page, pages) => `Page ${page} of ${pages}`,
      chart: () => Promise.reject(new Error('no charts here')),
      image: () => {
        throw new Error('no pictures here');
      },
    },
  );
}

describe('flowSummary', () => {
  it('gives a heading without text no bookmark, no tag and no room', async () => {
    // `## {{field}}` with an empty field: an empty bookmark and an empty H2 in the PDF.
    const sparse = await flow('# \n\n## \n\nFirst text\n\n## Next\n\nMore text\n');
    expect(sparse.outline.map((entry) => entry.title)).toEqual(['Next']);
    const text = (layout: typeof sparse) =>
      (layout.pages[0] ?? []).filter(
        (f): f is TextFrame => f.kind === 'text' && f.tag !== 'Artifact',
      );
    expect(text(sparse).map((f) => f.name)).toEqual(['paragraph', 'heading', 'paragraph']);
    const plain = await flow('First text\n\n## Next\n\nMore text\n');
    expect(text(sparse).map((f) => f.box)).toEqual(text(plain).map((f) => f.box));
  });
});
