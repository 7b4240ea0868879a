import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/build.ts';
import { unknownSourceWarnings } from '../../src/data/source-keys.ts';
import { tempDir } from '../helpers/sample.ts';

describe('unknownSourceWarnings', () => {
  const at = (path: (string | number)[]) => ({ file: 'data.yaml', path: path.join('.') });

  it('names each field called source whose key the sources lack, at its place', () => {
    const data = {
      sources: { cgtn: { publisher: 'CGTN' } },
      report: { source: 'cgtn' },
      figures: [{ source: 'cgtn' }, { source: 'cgnt' }],
    };
    expect(unknownSourceWarnings(data, at)).toEqual([
      {
        code: 'unknown-source',
        message: 'No entry "cgnt" in the dataset\'s sources.',
        hint: 'The sources are "cgtn".',
        place: { file: 'data.yaml', path: 'figures.1.source' },
      },
    ]);
  });

  it('leaves data without a sources table alone: its source fields are its own', () => {
    expect(unknownSourceWarnings({ report: { source: 'a survey' } }, at)).toEqual([]);
  });

  it('takes only a value written as a key for one: text and links are sources of their own', () => {
    const data = {
      sources: { cgtn: { publisher: 'CGTN' } },
      notes: [{ source: 'Parent survey' }, { source: 'https://example.org/report' }],
    };
    expect(unknownSourceWarnings(data, at)).toEqual([]);
  });

  it('warns in a build whose template cites no figure’s source', async () => {
    // The sample cites the report's source, not the figures'.
    const sample = readFileSync('data/space-station-2025.yaml', 'utf8');
    const figure = sample.indexOf('key: mass_down');
    const cited = sample.indexOf('source: cgtn', figure);
    const data = join(tempDir(), 'data.yaml');
    writeFileSync(data, `${sample.slice(0, cited)}source: cgnt${sample.slice(cited + 12)}`);
    const { warnings } = await compile({ data });
    const line = sample.slice(0, cited).split('\n').length;
    expect(warnings.filter((w) => w.code === 'unknown-source')).toEqual([
      expect.objectContaining({
        place: expect.objectContaining({ line, path: 'figures[2].source' }),
      }),
    ]);
  });
});
