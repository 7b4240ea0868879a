import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { inspect, inspectPptx } from '../../src/inspect/index.ts';
import { slideXml, withPart } from '../helpers/pptx-parts.ts';

// Shapes as PowerPoint writes them, one inch (72 pt) apart down the slide.
const xfrm = (row: number): string =>
  `<a:xfrm><a:off x="914400" y="${914400 * row}"/><a:ext cx="7315200" cy="914400"/></a:xfrm>`;

const DECORATIVE_EXT = (prefix: string, val: string): string =>
  `<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><${prefix}:decorative xmlns:${prefix}="http://schemas.microsoft.com/office/drawing/2017/decorative" val="${val}"/></a:ext></a:extLst>`;

function textBox(id: number, nvPr: string, text: string): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Box ${id}"/><p:cNvSpPr/><p:nvPr>${nvPr}</p:nvPr></p:nvSpPr>` +
    `<p:spPr>${xfrm(id)}</p:spPr>` +
    `<p:txBody><a:bodyPr/><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp>`
  );
}

function bar(id: number, cNvPrChildren: string): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Bar ${id}">${cNvPrChildren}</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr>${xfrm(id)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="D97706"/></a:solidFill></p:spPr></p:sp>`
  );
}

function table(id: number, tblPr: string): string {
  const cell = (text: string) =>
    `<a:tc><a:txBody><a:bodyPr/><a:p><a:r><a:t>${text}</a:t></a:r></a:p></a:txBody></a:tc>`;
  return (
    `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="Table ${id}"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>` +
    `<p:xfrm><a:off x="914400" y="${914400 * id}"/><a:ext cx="7315200" cy="914400"/></p:xfrm>` +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">' +
    `<a:tbl>${tblPr}<a:tblGrid><a:gridCol w="7315200"/></a:tblGrid>` +
    `<a:tr h="457200">${cell('Figure')}</a:tr><a:tr h="457200">${cell('31')}</a:tr>` +
    '</a:tbl></a:graphicData></a:graphic></p:graphicFrame>'
  );
}

/** A one-slide deck whose slide holds `shapes`, written by hand. */
async function deckWith(shapes: string): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.addSlide();
  const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return withPart(bytes, 'ppt/slides/slide1.xml', slideXml(shapes));
}

const shapeLines = async (shapes: string): Promise<string[]> =>
  (await inspect(await deckWith(shapes))).split('\n').filter((line) => /^ {2}\S/.test(line));

describe('inspect PPTX accessibility marks', () => {
  it('shows the placeholder a shape fills, obj when its type is left out', async () => {
    const lines = await shapeLines(
      textBox(1, '<p:ph type="ctrTitle"/>', 'Annual review') +
        textBox(2, '<p:ph idx="1"/>', 'Body text') +
        textBox(3, '', 'Just a text box'),
    );
    expect(lines).toEqual([
      '  text "Box 1" @72,72 576×72 placeholder ctrTitle',
      '  text "Box 2" @72,144 576×72 placeholder obj',
      '  text "Box 3" @72,216 576×72',
    ]);
  });

  it('shows a shape marked decorative, whatever prefix the mark uses, unless val is 0', async () => {
    const lines = await shapeLines(
      bar(1, DECORATIVE_EXT('adec', '1')) +
        bar(2, DECORATIVE_EXT('d', 'true')) +
        bar(3, DECORATIVE_EXT('adec', '0')) +
        bar(4, ''),
    );
    expect(lines).toEqual([
      '  rect @72,72 576×72 fill D97706 decorative',
      '  rect @72,144 576×72 fill D97706 decorative',
      '  rect @72,216 576×72 fill D97706',
      '  rect @72,288 576×72 fill D97706',
    ]);
  });

  it('shows a table whose first row is its header row', async () => {
    const lines = await shapeLines(
      table(1, '<a:tblPr firstRow="1" bandRow="1"/>') +
        table(2, '<a:tblPr bandRow="1"/>') +
        table(3, ''),
    );
    expect(lines).toEqual([
      '  table "Table 1" @72,72 576×72 2×1 header-row',
      '  table "Table 2" @72,144 576×72 2×1',
      '  table "Table 3" @72,216 576×72 2×1',
    ]);
  });

  it('puts the marks in the JSON model, and leaves them out of unmarked shapes', async () => {
    const deck = await inspectPptx(
      await deckWith(
        textBox(1, '<p:ph type="title"/>', 'Key figures') +
          bar(2, DECORATIVE_EXT('adec', '1')) +
          table(3, '<a:tblPr firstRow="1"/>') +
          textBox(4, '', 'Plain'),
      ),
    );
    const [title, decoration, header, plain] = deck.slides[0]?.shapes ?? [];
    expect(title).toMatchObject({ kind: 'text', placeholder: 'title' });
    expect(decoration).toMatchObject({ kind: 'shape', decorative: true });
    expect(header).toMatchObject({ kind: 'table', headerRow: true });
    expect(plain).toEqual({
      kind: 'text',
      name: 'Box 4',
      geometry: 'rect',
      paragraphs: [{ level: 0, runs: [{ text: 'Plain' }] }],
      box: { x: 72, y: 288, w: 576, h: 72 },
    });
  });
});
