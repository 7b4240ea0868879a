import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import validate, { type Format } from '@ooxml-tools/validate';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type BuildOptions, build } from '../../src/index.ts';
import { tempDir } from '../helpers/sample.ts';

/**
 * The Open XML SDK's own validator (compiled to WebAssembly, from npm): parts it rejects risk
 * PowerPoint's offer to repair a deck. Every deck the fixtures make must pass it.
 */
async function schemaErrors(options: BuildOptions): Promise<string[]> {
  const out = tempDir('briefkit-ooxml-');
  await build({ ...options, out, outputs: ['pptx'] });
  const deck = new Uint8Array(readFileSync(join(out, 'briefing.pptx')));
  // Each native chart's workbook too: PowerPoint opens it for "Edit Data".
  const workbooks = Object.entries(unzipSync(deck)).filter(([name]) => name.endsWith('.xlsx'));
  const packages: [string, Uint8Array, Format][] = [
    ['briefing.pptx', deck, 'pptx'],
    ...workbooks.map(([name, bytes]): [string, Uint8Array, Format] => [name, bytes, 'xlsx']),
  ];
  const errors = [];
  for (const [name, bytes, format] of packages) {
    for (const e of await validate(bytes, format, 'Microsoft365'))
      errors.push(`${name}${e.path.partUri} ${e.path.xpath}: ${e.description}`);
  }
  return errors;
}

const tour = 'docs/examples/synthetic-tour';

describe('the deck against the OOXML schema (Open XML SDK validator)', () => {
  it.each<[string, BuildOptions]>([
    ['the sample', {}],
    ['the Chinese sample', { data: 'data/space-station-2025.zh-CN.yaml' }],
    [
      'the synthetic tour: bar, line, area, pie, doughnut and scatter charts, pictures',
      { data: `${tour}/data.yaml`, template: `${tour}/template` },
    ],
    [
      'the stress fixture: long tables, continued slides',
      { data: 'test/fixtures/stress/data.yaml', template: 'test/fixtures/stress/template' },
    ],
  ])('finds nothing to repair in %s', async (_name, options) => {
    expect(await schemaErrors(options)).toEqual([]);
  });

  it('checks the workbooks of native charts too', async () => {
    // The tour has six native charts; a deck without workbooks would pass vacuously.
    const out = tempDir('briefkit-ooxml-');
    await build({
      data: `${tour}/data.yaml`,
      template: `${tour}/template`,
      out,
      outputs: ['pptx'],
    });
    const names = Object.keys(unzipSync(new Uint8Array(readFileSync(join(out, 'briefing.pptx')))));
    expect(names.filter((n) => n.endsWith('.xlsx'))).toHaveLength(6);
  });
});
