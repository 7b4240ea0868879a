import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/layout/fonts.ts';
import { layoutTable } from '../../src/layout/table.ts';
import type { Run } from '../../src/model/document.ts';

const fonts = loadFontSet('carlito');
const colors = {
  text: '000000',
  header: '0E4D64',
  headerText: 'FFFFFF',
  body: 'FFFFFF',
  stripe: 'EEEEEE',
  rule: '777777',
};
const cell = (text: string): Run[] => [{ text }];
const lineTexts = (lines: readonly { pieces: readonly { text: string }[] }[]) =>
  lines.map((l) =>
    l.pieces
      .map((p) => p.text)
      .join('')
      .trim(),
  );

describe('layoutTable', () => {
  it('gives each column room for its longest word, so no word is cut in two', () => {
    // A German slide table: one long name column, and a short-valued column whose header is
    // one long compound. Sharing by content alone cut it into "Öffnungsstund" and "en".
    const frame = layoutTable(
      {
        name: 'table',
        box: { x: 0, y: 0, w: 624, h: 300 },
        header: [
          'Zweigstelle',
          'Öffnungsstunden',
          'Besuche',
          'Ausleihen',
          'Ausleihen je Stunde',
        ].map(cell),
        rows: [
          ['Stadtteilbibliothek Nord', '390', '17.950', '30.120,0', '77,2'].map(cell),
          ['Zentralbibliothek', '702', '52.310', '81.240,5', '115,7'].map(cell),
        ],
        align: ['left', 'right', 'right', 'right', 'right'],
        size: 18,
        colors,
      },
      fonts,
    );
    expect(lineTexts(frame.header[1]?.lines ?? [])).toEqual(['Öffnungsstunden']);
    for (const row of [frame.header, ...frame.rows])
      for (const c of row)
        for (const word of lineTexts(c.lines)) expect(word.length).toBeGreaterThan(0);
    expect(frame.columns.reduce((a, b) => a + b, 0)).toBeCloseTo(624, 6);
    // The long names still wrap between words, as before.
    expect(lineTexts(frame.rows[0]?.[0]?.lines ?? [])).toEqual(['Stadtteilbibliothek', 'Nord']);
  });
});
