import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/errors/display-path.ts';

describe('displayPath', () => {
  it('names a path from the current folder, and one outside it as it is', () => {
    expect(displayPath(resolve('output', 'briefing.pptx'))).toBe(join('output', 'briefing.pptx'));
    // A folder whose name starts with ".." is inside: it was shown as an absolute path.
    expect(displayPath(resolve('..drafts', 'data.yaml'))).toBe(join('..drafts', 'data.yaml'));
    const outside = resolve('..', 'elsewhere', 'data.yaml');
    expect(displayPath(outside)).toBe(outside);
    expect(displayPath(resolve('..'))).toBe(resolve('..'));
  });
});
