import { describe, expect, it } from 'vitest';
import { formatDataPath } from '../../src/data/data-path.ts';
import { longestField } from '../../src/data/longest-field.ts';

// Synthetic data: where a slide's text came from, to say what to shorten.
const data = {
  title: 'Synthetic report',
  items: [
    { label: 'A short one', note: 'Seeds sown in spring, then again in the autumn' },
    { label: 'Sown in spring', note: 'x' },
  ],
};
const find = longestField(data, (path) => ({ file: 'data.yaml', path: formatDataPath(path) }));

describe('longestField', () => {
  it('finds the longest field whose text is in the given text, lines joined as in a frame', () => {
    const text = 'Sown in spring 12 kg Seeds sown in spring,\nthen again   in the autumn';
    expect(find(text)).toEqual({ file: 'data.yaml', path: 'items[0].note' });
    expect(find('Totals: Sown in spring')).toEqual({ file: 'data.yaml', path: 'items[1].label' });
  });

  it('finds nothing in text the data did not write, nor a field too short to tell', () => {
    expect(find('A template’s own words')).toBeUndefined();
    // "A short one" is 11 characters: too common a phrase to name as the cause.
    expect(find('A short one')).toBeUndefined();
  });
});
