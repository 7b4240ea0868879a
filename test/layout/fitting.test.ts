import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Compiled, compile } from '../../src/build.ts';
import type { Box, Frame } from '../../src/layout/frames.ts';
import { sampleTemplateCopy, tempDir } from '../helpers/sample.ts';

const stress = {
  data: 'test/fixtures/stress/data.yaml',
  template: 'test/fixtures/stress/template',
};

/** Every problem with one frame: text taller or wider than its box, or a box off the page. */
function problems(frame: Frame, page: Box): string[] {
  const found: string[] = [];
  const { box } = frame;
  const inside =
    box.x >= page.x - 0.01 &&
    box.y >= page.y - 0.01 &&
    box.x + box.w <= page.w + 0.01 &&
    box.y + box.h <= page.h + 0.01;
  if (!inside) found.push(`${frame.kind} box ${JSON.stringify(box)} leaves the page`);
  if (frame.kind === 'text') {
    if (frame.contentHeight > box.h + 0.01)
      found.push(`${frame.name}: ${frame.contentHeight} > ${box.h} high`);
    for (const p of frame.paragraphs) {
      for (const line of p.lines) {
        if (line.width > box.w - p.indent + 0.01)
          found.push(`${frame.name}: line ${line.width} > ${box.w - p.indent} wide`);
      }
    }
  }
  if (frame.kind === 'table') {
    const width = frame.columns.reduce((a, b) => a + b, 0);
    if (width > box.w + 0.01) found.push(`table ${width} > ${box.w} wide`);
    const cells = [frame.header, ...frame.rows];
    for (const [r, row] of cells.entries()) {
      for (const [c, cell] of row.entries()) {
        const inner = (frame.columns[c] ?? 0) - 2 * frame.padding;
        if (cell.lines.some((l) => l.width > inner + 0.01))
          found.push(`table cell ${r},${c} too wide`);
        const needed = cell.lines.length * frame.lineHeight + 2 * frame.padding;
        if (needed > (frame.rowHeights[r] ?? 0) + 0.01) found.push(`table row ${r} too short`);
      }
    }
  }
  return found;
}

function allProblems(compiled: Compiled): string[] {
  const slide = { x: 0, y: 0, w: compiled.deck.width, h: compiled.deck.height };
  const paper = { x: 0, y: 0, w: compiled.summary.width, h: compiled.summary.height };
  return [
    ...compiled.deck.slides.flatMap((s) =>
      s.frames.flatMap((f) => problems(f, slide).map((p) => `slide ${s.number}: ${p}`)),
    ),
    ...compiled.summary.pages.flatMap((frames, n) =>
      frames.flatMap((f) => problems(f, paper).map((p) => `page ${n + 1}: ${p}`)),
    ),
  ];
}

/** A laid-out slide's title as plain text ('' for a slide without one). */
function titleOf(slide: Compiled['deck']['slides'][number]): string {
  const title = slide.frames.find((f) => f.kind === 'text' && f.name === 'title');
  return title?.kind === 'text'
    ? title.paragraphs.flatMap((p) => p.runs.map((r) => r.text)).join('')
    : '';
}

/** The sample template with a theme edit, in a temp folder. */
function templateVariant(edit: (theme: string) => string): string {
  const dir = sampleTemplateCopy();
  const theme = join(dir, 'theme.yaml');
  writeFileSync(theme, edit(readFileSync(theme, 'utf8')));
  return dir;
}

describe('every text frame fits its box', () => {
  it('on 4:3 slides too', async () => {
    const compiled = await compile({
      template: templateVariant((t) => t.replace('aspect: "16:9"', 'aspect: "4:3"')),
    });
    expect([compiled.deck.width, compiled.deck.height]).toEqual([720, 540]);
    expect(allProblems(compiled)).toEqual([]);
  });

  it('in the sample', async () => {
    const compiled = await compile();
    expect(compiled.deck.slides.length).toBeGreaterThanOrEqual(8);
    expect(allProblems(compiled)).toEqual([]);
  });

  it('in the stress fixture, continuing the long list and table on more slides', async () => {
    const compiled = await compile(stress);
    expect(allProblems(compiled)).toEqual([]);
    const titles = compiled.deck.slides.map(titleOf);
    // Each continuation is numbered, so no two share a title.
    const continued = titles.filter((t) => / \(\d+ of \d+\)$/.test(t));
    expect(continued.length).toBeGreaterThanOrEqual(2);
    expect(new Set(continued).size).toBe(continued.length);
    const tables = compiled.deck.slides.flatMap((s) => s.frames.filter((f) => f.kind === 'table'));
    expect(tables.length).toBeGreaterThan(1);
    expect(tables.reduce((n, t) => n + (t.kind === 'table' ? t.rows.length : 0), 0)).toBe(40);
    for (const t of tables)
      expect(t.kind === 'table' && t.header.map((c) => c.runs[0]?.text)).toEqual([
        'Row',
        'Region',
        'Note',
      ]);
  });

  it('numbers the continuations of a list spread over three slides or more', async () => {
    const areas = Array.from({ length: 40 }, (_, i) => `  - Research area ${i + 1}`);
    const data = join(tempDir(), 'data.yaml');
    const sample = readFileSync('data/space-station-2025.yaml', 'utf8');
    writeFileSync(
      data,
      sample.replace(/^research_areas:\n/m, `research_areas:\n${areas.join('\n')}\n`),
    );
    const titles = (await compile({ data })).deck.slides.map(titleOf);
    const first = titles.indexOf('What the station studies');
    const parts = titles.filter((t) => t.startsWith('What the station studies'));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(titles.slice(first, first + parts.length)).toEqual(
      parts.map((_, i) =>
        i === 0
          ? 'What the station studies'
          : `What the station studies (${i + 1} of ${parts.length})`,
      ),
    );
  });

  it('marks a continuation in the report’s language: （2/2） in Chinese', async () => {
    const areas = Array.from(
      { length: 60 },
      (_, i) => `  - 研究方向 ${i + 1}：空间生命科学与微重力物理实验`,
    );
    const data = join(tempDir(), 'data.yaml');
    const sample = readFileSync('data/space-station-2025.zh-CN.yaml', 'utf8');
    writeFileSync(
      data,
      sample.replace(/^research_areas:\n/m, `research_areas:\n${areas.join('\n')}\n`),
    );
    const titles = (await compile({ data })).deck.slides.map(titleOf);
    const continued = titles.filter((t) => t.startsWith('空间站研究领域（'));
    expect(continued.length).toBeGreaterThanOrEqual(1);
    expect(continued).toEqual(
      continued.map((_, i) => `空间站研究领域（${i + 2}/${continued.length + 1}）`),
    );
    expect(titles.some((t) => t.includes(' of '))).toBe(false);
  });
});
