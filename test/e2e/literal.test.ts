import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build, inspect } from '../../src/index.ts';
import { pdfPages } from '../helpers/pdf-text.ts';
import { pptxParts, textRuns } from '../helpers/pptx-parts.ts';
import { tempDir } from '../helpers/sample.ts';
import { checkPptx } from '../property/validators.ts';

const shown = '**bold** <b>x</b> {{title}} & © 中文';

describe('a hostile text field', () => {
  it('renders literally, minus the control character, in the PPTX and every PDF', async () => {
    const dir = tempDir();
    const data = join(dir, 'data.yaml');
    const sample = readFileSync('data/space-station-2025.yaml', 'utf8');
    // JSON inside YAML is still YAML: the field goes in with its control character intact.
    writeFileSync(
      data,
      sample.replace(/subtitle: .*/, `subtitle: ${JSON.stringify(`${shown}\u0001`)}`),
    );
    const out = join(dir, 'out');
    const { warnings } = await build({ data, out });
    expect(warnings.map((w) => [w.code, w.place?.path])).toEqual([
      ['illegal-characters', 'report.subtitle'],
    ]);
    // One plain run holding the whole text: no bold, no markup, no expansion.
    const parts = await pptxParts(new Uint8Array(readFileSync(join(out, 'briefing.pptx'))));
    const title = parts.get('ppt/slides/slide1.xml') ?? '';
    expect(textRuns(title)).toContain(shown);
    expect(title).not.toMatch(/b="1"[^>]*>(?:(?!<\/a:r>).)*<a:t>bold/);
    // inspect escapes the marker characters, so the literal asterisks do not read as bold.
    expect(await inspect(join(out, 'briefing.pptx'))).toContain(
      `¶ ${shown.replaceAll('*', '\\*')}`,
    );
    for (const pdf of ['summary.pdf', 'slides.pdf', 'handout.pdf']) {
      // pdf.js splits text where the font changes (Latin → CJK); spaces between items collapse.
      const text = (await pdfPages(new Uint8Array(readFileSync(join(out, pdf)))))
        .join(' ')
        .replace(/\s+/g, ' ');
      expect(text, pdf).toContain(shown);
      expect(text, pdf).not.toContain('\u0001');
    }
  });
});

describe('a control character outside the composed text', () => {
  // The title goes to core.xml and the PDF info; a figure's short label to a native chart's
  // labels, its embedded workbook and the slide's alt text. None of them go through Handlebars.
  it('is removed from the report title and chart labels too, with one warning each', async () => {
    const dir = tempDir();
    const data = join(dir, 'data.yaml');
    writeFileSync(
      data,
      readFileSync('data/space-station-2025.yaml', 'utf8')
        .replace(/^ {2}title: .*/m, '  title: "China Space\\x01 Station"')
        .replace('short: Sent to the station', 'short: "Sent to the\\x01 station"'),
    );
    const out = join(dir, 'out');
    const { warnings } = await build({ data, out, outputs: ['pptx'] });
    expect(warnings.map((w) => [w.code, w.place?.path])).toEqual([
      ['illegal-characters', 'report.title'],
      ['illegal-characters', 'figures[1].short'],
    ]);
    const pptx = new Uint8Array(readFileSync(join(out, 'briefing.pptx')));
    const { problems, text } = await checkPptx(pptx);
    expect(problems).toEqual([]);
    expect(text).toContain('Sent to the station');
    const parts = await pptxParts(pptx);
    expect(parts.get('docProps/core.xml')).toContain('<dc:title>China Space Station</dc:title>');
    for (const [name, bytes] of Object.entries(unzipSync(pptx))) {
      if (!name.endsWith('.xlsx')) continue;
      for (const [part, xml] of Object.entries(unzipSync(bytes)))
        expect(strFromU8(xml), `${name}/${part}`).not.toContain('\u0001');
    }
  });
});

