import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/model/parse-deck.ts';
import { catchError } from '../helpers/errors.ts';

const deck = `---
layout: title
---
# Hello

Sub

<!-- Say hello. -->

---
layout: chart
---
# Chart

![Mass by direction](chart:mass-transport)
`;

describe('parseDeck', () => {
  it('splits slides at front matter and keeps layout, blocks and notes', () => {
    const { slides } = parseDeck(deck, 'deck.md.hbs');
    expect(slides.map((s) => [s.number, s.layout, s.notes])).toEqual([
      [1, 'title', 'Say hello.'],
      [2, 'chart', ''],
    ]);
    expect(slides[0]?.blocks).toEqual([
      { kind: 'heading', level: 1, runs: [{ text: 'Hello' }] },
      { kind: 'paragraph', runs: [{ text: 'Sub' }] },
    ]);
    expect(slides[1]?.blocks[1]).toEqual({
      kind: 'chart',
      name: 'mass-transport',
      alt: 'Mass by direction',
    });
  });

  it('names the slide of an unknown layout and lists the known ones', () => {
    const error = catchError(() =>
      parseDeck(deck.replace('layout: chart', 'layout: hero'), 'deck.md.hbs'),
    );
    expect(error.code).toBe('unknown-layout');
    expect(error.diagnostics[0]?.place).toEqual({ file: 'deck.md.hbs', path: 'slide 2' });
    expect(error.diagnostics[0]?.hint).toContain('bullets');
  });

  it('rejects text before the first slide and unknown front matter keys', () => {
    expect(catchError(() => parseDeck(`intro\n${deck}`, 'd')).code).toBe('front-matter');
    expect(
      catchError(() => parseDeck(deck.replace('layout: title', 'layout: title\nclass: x'), 'd'))
        .code,
    ).toBe('front-matter');
  });

  it('refuses images that are not charts, and raw HTML', () => {
    // A path out of the template folder is a picture path briefkit will not read.
    expect(
      catchError(() => parseDeck(deck.replace('chart:mass-transport', '../../etc/passwd'), 'd'))
        .code,
    ).toBe('image-path');
    expect(catchError(() => parseDeck(deck.replace('Sub', '<script>x</script>'), 'd')).code).toBe(
      'markdown',
    );
  });

  it('names the slide and template line of a stray "---", not the end of the deck', () => {
    // A rule written as `---` in slide 1 paired up with slide 2's front matter, and the
    // error named "slide 3", past the last slide.
    const stray = deck.replace('Sub\n', 'Sub\n\n---\n\nMore\n');
    const error = catchError(() => parseDeck(stray, 'deck.md.hbs', (line) => line + 100));
    expect(error.code).toBe('front-matter');
    expect(error.message).toContain('starts no slide');
    // Composed line 8 (from template line 108), in slide 1.
    expect(error.diagnostics[0]?.place).toEqual({
      file: 'deck.md.hbs',
      line: 108,
      path: 'slide 1',
    });
    // A last block left open is named as before, at its own line.
    const open = catchError(() => parseDeck(`${deck}\n---\nlayout: bullets\n`, 'd', (l) => l));
    expect(open.message).toContain('not closed');
    expect(open.diagnostics[0]?.place).toMatchObject({ path: 'slide 3' });
  });

  it('names a stray "---" in the last slide as a stray rule there, not an open slide 3', () => {
    // Nothing pairs with it, but no `layout:` follows it either: a rule, not a new slide.
    const last = deck.replace('# Chart\n', '# Chart\n\n---\n\nBelow the rule\n');
    const error = catchError(() => parseDeck(last, 'deck.md.hbs', (line) => line));
    expect(error.message).toContain('starts no slide');
    expect(error.diagnostics[0]?.place).toEqual({ file: 'deck.md.hbs', line: 15, path: 'slide 2' });
    // A trailing `---` at the very end, as a slide separator would be written, likewise.
    const trailing = catchError(() => parseDeck(`${deck}\n---\n`, 'd'));
    expect(trailing.message).toContain('starts no slide');
    expect(trailing.diagnostics[0]?.place).toMatchObject({ path: 'slide 2' });
  });
});
