import { describe, expect, it } from 'vitest';
import { contrastWarnings, type Page } from '../../src/layout/contrast.ts';
import type { Frame, TextFrame } from '../../src/layout/frames.ts';
import { paperTheme } from '../../src/layout/readable-color.ts';
import { readTemplate } from '../../src/template/read-template.ts';
import type { Theme } from '../../src/template/theme.ts';

const { theme } = readTemplate('templates/briefing');
/** A synthetic brand theme: a light grey for footers and captions. */
const pale = { ...theme, colors: { ...theme.colors, muted: '9A9A9A', surface: 'F4F4F4' } };

function text(color: string, size: number, bold = false, y = 10): TextFrame {
  return {
    kind: 'text',
    name: 'body',
    box: { x: 10, y, w: 100, h: 20 },
    size,
    lineHeight: size * 1.2,
    paragraphGap: 0,
    color,
    bold,
    align: 'left',
    valign: 'top',
    paragraphs: [
      {
        runs: [{ text: 'Words' }],
        bullet: null,
        lines: [{ pieces: [], width: 10 }],
        top: 0,
        indent: 0,
      },
    ],
    contentHeight: size * 1.2,
  };
}

const page = (name: string, frames: Frame[], drawnIn: Theme = pale): Page => ({
  name,
  background: drawnIn.colors.background,
  frames,
  theme: drawnIn,
});

describe('contrastWarnings', () => {
  it('warns once per pair of colours, at the first slide, naming their theme keys', () => {
    const slides = [
      page('slide 1', [text('1F2937', 20)]),
      page('slide 2', [text('9A9A9A', 10)]),
      page('slide 3', [text('9A9A9A', 10)]),
    ];
    const warnings = contrastWarnings(slides, 'theme.yaml');
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'low-contrast',
        message: expect.stringMatching(
          /^Text in 9A9A9A \(muted\) on FFFFFF \(background\) \(first on slide 2\) has a contrast of 2\.8:1; text of 10 pt needs 4\.5:1/,
        ),
        place: { file: 'theme.yaml' },
      }),
    ]);
  });

  it('reads text against the shape drawn under it, and lets large text pass at 3:1', () => {
    const surface: Frame = { kind: 'rect', box: { x: 0, y: 0, w: 960, h: 540 }, fill: 'F4F4F4' };
    // 8C8C8C on white: 3.4:1, enough for a 28 pt title or 14 pt bold, not for 12 pt text.
    expect(
      contrastWarnings([page('slide 1', [text('8C8C8C', 28), text('8C8C8C', 14, true)])], 't'),
    ).toEqual([]);
    expect(contrastWarnings([page('slide 1', [text('8C8C8C', 12)])], 't')).toHaveLength(1);
    const onSurface = contrastWarnings([page('slide 1', [surface, text('9A9A9A', 20)])], 't');
    expect(onSurface[0]?.message).toContain('on F4F4F4 (surface)');
    // A shape drawn after the text, or beside it, is not under it.
    const beside: Frame = { ...surface, box: { x: 500, y: 0, w: 10, h: 10 } };
    expect(contrastWarnings([page('slide 1', [beside, text('1F2937', 10)])], 't')).toEqual([]);
  });

  it('checks table text on its header, stripe and body fills', () => {
    const table: Frame = {
      kind: 'table',
      name: 'table',
      box: { x: 0, y: 0, w: 100, h: 60 },
      size: 12,
      lineHeight: 14.4,
      padding: 4,
      columns: [100],
      align: [],
      header: [{ runs: [], lines: [] }],
      rows: [[{ runs: [], lines: [] }], [{ runs: [], lines: [] }]],
      rowHeights: [20, 20, 20],
      colors: {
        text: '5F6673',
        header: '0B3D91',
        headerText: 'FFFFFF',
        body: 'FFFFFF',
        stripe: 'C0C0C0',
        rule: '5F6673',
      },
    };
    const warnings = contrastWarnings([page('slide 4', [table], theme)], 't');
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('Text in 5F6673 (muted) on C0C0C0 (first on slide 4)'),
    ]);
  });

  it('names summary-page colours by the paper theme they are drawn in, once per pair', () => {
    // A dark brand: on paper its background is white and its surface a pale tint of the text.
    const dark = {
      ...theme,
      colors: { ...theme.colors, background: '101820', text: 'F2F2F2', surface: '2A3340' },
    };
    const paper = paperTheme(dark);
    expect(paper.colors.surface).toBe('E7E8E9');
    const tint: Frame = { kind: 'rect', box: { x: 0, y: 0, w: 960, h: 540 }, fill: 'E7E8E9' };
    const warnings = contrastWarnings(
      [
        page('slide 1', [text('8C8C8C', 12)], dark),
        page('summary page 1', [text('8C8C8C', 12)], paper),
        page('summary page 2', [tint, text('8C8C8C', 12)], paper),
        // The same pair again on a later page: no second warning.
        page('summary page 3', [text('8C8C8C', 12)], paper),
      ],
      't',
    );
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('Text in 8C8C8C on FFFFFF (background) (first on summary page 1)'),
      expect.stringContaining('Text in 8C8C8C on E7E8E9 (surface) (first on summary page 2)'),
    ]);
  });

  it('does not name a paper colour by the slide key that happens to hold it', () => {
    // Paper text is the dark slide background: "101820 (text)" on paper, not "(background)".
    const dark = { ...theme, colors: { ...theme.colors, background: '101820', text: 'F2F2F2' } };
    const paper = paperTheme(dark);
    const dim: Frame = { kind: 'rect', box: { x: 0, y: 0, w: 960, h: 540 }, fill: '404040' };
    const [warning] = contrastWarnings(
      [page('summary page 1', [dim, text('101820', 12)], paper)],
      't',
    );
    expect(warning?.message).toMatch(
      /^Text in 101820 \(text\) on 404040 \(first on summary page 1\)/,
    );
  });
});
