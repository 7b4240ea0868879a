import { describe, expect, it } from 'vitest';
import { continuedLabel, continuedSuffix, pageLabeller } from '../../src/template/strings.ts';

describe('labels briefkit writes from template strings', () => {
  it('numbers a continued slide: " (2 of 3)" unless the template says otherwise', () => {
    expect(continuedSuffix(continuedLabel({}), 2, 3)).toBe(' (2 of 3)');
    expect(continuedSuffix(continuedLabel({ continued: '（{part}/{parts}）' }), 3, 4)).toBe(
      '（3/4）',
    );
    // A string without placeholders is used as it is.
    expect(continuedSuffix(continuedLabel({ continued: ' (cont.)' }), 2, 3)).toBe(' (cont.)');
  });

  it('fills every placeholder, and leaves unknown names as written', () => {
    const label = pageLabeller({ page_of: '{page}/{pages} · {page} {constructor} {other}' });
    expect(label(2, 5)).toBe('2/5 · 2 {constructor} {other}');
  });
});
