import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { build, inspect } from '../../src/index.ts';
import { buildSample, tempDir } from '../helpers/sample.ts';
import { convertWithLibreOffice, hasTool, run } from '../helpers/tools.ts';

describe.runIf(hasTool('soffice'))('LibreOffice', () => {
  it('opens the deck and renders one page per slide', async () => {
    const { dir, pptx } = await buildSample();
    const zip = await JSZip.loadAsync(pptx);
    const slideCount = Object.keys(zip.files).filter((n) =>
      /^ppt\/slides\/slide\d+\.xml$/.test(n),
    ).length;
    const out = tempDir('briefkit-lo-');
    // soffice exits 0 even when conversion fails, so the page count is the real check.
    const info = run('pdfinfo', [convertWithLibreOffice(join(dir, 'briefing.pptx'), out)]);
    expect(info).toMatch(new RegExp(`Pages:\\s+${slideCount}\\n`));
  });

  it('numbers the slides anew when one is deleted, as the slide-number fields ask', async () => {
    const { pptx } = await buildSample();
    const zip = await JSZip.loadAsync(pptx);
    const presentation = (await zip.file('ppt/presentation.xml')?.async('string')) ?? '';
    const ids = presentation.match(/<p:sldId [^>]*\/>/g) ?? [];
    // The third slide goes, as a user deleting it in PowerPoint would have it.
    zip.file('ppt/presentation.xml', presentation.replace(ids[2] ?? '', ''));
    const dir = tempDir('briefkit-lo-');
    const edited = join(dir, 'edited.pptx');
    writeFileSync(edited, await zip.generateAsync({ type: 'uint8array' }));
    const text = run('pdftotext', [convertWithLibreOffice(edited, dir), '-']);
    const total = ids.length;
    // The last slide now reads one less than the total it was built with.
    expect(text).toContain(`${total - 1} / ${total}`);
    expect(text).not.toContain(`${total} / ${total}`);
  });

  it("names its PDF bookmarks by the deck's slide titles, as slides.pdf does", async () => {
    const { dir, slides } = await buildSample();
    const pdf = readFileSync(convertWithLibreOffice(join(dir, 'briefing.pptx'), tempDir()));
    // LibreOffice names an untitled slide's bookmark "Slide N".
    const titled = (await outlineTitles(pdf)).filter((t) => !/^Slide \d+$/.test(t));
    expect(titled).toEqual(await outlineTitles(slides));
    expect(titled).toContain('The year in numbers');
  });

  it('writes dates that inspect shows as ISO 8601', async () => {
    const { dir } = await buildSample();
    const pdf = readFileSync(convertWithLibreOffice(join(dir, 'briefing.pptx'), tempDir()));
    // Stored as LibreOffice writes its local time: D:20240315120000Z' or …+01'00'.
    expect(await inspect(pdf)).toMatch(
      /\nmeta CreationDate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)\n/,
    );
  });
});

describe.runIf(hasTool('soffice'))('LibreOffice with the Chinese edition', () => {
  it('renders the deck with CJK glyphs from an embedded CJK font', async () => {
    const out = tempDir('briefkit-zh-');
    await build({ data: 'data/space-station-2025.zh-CN.yaml', out });
    const pdf = convertWithLibreOffice(join(out, 'briefing.pptx'), out);
    expect(run('pdftotext', [pdf, '-'])).toContain('中国空间站');
    // Glyphs come from a real CJK font, not a fallback that would draw empty boxes.
    expect(run('pdffonts', [pdf])).toMatch(/NotoSans\S*CJK\S*\s.*yes/);
  });
});

describe.runIf(hasTool('qpdf'))('qpdf', () => {
  it.each(['summary.pdf', 'slides.pdf', 'handout.pdf'])(
    'finds no structural problem in %s',
    async (name) => {
      const { dir } = await buildSample();
      expect(run('qpdf', ['--check', join(dir, name)])).toContain(
        'No syntax or stream encoding errors found',
      );
    },
  );
});

describe.runIf(hasTool('pdfinfo'))('poppler', () => {
  it.each(['summary.pdf', 'slides.pdf', 'handout.pdf'])('reports %s as tagged', async (name) => {
    const { dir } = await buildSample();
    expect(run('pdfinfo', [join(dir, name)])).toMatch(/Tagged:\s+yes/);
  });

  it.each(['summary.pdf', 'slides.pdf', 'handout.pdf'])(
    'lists only embedded fonts in %s',
    async (name) => {
      const { dir } = await buildSample();
      const rows = run('pdffonts', [join(dir, name)])
        .trim()
        .split('\n')
        .slice(2);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toMatch(/ yes yes /);
    },
  );
});

describe.runIf(hasTool('xmllint'))('xmllint', () => {
  it('finds every XML part of the deck well formed', async () => {
    const zip = await JSZip.loadAsync((await buildSample()).pptx);
    const dir = tempDir('briefkit-xml-');
    const files: string[] = [];
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir || !/\.(xml|rels)$/.test(name)) continue;
      const file = join(dir, name);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, await entry.async('uint8array'));
      files.push(file);
    }
    expect(files.length).toBeGreaterThan(20);
    run('xmllint', ['--noout', ...files]); // throws on the first malformed part
    expect(readFileSync(join(dir, '[Content_Types].xml'), 'utf8')).toContain('<Types');
  });
});

