import { describe, expect, it } from 'vitest';
import { fitText, LINE_HEIGHT } from '../../src/layout/fit-text.ts';
import { loadFontSet } from '../../src/layout/fonts.ts';
import {
  countGaps,
  scriptGaps,
  segmentByFace,
  splitCjk,
  surroundingsOf,
  textWidth,
} from '../../src/layout/measure.ts';
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

describe('splitCjk', () => {
  it('splits where text turns CJK or back; spaces and punctuation go with the text before', () => {
    expect(splitCjk('Space 空间生命科学（国际首次）, a first')).toEqual([
      { text: 'Space ', cjk: false },
      { text: '空间生命科学（国际首次）, ', cjk: true },
      { text: 'a first', cjk: false },
    ]);
    expect(splitCjk('“约”')).toEqual([
      { text: '“', cjk: false },
      { text: '约”', cjk: true },
    ]);
  });
});

describe('spacing between CJK and Latin text', () => {
  const plain = (text: string, size = 14) => textWidth(text, fonts, 'regular', size, 0);
  const gap = (size = 14) => 0.3 * size;
  const texts = (lines: readonly Line[]) => lines.map((l) => l.pieces.map((p) => p.text).join(''));
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

describe('punctuation Carlito and the CJK face share', () => {
  const regular = fonts.styles.regular;
  const [latin, cjk] = [regular[0], regular.at(-1)];
  const facesOf = (text: string) =>
    segmentByFace(text, regular).flatMap((s) => [...s.text].map((c) => [c, s.face.id]));
  const faceOfEach = (text: string, chars: string) =>
    facesOf(text).filter(([c]) => chars.includes(c as string));

  it('draws quotes, dashes, the ellipsis and the middle dot in Chinese text full width', () => {
    const text = '空间站“天宫”…实验——包括‘单引’·点';
    expect(faceOfEach(text, '“”‘’—…·')).toEqual([...'“”…——‘’·'].map((c) => [c, cjk?.id]));
    // Every character is one em wide (the em dash, 0.894 em, aside).
    expect(textWidth('空间站“天宫”…', fonts, 'regular', 10)).toBeCloseTo(80);
  });

  it('leaves them in Carlito in English text, and follows the text before them', () => {
    const english = facesOf('He said “hi” — twice… ‘ok’ · done');
    expect(english.every(([, face]) => face === latin?.id)).toBe(true);
    expect(faceOfEach('中文“引号” and “this”', '“”').map(([, f]) => f)).toEqual([
      cjk?.id,
      cjk?.id,
      latin?.id,
      latin?.id,
    ]);
  });

  it('at the start of a paragraph, follows the text after them', () => {
    expect(faceOfEach('“天宫”号', '“”').map(([, f]) => f)).toEqual([cjk?.id, cjk?.id]);
    expect(faceOfEach('“Tiangong” 天宫', '“”').map(([, f]) => f)).toEqual([latin?.id, latin?.id]);
  });

  it('measures and draws a wrapped line that starts with them in the face of the line before', () => {
    // The break falls before the dashes; after them comes Latin, before them Chinese.
    const size = 10;
    const lines = wrapRuns([{ text: '天宫空间站实验——ISS' }], fonts, size, 75);
    const second = lines[1]?.pieces[0];
    expect(second?.text.startsWith('——')).toBe(true);
    const segments = segmentByFace(second?.text ?? '', regular, second?.around);
    expect(segments[0]).toMatchObject({ text: '——', face: cjk });
    // What is drawn is as wide as what was measured (the gap before "ISS" aside).
    const drawn = segments.reduce((w, s) => w + s.advance * size, 0);
    expect(second?.width).toBeCloseTo(drawn + 0.3 * size);
  });
});

describe('surroundingsOf', () => {
  /** The nearest letter, digit or CJK character before `from` and from `to` on, scanned. */
  const scanned = (text: string, from: number, to: number) => {
    // Letters and digits (no CJK punctuation in these texts); a lone half of a pair is weak.
    const letter = (i: number) => {
      const codePoint = text.codePointAt(i) as number;
      return /[\p{L}\p{N}]/u.test(String.fromCodePoint(codePoint)) ? codePoint : undefined;
    };
    let before: number | undefined;
    for (let i = from - 1; i >= 0 && before === undefined; i--) before = letter(i);
    let after: number | undefined;
    for (let i = to; i < text.length && after === undefined; i++) after = letter(i);
    return { ...(before !== undefined && { before }), ...(after !== undefined && { after }) };
  };

  it('finds, for every stretch, the nearest letters on either side, as a scan does', () => {
    for (const text of ['', 'ab', '… “中文” — x…', '🧑‍🚀 ❤️‍🔥 9', '𠀀… …𠀀', '\uDC00a\uD800']) {
      const around = surroundingsOf(text);
      for (let from = 0; from <= text.length; from++) {
        for (let to = from; to <= text.length; to++) {
          expect(around(from, to), `${JSON.stringify(text)} ${from}-${to}`).toEqual(
            scanned(text, from, to),
          );
        }
      }
    }
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
