import { describe, expect, it } from 'vitest';
import { fitText, LINE_HEIGHT } from '../../src/layout/fit-text.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { countGaps, scriptGaps, textWidth } from '../../src/layout/measure.ts';
import { type Line, wrapRuns } from '../../src/layout/wrap.ts';

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

describe('spacing between CJK and Latin text', () => {
  const plain = (text: string, size = 14) => textWidth(text, fonts, 'regular', size, 0);
  const gap = (size = 14) => 0.3 * size;
  const texts = (lines: Line[]) => lines.map((l) => l.pieces.map((p) => p.text).join(''));
  const english =
    'The crew ran experiments in life science, materials and fluid physics, tested new ' +
    'hardware for longer missions, and sent samples home on the return capsule for study ';

  it('wraps English with one Chinese word like pure English, except near that word', () => {
    const pure = texts(wrapRuns([{ text: `${english}aboard the station.` }], fonts, 14, 300));
    const mixed = texts(wrapRuns([{ text: `${english}aboard 空间站.` }], fonts, 14, 300));
    expect(pure.length).toBeGreaterThan(3);
    expect(mixed.slice(0, -1)).toEqual(pure.slice(0, -1));
    expect(mixed.at(-1)).toContain('空间站');
  });

  it('reserves one gap where digits meet ideographs, across runs and words', () => {
    const runs = [{ text: '完成' }, { text: '31', bold: true }, { text: '项实验' }];
    const [line] = wrapRuns(runs, fonts, 14, 1000);
    const bold = textWidth('31', fonts, 'bold', 14, 0);
    expect(line?.width).toBeCloseTo(plain('完成') + bold + plain('项实验') + 2 * gap());
    expect(textWidth('31项', fonts, 'regular', 14)).toBeCloseTo(plain('31项') + gap());
  });

  it('charges a gap across spaces and punctuation, as LibreOffice sets it', () => {
    expect(textWidth('中文 English', fonts, 'regular', 14)).toBeCloseTo(
      plain('中文 English') + gap(),
    );
    expect(textWidth('31%的', fonts, 'regular', 14)).toBeCloseTo(plain('31%的') + gap());
    expect(textWidth('English text', fonts, 'regular', 14)).toBe(plain('English text'));
  });

  it('counts Han beyond U+FFFF as CJK, and gaps the same alone or in a paragraph', () => {
    // 𠀀 (U+20000) is Han from a supplementary plane: between two Han characters, no gap.
    expect(countGaps('中𠀀文')).toBe(0);
    expect(countGaps('a𠀀b')).toBe(2);
    const text = '据 CGTN 报道，2025 年完成 31 项实验';
    expect(scriptGaps(text)[text.length]).toBe(countGaps(text));
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
