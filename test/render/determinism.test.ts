import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { BriefkitError } from '../../src/errors/briefkit-error.ts';
import { build } from '../../src/index.ts';
import { CLI, ensureFreshBundle } from '../helpers/bundle.ts';
import { buildSample, sampleTemplateCopy, tempDir } from '../helpers/sample.ts';

const outputs = ['briefing.pptx', 'summary.pdf', 'slides.pdf'];

async function buildInto(options: Parameters<typeof build>[0] = {}) {
  const out = tempDir();
  await build({ ...options, out });
  return Object.fromEntries(outputs.map((name) => [name, readFileSync(join(out, name))]));
}

describe('reproducible output', () => {
  it('gives byte-identical files when built again in the same process', async () => {
    const first = await buildSample();
    const again = await buildInto();
    expect(again['briefing.pptx']?.equals(Buffer.from(first.pptx))).toBe(true);
    expect(again['summary.pdf']?.equals(Buffer.from(first.summary))).toBe(true);
    expect(again['slides.pdf']?.equals(Buffer.from(first.slides))).toBe(true);
  });

  it('numbers charts from 1 in every deck, however many were built before', async () => {
    await buildSample();
    const zip = await JSZip.loadAsync((await buildInto())['briefing.pptx'] as Buffer);
    const names = Object.keys(zip.files).filter((n) =>
      /chart\d+\.xml(\.rels)?$|Worksheet\d+\.xlsx$/.test(n),
    );
    expect(names.sort()).toEqual([
      'ppt/charts/_rels/chart1.xml.rels',
      'ppt/charts/_rels/chart2.xml.rels',
      'ppt/charts/chart1.xml',
      'ppt/charts/chart2.xml',
      'ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      'ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx',
    ]);
  });

  it('renames renumbered chart parts, never text that names one', async () => {
    // Synthetic text naming the files pptxgenjs gives the charts of this and later decks.
    const names = Array.from({ length: 40 }, (_, i) => `chart${i + 1}.xml`).join(' ');
    const record = { label: 'synthetic', fields: { summary: `Parts: ${names}.` } };
    await buildInto({ record });
    const zip = await JSZip.loadAsync((await buildInto({ record }))['briefing.pptx'] as Buffer);
    expect(zip.file('ppt/charts/chart1.xml')).not.toBeNull();
    const slides = await Promise.all(
      zip.file(/^ppt\/slides\/slide\d+\.xml$/).map((f) => f.async('string')),
    );
    expect(slides.some((xml) => xml.includes(`Parts: ${names}.`))).toBe(true);
  });

  it('draws a chart over dates the same in every time zone', () => {
    ensureFreshBundle();
    const fixture = 'test/fixtures/synthetic-dates';
    const hashes = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai'].map((zone) => {
      const out = tempDir();
      const args = [
        CLI,
        'build',
        '--data',
        `${fixture}/data.yaml`,
        '--template',
        `${fixture}/template`,
      ];
      const run = spawnSync(process.execPath, [...args, '--out', out], {
        env: { ...process.env, TZ: zone, BRIEFKIT_NO_CACHE: '1' },
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      return readdirSync(out)
        .sort()
        .map((name) =>
          createHash('sha256')
            .update(readFileSync(join(out, name)))
            .digest('hex'),
        );
    });
    // Los Angeles drew 2025-01-01 as the last evening of 2024, and dropped December's label.
    expect(hashes[1]).toEqual(hashes[0]);
    expect(hashes[2]).toEqual(hashes[0]);
  });

  it('takes embedded dates from SOURCE_DATE_EPOCH, never from the clock', async () => {
    const files = await buildInto({ sourceDateEpoch: '1767225600' }); // 2026-01-01T00:00:00Z
    const zip = await JSZip.loadAsync(files['briefing.pptx'] as Buffer);
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain('>2026-01-01T00:00:00Z</dcterms:created>');
    const pdf = await getDocument({ data: new Uint8Array(files['summary.pdf'] as Buffer) }).promise;
    expect((await pdf.getMetadata()).info).toMatchObject({
      CreationDate: 'D:20260101000000Z',
      ModDate: 'D:20260101000000Z',
    });
    // Zip entry times hold the report's day at noon (jszip reads the fields as UTC).
    for (const entry of Object.values(zip.files))
      expect(entry.date.toISOString()).toBe('2026-01-01T12:00:00.000Z');
    const workbook = await JSZip.loadAsync(
      (await zip.file('ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx')?.async('uint8array')) ??
        new Uint8Array(),
    );
    expect(await workbook.file('docProps/core.xml')?.async('string')).toContain(
      '2026-01-01T00:00:00Z',
    );
  });

  it('keeps a report date before 1980 in the metadata; only zip entry times are clamped', async () => {
    const data = join(tempDir(), 'data.yaml');
    const sample = readFileSync('data/space-station-2025.yaml', 'utf8');
    writeFileSync(data, sample.replace(/^report:\n/m, 'report:\n  date: 1969-07-20\n'));
    const files = await buildInto({ data });
    const zip = await JSZip.loadAsync(files['briefing.pptx'] as Buffer);
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain('>1969-07-20T00:00:00Z</dcterms:created>');
    for (const entry of Object.values(zip.files))
      expect(entry.date.toISOString()).toBe('1980-01-01T12:00:00.000Z');
    const pdf = await getDocument({ data: new Uint8Array(files['summary.pdf'] as Buffer) }).promise;
    expect((await pdf.getMetadata()).info).toMatchObject({ CreationDate: 'D:19690720000000Z' });
  });

  it('rejects a report date that is no day, at its line, when the schema lets it through', async () => {
    const dir = tempDir();
    const template = sampleTemplateCopy(dir);
    const schema = join(template, 'schema.json');
    writeFileSync(schema, readFileSync(schema, 'utf8').replace('"format": "date", ', ''));
    const data = join(dir, 'data.yaml');
    const sample = readFileSync('data/space-station-2025.yaml', 'utf8');
    writeFileSync(data, sample.replace(/^report:\n/m, 'report:\n  date: 2025-13-45\n'));
    const error = await build({ data, template, out: join(dir, 'out') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefkitError);
    expect((error as BriefkitError).diagnostics[0]).toMatchObject({
      code: 'date',
      place: { file: data, line: 9, path: 'report.date' },
    });
  });
});
