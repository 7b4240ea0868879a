import { SLIDE_TITLE } from '../../layout/frames.ts';

/**
 * pptxgenjs writes a slide's title as a plain text box (it fills a placeholder only where its
 * layout puts it), so PowerPoint's accessibility checker finds no slide title, screen readers
 * announce none, and LibreOffice names its PDF bookmarks "Slide 1", "Slide 2"… This makes the
 * box the slide's title placeholder; its position and formatting stay its own.
 */
const TITLE_BOX = new RegExp(
  `(<p:cNvPr id="\\d+" name="${SLIDE_TITLE}"></p:cNvPr>)<p:cNvSpPr txBox="1"/><p:nvPr></p:nvPr>`,
  'g',
);

export function titlePlaceholder(slideXml: string): string {
  return slideXml.replace(
    TITLE_BOX,
    '$1<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>',
  );
}
