import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/build.ts';
import { paperTheme } from '../../src/layout/readable-color.ts';
import { readTemplate } from '../../src/template/read-template.ts';
import { sampleTemplateCopy } from '../helpers/sample.ts';

const sample = readTemplate('templates/briefing').theme;

/** A synthetic dark brand: light text on a near-black slide, a light muted, a yellow primary. */
const darkColors = {
  background: '101820',
  text: 'F2F2F2',
  muted: 'A0A0A0',
  primary: 'FEE715',
  surface: '2A3340',
};

describe('the theme printed on white paper', () => {
  it('keeps a theme whose colours read on white as it is', () => {
    expect(paperTheme(sample)).toEqual(sample);
  });

  it('gives each colour of a dark theme that would vanish on white one that reads', () => {
    const dark = { ...sample, colors: { ...sample.colors, ...darkColors } };
    expect(paperTheme(dark).colors).toEqual({
      ...dark.colors,
      background: 'FFFFFF',
      // The slides' dark background becomes the text; headings, rules and labels follow it.
      text: '101820',
      primary: '101820',
      muted: '101820',
      // Stripes and chart grid lines as dark as 2A3340 would hide the text: a pale tint of it.
      surface: 'E7E8E9',
    });
  });

  it('is what the summary wears, charts included, while the slides keep the theme', async () => {
    const template = sampleTemplateCopy();
    const file = join(template, 'theme.yaml');
    let text = readFileSync(file, 'utf8');
    for (const [key, value] of Object.entries(darkColors))
      text = text.replace(new RegExp(`^  ${key}: \\w+$`, 'm'), `  ${key}: ${value}`);
    writeFileSync(file, text);
    const compiled = await compile({ template });
    const frames = compiled.summary.pages.flat();
    const textColors = new Set(frames.flatMap((f) => (f.kind === 'text' ? [f.color] : [])));
    expect([...textColors].sort()).toEqual(['101820']);
    const svg = (frames: (typeof compiled.summary.pages)[number]) =>
      frames.flatMap((f) => (f.kind === 'chart' ? [f.chart.svg] : [])).join('');
    expect(svg(frames)).toContain('fill="#101820"');
    expect(svg(frames)).not.toContain('#F2F2F2');
    // Grid lines in that tint: white would hide them on the paper.
    expect(svg(frames)).toMatch(/stroke="#E7E8E9"/);
    expect(svg(compiled.deck.slides.flatMap((s) => s.frames))).toContain('fill="#F2F2F2"');
  });
});
