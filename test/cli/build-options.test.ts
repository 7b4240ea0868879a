import { describe, expect, it } from 'vitest';
import { toBuildOptions } from '../../src/cli/build-options.ts';

describe('build options', () => {
  it.each([
    ['A4', 'a4'],
    ['Letter', 'letter'],
    ['LETTER', 'letter'],
  ])('takes --paper %s as %s: sizes are named in any case', (given, paper) => {
    expect(toBuildOptions({ paper: given }, {})).toMatchObject({ paper });
  });
});
