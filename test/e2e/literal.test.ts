import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, inspect } from '../../src/index.ts';
import { pdfPages } from '../helpers/pdf-text.ts';
import { pptxParts, textRuns } from '../helpers/pptx-parts.ts';
import { tempDir } from '../helpers/sample.ts';

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
    expect(await inspect(join(out, 'briefing.pptx'))).toContain(`¶ ${shown}`);
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
