import SVGtoPDF from 'svg-to-pdfkit';
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/render-chart.ts';
import { descendants, parseXml, type XmlNode } from '../../src/inspect/xml.ts';
import { type FontFace, loadFontSet } from '../../src/layout/fonts.ts';
import { createPdf, finishPdf } from '../../src/render/pdf/pdf-document.ts';
import { assignSvgFonts, tagSvgFonts } from '../../src/render/pdf/svg-fonts.ts';

const fonts = loadFontSet('carlito');

/** Each text element and line that draws characters, with the face it is drawn in. */
function drawnText(svg: string): { text: string; face: FontFace }[] {
  const { svg: tagged, faces } = assignSvgFonts(svg, fonts);
  const root = parseXml(tagged);
  return [...descendants(root, 'text'), ...descendants(root, 'tspan')]
    .filter((node: XmlNode) => node.text.trim())
    .map((node) => ({ text: node.text, face: faces(node.attrs['font-family'] ?? '', 'regular') }));
}

const coversAll = ({ text, face }: { text: string; face: FontFace }) =>
  [...text.replace(/\s/g, '')].every((c) => face.covers(c.codePointAt(0) as number));

/** A bar chart of `rows` (k, v) drawn by Vega, with these titles, in the font set's family. */
function barChart(
  title: string[],
  axes: { x: unknown; y?: unknown },
  rows: { k: string; v: number }[],
  locale: string,
) {
  return renderChart({
    chart: {
      name: 'bars',
      file: 'charts/bars.vl.json',
      spec: {
        data: { name: 'rows' },
        title,
        mark: 'bar',
        encoding: {
          x: { field: 'k', type: 'nominal', title: axes.x },
          y: { field: 'v', type: 'quantitative', ...(axes.y ? { title: axes.y } : {}) },
        },
      },
    },
    data: { rows },
    width: 300,
    height: 200,
    alt: '',
    config: { font: fonts.chartFamily },
    locale,
  });
}

describe('assignSvgFonts', () => {
  it('picks a face per line of a multi-line text, by its own characters', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Calibri" font-size="13px"><tspan>数量二</tspan><tspan x="0" dy="15">a &amp; &lt;b&gt;</tspan></text><text font-family="Calibri">Count</text></svg>`;
    const drawn = drawnText(svg);
    expect(drawn.map((d) => d.text)).toEqual(['Count', '数量二', 'a & <b>']);
    expect(drawn.filter((d) => !coversAll(d))).toEqual([]);
    expect(drawn.map((d) => d.face === fonts.styles.regular[0])).toEqual([true, false, true]);
  });

  it('gives every line of a chart title given as a list a face that has its glyphs', async () => {
    const chart = await barChart(
      ['数量二', 'Count'],
      { x: ['类别', 'Category'] },
      [{ k: 'A', v: 1 }],
      'zh-CN',
    );
    expect(chart.svg).toContain('<tspan');
    const drawn = drawnText(chart.svg);
    expect(drawn.map((d) => d.text)).toEqual(expect.arrayContaining(['数量二', '类别', 'Count']));
    expect(drawn.filter((d) => !coversAll(d))).toEqual([]);
  });

  it('keeps everything else the SVG says, escaped text and attributes included', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><g aria-label="it's &quot;x&quot;&#xA;y"><path d="M0,0h1"/><text font-family="Calibri" fill="#000">R&amp;D &lt; 5 '</text></g></svg>`;
    const { svg: tagged } = assignSvgFonts(svg, fonts);
    const withoutFonts = (node: XmlNode): unknown => {
      const { 'font-family': _family, ...attrs } = node.attrs;
      return { ...node, attrs, children: node.children.map(withoutFonts) };
    };
    expect(withoutFonts(parseXml(tagged))).toEqual(withoutFonts(parseXml(svg)));
    expect(parseXml(tagged).children[0]?.children[1]?.text).toBe("R&D < 5 '");
  });

  it('draws an SVG the first face covers as it is, as its tagged copy would be drawn', async () => {
    const chart = await barChart(
      ['R&D <output>', '"Quoted" it\'s'],
      { x: 'Category & kind', y: 'Mass (kg)' },
      [
        { k: 'Up', v: 867.5 },
        { k: 'Down <', v: 12 },
      ],
      'en',
    );
    const { svg, faces } = assignSvgFonts(chart.svg, fonts);
    expect(svg).toBe(chart.svg);
    const draw = async (drawn: string) => {
      const doc = createPdf(
        { title: 't', author: 'a', lang: 'en', date: new Date(0) },
        { tagged: false },
      );
      doc.addPage({ size: [400, 300] });
      const used: string[] = [];
      SVGtoPDF(doc, drawn, 10, 10, {
        assumePt: true,
        fontCallback: (family: string) => {
          const face = faces(family, 'regular');
          doc.registerFont(face.id, face.font as never);
          used.push(face.id);
          return face.id;
        },
      });
      return { bytes: Buffer.from(await finishPdf(doc)), used };
    };
    const asIs = await draw(svg);
    const tagged = await draw(tagSvgFonts(chart.svg, fonts));
    expect(asIs.used.length).toBeGreaterThan(3);
    expect(asIs).toEqual(tagged);
  });
});
