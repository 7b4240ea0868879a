/**
 * The report title and author come from the data, and pptxgenjs writes them into the deck's
 * document properties (docProps/core.xml and app.xml): they must stay text there, never markup.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { build } from '../../src/index.ts';
import { pptxParts } from '../helpers/pptx-parts.ts';
import { tempDir } from '../helpers/sample.ts';

const hostile = 'A & B &lt; </dc:creator></Company><x a="1"> \'q\' ]]>';

describe('PPTX document properties from the data', () => {
  it('are escaped in core.xml and app.xml, which stay well-formed and read back as the text', async () => {
    const dir = tempDir();
    const data = parse(readFileSync('data/space-station-2025.yaml', 'utf8'));
    data.report.title = hostile;
    data.report.author = hostile;
    writeFileSync(join(dir, 'data.json'), JSON.stringify(data));
    await build({ data: join(dir, 'data.json'), out: dir, outputs: ['pptx'] });
    const parts = await pptxParts(new Uint8Array(readFileSync(join(dir, 'briefing.pptx'))));
    const read = (name: string) => {
      const xml = parts.get(name) ?? '';
      expect(XMLValidator.validate(xml), name).toBe(true);
      return new XMLParser({ processEntities: true, htmlEntities: false }).parse(xml);
    };
    const core = read('docProps/core.xml')['cp:coreProperties'];
    expect([core['dc:title'], core['dc:creator']]).toEqual([hostile, hostile]);
    expect(read('docProps/app.xml').Properties.Company).toBe(hostile);
  });
});
