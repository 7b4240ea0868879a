import { SLIDE_TITLE } from '../../layout/frames.ts';

/**
 * What PowerPoint's accessibility checker and screen readers look for in a slide, which
 * pptxgenjs leaves out. Nothing here changes how the slide looks.
 * - The title: pptxgenjs writes it as a plain text box (it fills a placeholder only where its
 *   layout puts it), so the checker finds no slide title, screen readers announce none, and
 *   LibreOffice names its PDF bookmarks "Slide 1", "Slide 2"… The box becomes the slide's
 *   title placeholder; its position and formatting stay its own.
 * - Tables: each has a header row (Markdown tables always do), which pptxgenjs never marks.
 */
export function accessibleSlide(slideXml: string): string {
  return slideXml
    .replace(
      TITLE_BOX,
      '$1<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>',
    )
    .replaceAll('<a:tblPr/>', '<a:tblPr firstRow="1"/>');
}

const TITLE_BOX = new RegExp(
  `(<p:cNvPr id="\\d+" name="${SLIDE_TITLE}"></p:cNvPr>)<p:cNvSpPr txBox="1"/><p:nvPr></p:nvPr>`,
  'g',
);
