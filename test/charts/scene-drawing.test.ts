import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/render-chart.ts';
import {
  arcSweep,
  isAngledGradient,
  readFont,
  type SceneOp,
  SceneRecorder,
} from '../../src/charts/scene-drawing.ts';
import { parseXml, type XmlNode } from '../../src/inspect/xml.ts';

const fills = (ops: SceneOp[]) => ops.filter((op) => op.op === 'fill');

describe('SceneRecorder', () => {
  it('keeps each point where the transform put it when it was added, as canvas does', () => {
    const ctx = new SceneRecorder();
    ctx.translate(10, 20);
    ctx.beginPath();
    ctx.moveTo(1, 2);
    ctx.translate(-10, -20);
    ctx.lineTo(1, 2);
    ctx.fillStyle = 'red';
    ctx.fill();
    expect(ctx.ops).toEqual([
      { op: 'fill', path: ['M', 11, 22, 'L', 1, 2], paint: { color: '#ff0000', opacity: 1 } },
    ]);
  });

  it('turns a rectangle drawn under a rotation into its four corners', () => {
    const ctx = new SceneRecorder();
    ctx.rotate(Math.PI / 2);
    ctx.rect(0, 0, 2, 1);
    ctx.fill();
    expect(fills(ctx.ops)[0]?.path).toEqual(['M', 0, 0, 'L', 0, 2, 'L', -1, 2, 'L', -1, 0, 'Z']);
  });

  it('raises a quadratic curve to the cubic that draws it', () => {
    const ctx = new SceneRecorder();
    ctx.moveTo(0, 0);
    ctx.quadraticCurveTo(3, 3, 6, 0);
    ctx.fill();
    expect(fills(ctx.ops)[0]?.path).toEqual(['M', 0, 0, 'C', 2, 2, 4, 2, 6, 0]);
  });

  it('draws a full circle as four quarter curves that end where they start', () => {
    const ctx = new SceneRecorder();
    ctx.arc(5, 5, 2, 0, 2 * Math.PI);
    ctx.fill();
    const path = fills(ctx.ops)[0]?.path ?? [];
    expect(path.filter((c) => c === 'C')).toHaveLength(4);
    expect(path.slice(0, 3)).toEqual(['M', 7, 5]);
    expect(path.slice(-2)).toEqual([7, 5]);
    // A quarter's control points lie 4/3·tan(π/8)·r along the tangents.
    expect(path[5]).toBeCloseTo(5 + 2 * 0.5523, 3);
  });

  it('sweeps arcs in the direction asked, the short way or the long way round', () => {
    expect(arcSweep(0, Math.PI / 2, false)).toBeCloseTo(Math.PI / 2);
    expect(arcSweep(0, Math.PI / 2, true)).toBeCloseTo(-1.5 * Math.PI);
    expect(arcSweep(Math.PI / 2, 0, false)).toBeCloseTo(1.5 * Math.PI);
    expect(arcSweep(0, 3 * Math.PI, false)).toBeCloseTo(2 * Math.PI);
    expect(arcSweep(0, -3 * Math.PI, true)).toBeCloseTo(-2 * Math.PI);
  });

  it('paints with the colour and alpha in force, and leaves out what shows nothing', () => {
    const ctx = new SceneRecorder();
    ctx.rect(0, 0, 1, 1);
    ctx.globalAlpha = 0.5;
    ctx.fillStyle = 'rgba(0, 0, 255, 0.5)';
    ctx.fill();
    ctx.fillStyle = 'transparent';
    ctx.fill();
    ctx.fillStyle = 'no such colour';
    ctx.fill();
    expect(fills(ctx.ops).map((op) => op.paint)).toEqual([{ color: '#0000ff', opacity: 0.25 }]);
  });

  it('restores paint and transform with save and restore', () => {
    const ctx = new SceneRecorder();
    ctx.fillStyle = 'red';
    ctx.save();
    ctx.fillStyle = 'blue';
    ctx.translate(5, 5);
    ctx.restore();
    ctx.rect(0, 0, 1, 1);
    ctx.fill();
    expect(ctx.ops.map((op) => op.op)).toEqual(['save', 'restore', 'fill']);
    expect(fills(ctx.ops)[0]).toMatchObject({
      path: ['R', 0, 0, 1, 1],
      paint: { color: '#ff0000' },
    });
  });

  it('strokes with widths and dashes scaled as the transform scales them', () => {
    const ctx = new SceneRecorder();
    ctx.scale(2, 2);
    ctx.moveTo(0, 0);
    ctx.lineTo(1, 0);
    ctx.lineWidth = 0.5;
    ctx.setLineDash([0, 3, 1]);
    ctx.strokeStyle = '#333';
    ctx.stroke();
    const [stroke] = ctx.ops;
    expect(stroke).toMatchObject({
      op: 'stroke',
      path: ['M', 0, 0, 'L', 2, 0],
      style: { width: 1, dash: [0, 6, 2, 0, 6, 2] },
    });
  });

  it('keeps turned text with its transform, and text that is not turned on the canvas', () => {
    const ctx = new SceneRecorder();
    ctx.font = 'italic bold 11px "Carlito", sans-serif';
    ctx.textAlign = 'center';
    ctx.fillStyle = '#000';
    ctx.translate(10, 10);
    ctx.fillText('flat', 1, 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('turned', 1, 2);
    const [flat, turned] = ctx.ops;
    expect(flat).toMatchObject({
      x: 11,
      y: 12,
      size: 11,
      bold: true,
      italic: true,
      align: 'center',
    });
    expect(flat).not.toHaveProperty('m');
    expect(turned).toMatchObject({ x: 1, y: 2, m: [0, -1, 1, 0, 10, 10] });
  });

  it('reads the weight and style of a canvas font', () => {
    expect(readFont('11px Carlito')).toEqual({ size: 11, bold: false, italic: false });
    expect(readFont('600 9.5px "Noto Sans SC"')).toEqual({ size: 9.5, bold: true, italic: false });
    expect(readFont('oblique normal 12px x')).toEqual({ size: 12, bold: false, italic: true });
  });

  it('places a gradient by the transform it fills under', () => {
    const ctx = new SceneRecorder();
    ctx.translate(100, 0);
    ctx.rect(0, 0, 10, 10);
    const gradient = ctx.createLinearGradient(0, 0, 10, 0);
    gradient.addColorStop(0, 'red');
    gradient.addColorStop(1, 'rgba(0, 0, 255, 0.5)');
    ctx.fillStyle = gradient;
    ctx.fill();
    expect(fills(ctx.ops)[0]?.paint).toEqual({
      gradient: 'linear',
      coords: [100, 0, 110, 0],
      stops: [
        { offset: 0, color: '#ff0000', opacity: 1 },
        { offset: 1, color: '#0000ff', opacity: 0.5 },
      ],
      opacity: 1,
    });
  });
});

describe('a chart drawn by Vega into the recorder', () => {
  const data = {
    rows: [
      { k: 'Alpha', v: 3 },
      { k: 'Beta', v: 1.5 },
      { k: '天宫', v: 2 },
    ],
  };
  const spec = {
    data: { name: 'rows' },
    mark: { type: 'bar', color: '#4c78a8' },
    encoding: {
      x: { field: 'k', type: 'nominal', axis: { labelAngle: -45 } },
      y: { field: 'v', type: 'quantitative', title: 'Value' },
    },
  };
  const rendered = renderChart({
    chart: { name: 'test', file: 'charts/test.vl.json', spec },
    data,
    width: 300,
    height: 200,
    alt: 'Test chart',
    config: {},
    locale: 'en-US',
  });

  it('holds the same texts as the SVG Vega writes, turned where the SVG turns them', async () => {
    const { svg, drawing } = await rendered;
    const texts = drawing.ops.flatMap((op) => (op.op === 'text' ? [op] : []));
    const svgTexts: string[] = [];
    const visit = (node: XmlNode) => {
      if (node.name === 'text') svgTexts.push(node.text);
      node.children.forEach(visit);
    };
    visit(parseXml(svg));
    expect(texts.map((t) => t.text).sort()).toEqual(svgTexts.sort());
    const turned = texts.filter((t) => t.m).map((t) => t.text);
    expect(turned.sort()).toEqual(['Alpha', 'Beta', 'Value', '天宫']);
  });

  it('fills one bar per row, as tall as its value, inside the drawing', async () => {
    const { drawing } = await rendered;
    const bars = fills(drawing.ops).filter(
      (op) => 'color' in op.paint && op.paint.color === '#4c78a8',
    );
    const heights = bars.map((op) => op.path[4] as number);
    expect(heights).toHaveLength(3);
    expect((heights[0] as number) / (heights[1] as number)).toBeCloseTo(2, 2);
    for (const { path } of bars) {
      const [, x, y, w, h] = path as number[];
      expect(path[0]).toBe('R');
      expect(Math.min(x as number, (x as number) + (w as number))).toBeGreaterThanOrEqual(0);
      expect(Math.max(y as number, (y as number) + (h as number))).toBeLessThanOrEqual(
        drawing.height,
      );
    }
    expect([drawing.width, drawing.height]).toEqual([300, 200]);
  });
});

describe('coordinates a PDF can write', () => {
  it('keeps points out of exponent notation, and ignores calls with NaN or infinities', () => {
    const ctx = new SceneRecorder();
    ctx.moveTo(1e-9, -1e30);
    ctx.lineTo(3e9, -2e8);
    ctx.lineTo(Number.NaN, 5);
    ctx.lineTo(5, Number.POSITIVE_INFINITY);
    ctx.translate(Number.NaN, 0);
    ctx.lineTo(1e25, 2.000049);
    ctx.fill();
    const path = fills(ctx.ops)[0]?.path ?? [];
    // Far out but plain: kept exactly, so a line keeps its slope past the page.
    expect(path).toEqual(['M', 0, -1e15, 'L', 3e9, -2e8, 'L', 1e15, 2]);
    expect(path.map(String).join(' ')).not.toMatch(/e|N|I/);
  });

  it('strokes a dash list of no length solid, as canvas does', () => {
    const ctx = new SceneRecorder();
    ctx.setLineDash([0, 0]);
    ctx.moveTo(0, 0);
    ctx.lineTo(1, 0);
    ctx.stroke();
    expect(ctx.ops[0]).toMatchObject({ op: 'stroke', style: { dash: [] } });
  });
});

describe('gradient stops', () => {
  const paintOf = (stops: [number, string][]) => {
    const ctx = new SceneRecorder();
    const gradient = ctx.createLinearGradient(0, 0, 10, 0);
    for (const [offset, color] of stops) gradient.addColorStop(offset, color);
    ctx.fillStyle = gradient;
    ctx.rect(0, 0, 10, 10);
    ctx.fill();
    const paint = fills(ctx.ops)[0]?.paint;
    return paint && 'stops' in paint
      ? paint.stops.map((s) => [s.offset, s.color, s.opacity])
      : paint;
  };

  it('run from 0 to 1 in order, the end colours held out to the ends', () => {
    expect(
      paintOf([
        [0.6, 'blue'],
        [0.4, 'red'],
      ]),
    ).toEqual([
      [0, '#ff0000', 1],
      [0.4, '#ff0000', 1],
      [0.6, '#0000ff', 1],
      [1, '#0000ff', 1],
    ]);
    expect(paintOf([[0.5, 'red']])).toEqual([
      [0, '#ff0000', 1],
      [0.5, '#ff0000', 1],
      [1, '#ff0000', 1],
    ]);
  });

  it('fade each colour out towards a see-through stop, not through black', () => {
    expect(
      paintOf([
        [0, 'rgba(255, 0, 0, 0)'],
        [1, 'blue'],
      ]),
    ).toEqual([
      [0, '#0000ff', 0],
      [1, '#0000ff', 1],
    ]);
    // Red fades out to the middle and blue in from it: no purple between them.
    expect(
      paintOf([
        [0, 'red'],
        [0.5, 'transparent'],
        [1, 'blue'],
      ]),
    ).toEqual([
      [0, '#ff0000', 1],
      [0.5, '#ff0000', 0],
      [0.5, '#0000ff', 0],
      [1, '#0000ff', 1],
    ]);
    expect(paintOf([[0, 'transparent']])).toBeUndefined();
  });
});

describe('outlined text', () => {
  it('is kept with the stroke paint and line style, after the filled text', () => {
    const ctx = new SceneRecorder();
    ctx.font = '10px Carlito';
    ctx.fillStyle = 'white';
    ctx.strokeStyle = 'red';
    ctx.lineWidth = 2;
    ctx.fillText('Halo', 0, 10);
    ctx.strokeText('Halo', 0, 10);
    expect(ctx.ops.map((op) => (op.op === 'text' ? [op.outline?.width, op.paint] : op))).toEqual([
      [undefined, { color: '#ffffff', opacity: 1 }],
      [2, { color: '#ff0000', opacity: 1 }],
    ]);
  });

  it('has the line style Vega sets for it, not a dash left from a line before', () => {
    const ctx = new SceneRecorder();
    ctx.setLineDash([2, 6]);
    ctx.lineCap = 'round';
    ctx.moveTo(0, 0);
    ctx.lineTo(5, 0);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineCap = 'butt';
    ctx.strokeText('Solid', 0, 10);
    const text = ctx.ops.find((op) => op.op === 'text');
    expect(text?.op === 'text' && text.outline).toMatchObject({ cap: 'butt', dash: [] });
  });
});

describe('gradients at an angle', () => {
  it('are those neither across nor down, with Vega defaults for values left out or null', () => {
    const stops = [{ offset: 0, color: 'red' }];
    expect(isAngledGradient({ gradient: 'linear', x2: 1, y2: 1, stops })).toBe(true);
    expect(isAngledGradient({ gradient: 'Linear', x1: 0, y1: 0, x2: 1, y2: 1 })).toBe(true);
    expect(isAngledGradient({ gradient: 'linear', stops })).toBe(false);
    expect(isAngledGradient({ gradient: 'linear', x1: 0, x2: 1, y1: 0, y2: null })).toBe(false);
    expect(isAngledGradient({ gradient: 'linear', x1: 0.5, x2: 0.5, y1: 0, y2: 1 })).toBe(false);
    expect(isAngledGradient({ gradient: 'radial', x1: 0, y1: 0, x2: 1, y2: 1 })).toBe(false);
    expect(isAngledGradient('red')).toBe(false);
  });

  it('fail with a message saying so, also when an expression makes them', async () => {
    const angled =
      "{gradient: 'Linear', x1: 0, y1: 0, x2: 1, y2: 1, stops: [{offset: 0, color: 'red'}, {offset: 1, color: 'blue'}]}";
    const error = await renderChart({
      chart: {
        name: 'angled',
        file: 'charts/angled.vl.json',
        spec: {
          data: { name: 'rows' },
          mark: { type: 'bar', color: { expr: angled } },
          encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } },
        },
      },
      data: { rows: [{ k: 'A', v: 1 }] },
      width: 200,
      height: 100,
      alt: '',
      config: {},
      locale: 'en-US',
    }).catch((e: Error) => e);
    expect(String(error)).toContain(
      'a linear gradient runs at an angle, which the PDFs cannot draw',
    );
  });
});
