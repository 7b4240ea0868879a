import { describe, expect, it } from 'vitest';
import { paperSizes } from '../../src/layout/flow-summary.ts';
import type { Box } from '../../src/layout/frames.ts';
import { type HandoutSize, handoutSizes, layoutHandout } from '../../src/layout/handout.ts';
import { slideSizes } from '../../src/template/theme.ts';

const wide = slideSizes['16:9'];
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.w <= outer.x + outer.w + 0.01 &&
  inner.y + inner.h <= outer.y + outer.h + 0.01;
const apart = (a: Box, b: Box) =>
  a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;

describe('handout layout', () => {
  it('puts 6 slides of a 16:9 deck on A4 at about a quarter of their size, the page used to its margins', () => {
    const { pages } = layoutHandout(6, wide, paperSizes.a4, 6);
    // The sample's 20 pt body text prints at 5.4 pt (it was 5.2 pt with 40 pt margins, 18 pt gaps).
    for (const { thumb } of pages[0] ?? []) expect(thumb.w / wide.width).toBeGreaterThan(0.27);
  });

  it('gives 3 a page slides over half the width, and lines that fill each third of the page', () => {
    const paper = paperSizes.a4;
    const { pages, footer } = layoutHandout(3, wide, paper, 3);
    const slots = pages[0] ?? [];
    for (const { thumb, notes } of slots) {
      expect(thumb.w).toBeGreaterThan((paper.width - 80) * 0.55);
      // About 3 in to write on, from the slide's top to well below its bottom.
      expect(notes?.w).toBeGreaterThan(200);
      expect(notes?.y).toBe(thumb.y);
      expect(notes?.h).toBeGreaterThan(thumb.h * 1.3);
    }
    const last = slots.at(-1)?.notes as Box;
    expect(footer.y - (last.y + last.h)).toBeLessThan(30);
  });

  it.each(handoutSizes.flatMap((n) => (['a4', 'letter'] as const).map((p) => [n, p] as const)))(
    '%i a page on %s: every box on the paper, between the header and footer, none overlapping',
    (perPage: HandoutSize, paperName) => {
      const paper = paperSizes[paperName];
      const { pages, header, footer } = layoutHandout(7, wide, paper, perPage);
      expect(pages.map((p) => p.length)).toEqual(
        perPage === 6 ? [6, 1] : perPage === 3 ? [3, 3, 1] : [2, 2, 2, 1],
      );
      const body = {
        x: 28,
        y: header.y + header.h,
        w: paper.width - 56,
        h: footer.y - header.y - header.h,
      };
      const boxes = (pages[0] ?? []).flatMap((s) => [
        s.thumb,
        s.label,
        ...(s.notes ? [s.notes] : []),
      ]);
      for (const box of boxes) expect(inside(box, body), JSON.stringify(box)).toBe(true);
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) expect(apart(a, b), JSON.stringify([a, b])).toBe(true);
      for (const { thumb, label } of pages[0] ?? []) {
        expect(label.y).toBeGreaterThanOrEqual(thumb.y + thumb.h);
        expect(label.x + label.w).toBeCloseTo(thumb.x + thumb.w);
      }
    },
  );
});
