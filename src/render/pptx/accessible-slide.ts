import { SLIDE_TITLE } from '../../layout/frames.ts';

/** The name paint-deck gives shapes that only decorate. */
export const DECORATION = 'decoration';

/**
 * What PowerPoint's accessibility checker and screen readers look for in a slide, which
 * pptxgenjs leaves out. Nothing here changes how the slide looks.
 * - The title: pptxgenjs writes it as a plain text box (it fills a placeholder only where its
 *   layout puts it), so the checker finds no slide title, screen readers announce none, and
 *   LibreOffice names its PDF bookmarks "Slide 1", "Slide 2"… The box becomes the slide's
 *   title placeholder; its position and formatting stay its own.
 * - Tables: each has a header row (Markdown tables always do), which pptxgenjs never marks.
 * - Decoration (backgrounds, accent bars, the logo): marked decorative, so the checker does not ask
 *   for its alt text and screen readers skip it, as the PDFs draw it as an artifact.
 */
export function accessibleSlide(slideXml: string): string {
  return slideXml
    .replace(DECORATIVE_SHAPE, `$1>${DECORATIVE}$2`)
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

/** pptxgenjs names a picture's file as its description; decoration needs none. */
const DECORATIVE_SHAPE = new RegExp(
  `(<p:cNvPr id="\\d+" name="${DECORATION}")(?: descr="[^"]*")?>\\s*(</p:cNvPr>)`,
  'g',
);
const DECORATIVE =
  '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';
