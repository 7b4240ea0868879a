import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/data/read-source.ts';
import { validateAgainst } from '../../src/data/validate.ts';
import { catchError } from '../helpers/errors.ts';

const schema = JSON.parse(readFileSync('templates/briefing/schema.json', 'utf8'));
const sample = readFileSync('data/space-station-2025.yaml', 'utf8');

describe('validateAgainst the sample schema', () => {
  it('accepts the sample dataset', () => {
    expect(() => validateAgainst(readSource('sample.yaml', sample), schema)).not.toThrow();
  });

  it('reports every problem at once, each at its line and data path', () => {
    const broken = sample
      .replace('  title: China Space Station science in 2025\n', '')
      .replace('value: 83.92', 'value: "83.92"');
    const error = catchError(() => validateAgainst(readSource('broken.yaml', broken), schema));
    expect(error.diagnostics.map((d) => [d.message, d.place?.path])).toEqual([
      ['Missing required field "title".', 'report'],
      ['Expected number, found the text "83.92".', 'figures[2].value'],
    ]);
    const line = broken.split('\n').findIndex((l) => l.includes('"83.92"')) + 1;
    expect(error.diagnostics[1]?.place).toMatchObject({ file: 'broken.yaml', line });
  });
});
