import { describe, expect, it } from 'vitest';
import { fitText, LINE_HEIGHT } from '../../src/layout/fit-text.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { textWidth } from '../../src/layout/measure.ts';
import { wrapRuns } from '../../src/layout/wrap.ts';

const fonts = loadFontSet('carlito');
const box = { x: 0, y: 0, w: 300, h: 120 };
const request = (text: string) => ({
  name: 'body',
  box,
  paragraphs: [{ runs: [{ text }], bullet: null }],
  maxSize: 28,
  minSize: 10,
  color: '000000',
});

describe('text measurement and wrapping', () => {
  it('measures with the real font: bold is wider than regular', () => {
    const regular = textWidth('Space station', fonts, 'regular', 20);
    expect(regular).toBeGreaterThan(100);
    expect(textWidth('Space station', fonts, 'bold', 20)).toBeGreaterThan(regular);
  });

  it('never lets a line exceed the width, even a 300-character word', () => {
    const lines = wrapRuns([{ text: `${'x'.repeat(300)} tail` }], fonts, 14, 200);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(200);
    expect(
      lines
        .flatMap((l) => l.pieces.map((p) => p.text))
        .join('')
        .replace(/\s/g, ''),
    ).toBe(`${'x'.repeat(300)}tail`);
  });

  it('keeps styles across line breaks', () => {
    const lines = wrapRuns(
      [{ text: 'plain words here ' }, { text: 'bold words there', bold: true }],
      fonts,
      20,
      120,
    );
    const bold = lines
      .flatMap((l) => l.pieces)
      .filter((p) => p.style === 'bold')
      .map((p) => p.text.trim());
    expect(bold.join(' ')).toBe('bold words there');
  });
});

describe('fitText', () => {
  it('keeps the largest size when text fits', () => {
    expect(fitText(request('Short'), fonts)?.size).toBe(28);
  });

  it('shrinks long text until it fits its box', () => {
    const frame = fitText(
      request(
        'A much longer sentence that cannot possibly fit on one line at the largest size. '.repeat(
          2,
        ),
      ),
      fonts,
    );
    expect(frame).not.toBeNull();
    expect(frame?.size).toBeLessThan(28);
    expect(frame?.contentHeight).toBeLessThanOrEqual(box.h);
    const lines = frame?.paragraphs[0]?.lines.length ?? 0;
    expect(lines * (frame?.size ?? 0) * LINE_HEIGHT).toBeLessThanOrEqual(box.h);
  });

  it('gives up below the minimum size', () => {
    expect(fitText(request('word '.repeat(400)), fonts)).toBeNull();
  });
});
