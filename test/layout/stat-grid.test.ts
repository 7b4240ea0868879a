import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/layout/fonts.ts';
import type { Box, Frame, RectFrame, TextFrame } from '../../src/layout/frames.ts';
import { contentBox, type SlideContext } from '../../src/layout/slide-kit.ts';
import { statGrid } from '../../src/layout/stat-grid.ts';
import type { Run, Slide } from '../../src/model/document.ts';
import { readTemplate } from '../../src/template/read-template.ts';
import { slideSizes } from '../../src/template/theme.ts';

const { theme } = readTemplate('templates/briefing');
const ctx: SlideContext = {
  theme,
  fonts: loadFontSet('carlito'),
  ...slideSizes[theme.slide.aspect],
  chart: () => Promise.reject(new Error('no charts here')),
  continued: ' (cont.)',
  image: () => {
    throw new Error('no pictures here');
  },
};
const slide: Slide = {
  number: 2,
  place: { file: 'deck.md.hbs', path: 'slide 2' },
  layout: 'stats',
  blocks: [],
  notes: '',
};
const stat = (figure: string, label: string): Run[] => [
  { text: figure, bold: true },
  { text: ` ${label}` },
];

/** Where the text of a frame is painted: valign places its content inside its box. */
function inked(frame: TextFrame): { top: number; bottom: number } {
  const free = frame.box.h - frame.contentHeight;
  const offset = { top: 0, middle: free / 2, bottom: free }[frame.valign];
  return { top: frame.box.y + offset, bottom: frame.box.y + offset + frame.contentHeight };
}

const within = (inner: { top: number; bottom: number }, outer: Box) =>
  inner.top >= outer.y - 0.01 && inner.bottom <= outer.y + outer.h + 0.01;

function textOf(frames: Frame[], name: string): TextFrame {
  const found = frames.find((f): f is TextFrame => f.kind === 'text' && f.name === name);
  if (!found) throw new Error(`no frame ${name}`);
  return found;
}

describe('statGrid', () => {
  it('keeps a long figure and a long label beside their accent bar, inside their boxes', () => {
    const items = [
      stat('31 new projects', 'Science and application projects carried out in orbit'),
      stat('about 867.5 kg', 'Sent to the station'),
      stat('83.92 kg', 'Returned to Earth'),
      stat('over 150 terabytes of raw and processed experiment data', 'Science data collected'),
      stat('over 50 patents', 'Granted to the science teams, across many fields of research'),
    ];
    const frames = statGrid(slide, items, contentBox(ctx), ctx);
    const bars = frames.filter((f): f is RectFrame => f.kind === 'rect');
    expect(bars).toHaveLength(items.length);
    const problems = bars.flatMap((bar, i) =>
      ['figure', 'label'].flatMap((part) => {
        const text = textOf(frames, `stat ${i + 1} ${part}`);
        const box = { top: text.box.y, bottom: text.box.y + text.box.h };
        return [
          within(inked(text), bar.box) ? [] : [`${text.name}: text reaches past its bar`],
          text.contentHeight <= text.box.h + 0.01 ? [] : [`${text.name}: text overflows its box`],
          within(box, bar.box) ? [] : [`${text.name}: box reaches past its bar`],
        ].flat();
      }),
    );
    expect(problems).toEqual([]);
  });

  it('never sets a label larger than its figure', () => {
    const long =
      'new scientific and application projects implemented in orbit by the teams of the space application system over the whole of the year';
    const frames = statGrid(
      slide,
      [
        stat(`31 ${long}`, 'Projects'),
        stat('about 867.5 kg', 'Sent to the station'),
        stat('83.92 kg', 'Returned to Earth'),
        stat('over 150 TB', 'Science data collected'),
        stat('over 50 patents', 'Granted to the science teams'),
      ],
      contentBox(ctx),
      ctx,
    );
    const figure = textOf(frames, 'stat 1 figure').size;
    expect(figure).toBeLessThan(ctx.theme.sizes.body - 2); // the long figure shrank
    expect(textOf(frames, 'stat 1 label').size).toBeLessThanOrEqual(figure);
    expect(textOf(frames, 'stat 2 label').size).toBeLessThanOrEqual(figure);
  });
});