/** The top-level bookmark titles of a PDF, as inspect reads them. */
async function outlineTitles(pdf: Uint8Array): Promise<string[]> {
  const { outline } = JSON.parse(await inspect(pdf, { json: true })) as {
    outline: { title: string }[];
  };
  return outline.map((item) => item.title);
}

describe('the deck package', () => {
  it("makes each slide's title its title placeholder, with the text slides.pdf bookmarks", async () => {
    const { pptx, slides } = await buildSample();
    const zip = await JSZip.loadAsync(pptx);
    const slideNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)?.[1]);
    const names = Object.keys(zip.files)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .sort((a, b) => slideNumber(a) - slideNumber(b));
    const titles: string[] = [];
    for (const name of names) {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      const shapes = (xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []).filter((sp) =>
        sp.includes('<p:ph type="title"/>'),
      );
      expect(shapes.length, name).toBeLessThanOrEqual(1);
      for (const sp of shapes)
        titles.push([...sp.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''));
    }
    expect(titles).toEqual(await outlineTitles(slides));
    expect(titles).toHaveLength(names.length); // every slide, the quote slide too
  });

  it('numbers each slide with a slide-number field, which PowerPoint renumbers when slides move', async () => {
    const zip = await JSZip.loadAsync((await buildSample()).pptx);
    const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    for (const name of names) {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      const n = Number(/(\d+)\.xml$/.exec(name)?.[1]);
      if (n === 1) continue; // the title slide has no footer
      expect(xml, name).toMatch(
        new RegExp(
          `<a:fld id="\\{[0-9A-F-]{36}\\}" type="slidenum"><a:rPr[^]*?<a:t>${n}</a:t></a:fld><a:r><a:rPr[^]*?<a:t> / ${names.length}</a:t></a:r>`,
        ),
      );
    }
  });

  it('marks every shape without text (backgrounds, accent bars) as decorative', async () => {
    const zip = await JSZip.loadAsync((await buildSample()).pptx);
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const xml = (await Promise.all(slides.map((n) => zip.file(n)?.async('string')))).join('');
    const shapes = (xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []).filter(
      (sp) => !sp.includes('<a:t>'),
    );
    expect(shapes.length).toBeGreaterThan(10);
    for (const sp of shapes) expect(sp).toContain('<adec:decorative');
    expect(xml.match(/<adec:decorative/g)).toHaveLength(shapes.length);
  });

  it("marks each table's first row as its header row", async () => {
    const out = tempDir('briefkit-tables-');
    const tour = 'docs/examples/synthetic-tour';
    await build({
      data: `${tour}/data.yaml`,
      template: `${tour}/template`,
      out,
      outputs: ['pptx'],
    });
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'briefing.pptx')));
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const xml = (await Promise.all(slides.map((n) => zip.file(n)?.async('string')))).join('');
    const tables = xml.match(/<a:tblPr\b[^>]*>/g) ?? [];
    expect(tables.length).toBeGreaterThan(1);
    for (const props of tables) expect(props).toContain('firstRow="1"');
  });

  it('lists in [Content_Types].xml only parts that exist', async () => {
    const zip = await JSZip.loadAsync((await buildSample()).pptx);
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(overrides.length).toBeGreaterThan(10);
    for (const part of overrides) expect(zip.file(part), part).not.toBeNull();
  });

  it('opens every paragraph with at most one <a:pPr>, as the schema requires', async () => {
    const zip = await JSZip.loadAsync((await buildSample()).pptx);
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    for (const name of slides) {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      const paragraphs = xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? [];
      for (const p of paragraphs)
        expect((p.match(/<a:pPr\b/g) ?? []).length, `${name}: ${p}`).toBeLessThanOrEqual(1);
      expect(xml, name).not.toMatch(/<\/a:r><a:pPr\b/);
    }
  });

  it('has no NaN attribute and no empty text body, two known repair triggers', async () => {
    const zip = await JSZip.loadAsync((await buildSample()).pptx);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      expect(xml, name).not.toMatch(/="NaN"/);
      expect(xml, name).not.toMatch(
        /<p:txBody>\s*<a:bodyPr[^>]*\/>\s*<a:lstStyle\/>\s*<\/p:txBody>/,
      );
    }
  });

  it('has a content type for every part', async () => {
    const zip = await JSZip.loadAsync((await buildSample()).pptx);
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    const defaults = [...types.matchAll(/Default Extension="([^"]+)"/g)].map((m) => m[1]);
    for (const name of Object.keys(zip.files).filter(
      (n) => !zip.files[n]?.dir && n !== '[Content_Types].xml',
    )) {
      const extension = name.split('.').pop();
      expect(defaults.includes(extension) || types.includes(`PartName="/${name}"`), name).toBe(
        true,
      );
    }
  });
});
