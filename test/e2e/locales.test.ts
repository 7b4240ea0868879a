import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { build, inspect } from '../../src/index.ts';
import { pdfPages } from '../helpers/pdf-text.ts';
import { sampleTemplateCopy, tempDir } from '../helpers/sample.ts';

const sample = readFileSync('data/space-station-2025.yaml', 'utf8');

/** The sample with its text edited, as a data file in a temp folder. */
function variant(edit: (yaml: string) => string): string {
  const file = join(tempDir(), 'data.yaml');
  writeFileSync(file, edit(sample));
  return file;
}

const text = async (file: string) =>
  (await pdfPages(new Uint8Array(readFileSync(file)))).join(' ').replace(/\s+/g, ' ');

describe('locales', () => {
  it('formats numbers for de-DE in the text and in chart labels', async () => {
    const out = tempDir();
    await build({ data: variant((y) => y.replace('locale: en-US', 'locale: de-DE')), out });
    const summary = await text(join(out, 'summary.pdf'));
    expect(summary).toContain('about 867,5 kg');
    expect(summary).toContain('83,92 kg');
    // Once in the figures table, once as the bar label Vega drew with the report's format.
    expect(summary.match(/867,5/g)).toHaveLength(2);
    expect(summary).not.toContain('867.5');
    expect((await pdfPages(new Uint8Array(readFileSync(join(out, 'slides.pdf')))))[3]).toMatch(
      /867,5[\s\S]*83,92/,
    );
    expect(await inspect(join(out, 'briefing.pptx'))).toContain('**about 867,5 kg**');
  });

  it('builds the Chinese edition with the same figures and embedded CJK fonts', async () => {
    const out = tempDir();
    const { warnings } = await build({ data: 'data/space-station-2025.zh-CN.yaml', out });
    expect(warnings).toEqual([]);
    const summary = await text(join(out, 'summary.pdf'));
    expect(summary).toContain('2025 年中国空间站科学成果');
    for (const figure of [
      '31 项新项目',
      '约 867.5 千克',
      '83.92 千克',
      '超过 150 TB',
      '超过 50 项专利',
    ]) {
      expect(summary).toContain(figure);
    }
    const pdf = await inspect(join(out, 'summary.pdf'));
    expect(pdf).toMatch(/NotoSansSC-Regular .*embedded/);
    expect(pdf).toContain('第 1 页，共 2 页');
    // Chinese punctuation throughout: full-width, with no spaces around it.
    expect(pdf).toContain('来源：CGTN，关于 2025 年中国空间站科学成果的新闻报道');
    expect(pdf).toMatch(/CSST（中国空间站巡天望远镜）：宇宙学；/);
    expect(pdf).not.toMatch(/[\u4e00-\u9fff][,:;] /);
    const deck = await inspect(join(out, 'briefing.pptx'));
    expect(deck).toContain('中国空间站');
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'briefing.pptx')));
    const xml = (await zip.file('ppt/slides/slide1.xml')?.async('string')) ?? '';
    expect(xml).toContain('<a:ea typeface="Noto Sans SC"');
    expect(xml).toContain('lang="zh-CN"');
    // A category names its label in the language's brackets.
    const chart = (await zip.file('ppt/charts/chart1.xml')?.async('string')) ?? '';
    expect(chart).toContain('送往空间站（约 867.5 千克）');
    // Its labels take the deck's CJK font and language, not PowerPoint's default CJK font.
    expect(chart.match(/<a:latin [^>]*\/>/g)?.length).toBeGreaterThan(0);
    expect(chart.match(/<a:latin [^>]*\/><a:ea typeface="Noto Sans SC"\/>/g)?.length).toBe(
      chart.match(/<a:latin [^>]*\/>/g)?.length,
    );
    expect(chart).not.toContain('lang="en-US"');
    // The CJK face has no italic: the PDFs draw the highlight's field upright, so does the deck.
    const highlight = (await zip.file('ppt/slides/slide6.xml')?.async('string')) ?? '';
    expect(highlight).toContain('空间生命科学');
    expect(highlight).not.toMatch(/i="1"(?:(?!<\/a:r>).)*空间生命科学/s);
    // Text typed at the end of a paragraph is Chinese too.
    expect(xml).toContain('<a:endParaRPr lang="zh-CN"');
    expect(xml).not.toContain('lang="en-US"');
    // So are the speaker notes, which screen readers and the speller read as the deck's language.
    const notes = (await zip.file('ppt/notesSlides/notesSlide2.xml')?.async('string')) ?? '';
    expect(notes).toMatch(/<a:rPr lang="zh-CN"[^>]*\/><a:t>“约”“超过”/);
    expect(notes).not.toContain('lang="en-US"');
  });

  it('warns, naming the field, about characters no font can draw', async () => {
    const out = tempDir();
    const { warnings } = await build({
      data: variant((y) => y.replace('subtitle: Results', 'subtitle: 🛰 Results')),
      out,
    });
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'missing-glyphs', place: { path: 'report.subtitle' } }),
    ]);
    expect(warnings[0]?.message).toContain('U+1F6F0');
  });

  it('warns about such characters in the template’s own text too, naming where', async () => {
    const template = sampleTemplateCopy();
    const edit = (file: string, from: string, to: string) => {
      const path = join(template, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
    };
    edit('deck.md.hbs', '# {{t.mass_title}}', '# 🚀 {{t.mass_title}}');
    edit('strings.yaml', 'count_axis: Count', 'count_axis: Count 🛰');
    const { warnings } = await build({ template, out: tempDir() });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'missing-glyphs',
        message: expect.stringContaining('U+1F680'),
        place: { file: join(template, 'deck.md.hbs') },
      }),
      expect.objectContaining({ code: 'missing-glyphs', place: { path: 't.count_axis' } }),
    ]);
  });

  it('warns about such characters in the theme’s footer, drawn on every slide', async () => {
    const template = sampleTemplateCopy();
    const theme = join(template, 'theme.yaml');
    writeFileSync(theme, readFileSync(theme, 'utf8').replace('footer: "', 'footer: "🚀 '));
    const { warnings } = await build({ template, out: tempDir(), outputs: ['pptx'] });
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'missing-glyphs',
        message: expect.stringContaining('U+1F680'),
        place: { file: theme, line: 20, column: 9, path: 'footer' },
      }),
    ]);
  });
});
