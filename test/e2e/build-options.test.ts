import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BuildOptions, build, isBriefkitError, validate } from '../../src/index.ts';
import { tempDir } from '../helpers/sample.ts';

/** Options as a JavaScript caller may pass them, with no compiler to check them. */
const unchecked = (options: Record<string, unknown>) => options as BuildOptions;

describe('build options from JavaScript callers', () => {
  it.each([
    [
      { outputs: ['pptx', 'bogus'] },
      'Build option outputs cannot be ["pptx", "bogus"].',
      'Use a list of one or more of "pptx", "summary", "slides", "handout", or leave it out for all of them.',
    ],
    [{ outputs: [] }, 'Build option outputs cannot be [].', 'Use a list of one or more of'],
    [{ outputs: 'pptx' }, 'Build option outputs cannot be "pptx".', 'Use a list of one or more of'],
    [{ paper: 'a3' }, 'Build option paper cannot be "a3".', 'Use one of "a4", "letter".'],
    [{ handout: 4 }, 'Build option handout cannot be 4.', 'Use one of 2, 3, 6.'],
    [{ handout: '2' }, 'Build option handout cannot be "2".', 'Use one of 2, 3, 6.'],
    [
      { handoutNotes: 'yes' },
      'Build option handoutNotes cannot be "yes".',
      'Use one of true, false.',
    ],
  ])('refuses %j with a BriefkitError naming what there is', async (options, message, hint) => {
    const out = join(tempDir(), 'out');
    const error = await build(unchecked({ ...options, out })).catch((e: unknown) => e);
    expect(isBriefkitError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'build-option', message });
    expect(isBriefkitError(error) && error.diagnostics[0]?.hint).toContain(hint);
    expect(existsSync(out)).toBe(false);
  });

  it('names every bad option at once, and validate checks them too', async () => {
    const error = await validate(unchecked({ paper: 'A4', outputs: ['pdf'] })).catch(
      (e: unknown) => e,
    );
    expect(isBriefkitError(error) && error.diagnostics.map((d) => d.message)).toEqual([
      'Build option paper cannot be "A4".',
      'Build option outputs cannot be ["pdf"].',
    ]);
  });

  it('refuses notes in a handout without room for them, as the command line does', async () => {
    const out = join(tempDir(), 'out');
    const error = await build(unchecked({ handout: 6, handoutNotes: true, out })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'build-option',
      message:
        'Build option handoutNotes needs handout 3, not 6: only that handout has room beside each slide.',
    });
    expect(existsSync(out)).toBe(false);
  });
});