describe('hostile object keys (synthetic fixture)', () => {
  const fixture = 'test/fixtures/synthetic-keys';
  const keys = [
    '**bold** [x](https://evil.example)',
    '# heading',
    '- item',
    '<b>tag</b> <https://auto.example>',
    '{{title}} & ©',
    'ctrl key',
  ];

  // The template prints every key with {{@key}}: in list items, as paragraphs of their own,
  // in headings, bold, table cells, speaker notes and the footer; and looks one up by key.
  it('print as written, minus the control character, in the PPTX and every PDF', async () => {
    const out = join(tempDir(), 'out');
    const { warnings } = await build({
      data: join(fixture, 'data.yaml'),
      template: join(fixture, 'template'),
      out,
    });
    expect(warnings.map((w) => w.code)).toEqual(['illegal-characters']);
    const pptx = new Uint8Array(readFileSync(join(out, 'briefing.pptx')));
    const { problems } = await checkPptx(pptx);
    expect(problems).toEqual([]);
    const parts = await pptxParts(pptx);
    const slides = [1, 2, 3].map((n) => parts.get(`ppt/slides/slide${n}.xml`) ?? '');
    const notes = [...parts].filter(([name]) => name.includes('notesSlide')).map(([, xml]) => xml);
    for (const key of keys) {
      const item = textRuns(slides[0] ?? '').find((run) => run.startsWith(`${key}: `));
      expect(item, key).toBeDefined();
      expect(textRuns(slides[1] ?? ''), key).toContain(key);
      expect(notes.join('')).toContain(escapeXml(key));
    }
    // No link, no bold in the body, and the lookup by key still finds its value.
    expect(slides.join('')).not.toContain('hlinkClick');
    expect(slides[1]).not.toContain('b="1"');
    expect(textRuns(slides[2] ?? '')).toContain('looked up by key');
    expect(textRuns(slides[0] ?? '')).toContain(`Synthetic keys fixture · ${keys[0]}`);
    for (const pdf of ['summary.pdf', 'slides.pdf', 'handout.pdf']) {
      const bytes = new Uint8Array(readFileSync(join(out, pdf)));
      const text = (await pdfPages(bytes)).join(' ').replace(/\s+/g, ' ');
      for (const key of keys) expect(text, `${pdf}: ${key}`).toContain(key);
      expect(Buffer.from(bytes).toString('latin1'), pdf).not.toContain('/URI');
    }
  });
});

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('rich text from the data (md)', () => {
  it('refuses a javascript: link at its place in the data file, not at the template line', async () => {
    const tour = 'docs/examples/synthetic-tour';
    const data = join(tempDir(), 'data.yaml');
    const text = readFileSync(`${tour}/data.yaml`, 'utf8');
    writeFileSync(data, text.replace('(https://example.org/garden)', '(javascript:alert(1))'));
    const error = await build({ data, template: `${tour}/template`, out: tempDir() }).catch(
      (e: unknown) => e,
    );
    const line = text.split('\n').findIndex((l) => l.startsWith('thanks:')) + 1;
    expect(error).toMatchObject({
      diagnostics: [
        {
          message: 'Link "javascript:alert(1)" is not supported here.',
          place: { file: data, line, column: 9, path: 'thanks' },
        },
      ],
    });
  });
});

describe('rich text from the data in inline code', () => {
  it('builds: its brackets are text there, not a link to refuse', async () => {
    const tour = 'docs/examples/synthetic-tour';
    const template = join(tempDir(), 'template');
    cpSync(`${tour}/template`, template, { recursive: true });
    for (const name of ['deck.md.hbs', 'summary.md.hbs']) {
      const file = join(template, name);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replaceAll('{{md thanks}}', '`{{md thanks}}`'),
      );
    }
    const data = join(tempDir(), 'data.yaml');
    const text = readFileSync(`${tour}/data.yaml`, 'utf8');
    writeFileSync(data, text.replace('(https://example.org/garden)', '(javascript:alert(1))'));
    const out = tempDir();
    await build({ data, template, out, outputs: ['pptx'] });
    expect(await inspect(join(out, 'briefing.pptx'))).toContain('(javascript:alert(1))');
  });
});
