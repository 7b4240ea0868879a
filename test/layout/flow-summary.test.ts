import { describe, expect, it } from 'vitest';
import type { RenderedChart } from '../../src/charts/render-chart.ts';
import { flowSummary, type SummaryContext } from '../../src/layout/flow-summary.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import type { Box, Frame, TextFrame } from '../../src/layout/frames.ts';
import { parseMarkdown } from '../../src/model/parse-markdown.ts';
import { readTemplate } from '../../src/template/read-template.ts';

const { theme } = readTemplate('templates/briefing');
const noCharts = () => Promise.reject(new Error('no charts here'));

async function flow(markdown: string, chart: SummaryContext['chart'] = noCharts) {
  const { blocks } = parseMarkdown(markdown, { file: 'summary.md.hbs' });
  return flowSummary(
    { blocks },
    {
      theme,
      fonts: loadFontSet('carlito'),
      paper: 'a4',
      header: 'Synthetic summary',
      pageLabel: (page, pages) => `Page ${page} of ${pages}`,
      chart,
      image: () => {
        throw new Error('no pictures here');
      },
    },
  );
}

/** A chart as a test's stand-in renderer draws it: as wide as its box, `height` high. */
function drawn(
  name: string,
  alt: string,
  box: Box,
  height: number,
  plotHeight: number | null = null,
): RenderedChart {
  const drawing = { width: box.w, height, ops: [] };
  const chart = { name, alt, svg: '<svg/>', drawing, width: box.w, height, plotHeight };
  return { ...chart, crowded: null, native: null };
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

  it('places a chart as tall as it grew, kept on one page with its heading', async () => {
    // A long list of bars grows its chart (render-chart.ts); the heading must not be left
    // behind at the foot of the page, and the chart must not run off it.
    const asked: (number | undefined)[] = [];
    const chart: SummaryContext['chart'] = async (name, alt, box, maxHeight) => {
      asked.push(maxHeight);
      const height = name === 'tall' ? 520 : box.h;
      return drawn(name, alt, box, height);
    };
    const filler = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} of filler text.`);
    const layout = await flow(
      `${filler.join('\n\n')}\n\n## Long list\n\n![bars](chart:tall)\n`,
      chart,
    );
    const pageOf = (test: (f: Frame) => boolean) => layout.pages.findIndex((p) => p.some(test));
    const charts = layout.pages.flat().filter((f) => f.kind === 'chart');
    expect(charts.map((f) => f.box.h)).toEqual([520]);
    const onPage = pageOf((f) => f.kind === 'chart');
    expect(onPage).toBe(1);
    expect(pageOf((f) => f.kind === 'text' && f.name === 'heading')).toBe(onPage);
    const [box] = charts.map((f) => f.box);
    expect((box?.y ?? 0) + (box?.h ?? 0)).toBeLessThanOrEqual(layout.height - 56);
    // Every chart may grow, up to a page's content height.
    expect(new Set(asked).size).toBe(1);
    expect(asked[0]).toBeGreaterThan(600);
  });

  it('keeps a heading with a chart grown as tall as it may, on the first page, none blank', async () => {
    // A chart grown to its limit under a heading: were the limit a whole page, heading and
    // chart could never share one, and a new page would be started even at the top of one.
    const chart: SummaryContext['chart'] = async (name, alt, box, maxHeight) => {
      const height = maxHeight ?? box.h;
      return drawn(name, alt, box, height);
    };
    const layout = await flow('## Long list\n\n![bars](chart:tall)\n', chart);
    const content = layout.pages.map((p) =>
      p.filter((f) => f.kind !== 'text' || f.tag !== 'Artifact').map((f) => f.kind),
    );
    expect(content).toEqual([['text', 'chart']]);
    const [box] = layout.pages.flat().flatMap((f) => (f.kind === 'chart' ? [f.box] : []));
    expect((box?.y ?? 0) + (box?.h ?? 0)).toBeLessThanOrEqual(layout.height - 56);
    expect(box?.h).toBeGreaterThan(600);
  });

  describe('a chart that misses the foot of the page', () => {
    /**
     * Charts as tall as asked for, with axes 40 pt high, noting each height asked. `tall` grew
     * to 400 pt for a long list; `crowded` grows back to 190 pt when drawn shorter, as bands
     * that would crowd their labels do; `sideways` has labels on their side 175 pt high.
     */
    const drawing =
      (asked: number[]): SummaryContext['chart'] =>
      async (name, alt, box, maxHeight) => {
        asked.push(box.h);
        const crowds = name === 'crowded' && box.h < 190 && maxHeight;
        const grown = crowds ? Math.min(maxHeight, 190) : box.h;
        const height = name === 'tall' ? 400 : grown;
        const plotHeight = Math.max(0, height - (name === 'sideways' ? 175 : 40));
        return drawn(name, alt, box, height, plotHeight);
      };
    const chartBoxes = (layout: Awaited<ReturnType<typeof flow>>) =>
      layout.pages.map((p) => p.flatMap((f) => (f.kind === 'chart' ? [f.box] : [])));
    /** Paragraphs of one line each that leave about `room` pt below them on the first page. */
    const filler = async (room: number) => {
      const lines = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i}.`).join('\n\n');
      const bottom = async (n: number) => {
        const frames = (await flow(lines(n))).pages[0] ?? [];
        const body = frames.filter((f) => f.kind === 'text' && f.tag !== 'Artifact');
        return Math.max(...body.map((f) => f.box.y + f.box.h));
      };
      const [one, two] = [await bottom(1), await bottom(2)];
      const foot = 841.89 - 56 - 20;
      return lines(1 + Math.floor((foot - room - one) / (two - one)));
    };

    for (const heading of ['', '## Chart\n\n']) {
      it(`is drawn shorter, to fit, when the room left is at least 100 pt${heading && ', under a heading'}`, async () => {
        const asked: number[] = [];
        const layout = await flow(
          `${await filler(170)}\n\n${heading}![bars](chart:bars)\n`,
          drawing(asked),
        );
        const [first = [], ...rest] = chartBoxes(layout);
        expect(rest.flat()).toEqual([]);
        const [box] = first;
        expect(box?.h).toBeGreaterThanOrEqual(100);
        expect(box?.h).toBeLessThan(190);
        // It ends at the foot of the page's content, not past it.
        expect((box?.y ?? 0) + (box?.h ?? 0)).toBeLessThanOrEqual(layout.height - 56 - 20);
        expect(asked).toEqual([190, box?.h]);
      });
    }

    it('goes to the next page at its full height when the room left is less', async () => {
      const layout = await flow(
        `${await filler(60)}\n\n## Chart\n\n![bars](chart:bars)\n`,
        drawing([]),
      );
      expect(chartBoxes(layout).map((boxes) => boxes.map((b) => b.h))).toEqual([[], [190]]);
    });

    it.each([
      ['crowded', 'whose bands would crowd their labels'],
      ['sideways', 'whose plot its labels would take'],
    ])('goes to the next page at its full height, %s, %s when drawn shorter', async (name) => {
      const layout = await flow(`${await filler(170)}\n\n![bars](chart:${name})\n`, drawing([]));
      expect(chartBoxes(layout).map((boxes) => boxes.map((b) => b.h))).toEqual([[], [190]]);
    });

    it('keeps the height a long list grew it to', async () => {
      const layout = await flow(`${await filler(300)}\n\n![bars](chart:tall)\n`, drawing([]));
      expect(chartBoxes(layout).map((boxes) => boxes.map((b) => b.h))).toEqual([[], [400]]);
    });
  });
});
