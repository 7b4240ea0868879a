/**
 * What `inspect` finds in a file, as plain data. The text view and the JSON view are both
 * drawn from these types, so they never disagree. Lengths are points rounded to 0.1; values
 * read from the file (chart caches, metadata) stay the strings the file stores, so nothing
 * is lost or reformatted.
 */

/** A rectangle in points, origin at the top-left of the slide or page. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextRun {
  text: string;
  bold?: true;
  italic?: true;
  /** External URL, `#slideN` for a jump to another slide, or a `ppaction://` action. */
  link?: string;
}

export interface Paragraph {
  /** Outline level, 0 for top level (`a:pPr lvl`). */
  level: number;
  /** Only bullets set on the paragraph itself; inherited list styles are not resolved. */
  bullet?: 'char' | 'number';
  runs: TextRun[];
}

export interface ChartSeries {
  name: string;
  /** Category labels (or x values for scatter charts) from the cached data. */
  categories: string[];
  values: string[];
}

export interface ChartPlot {
  /** The DrawingML element name without `Chart`: `bar`, `line`, `pie`, `scatter`… */
  type: string;
  /** `col` or `bar` for bar charts. */
  direction?: string;
  grouping?: string;
  series: ChartSeries[];
}

export interface ShapeBase {
  name: string;
  /**
   * Only for placeholders: the role the shape fills on its layout, as `p:ph type` names it
   * (`title`, `ctrTitle`, `subTitle`, `body`, `pic`…; `obj` when the type is left out).
   * Screen readers and PowerPoint's accessibility checker take a slide's title from its
   * `title` or `ctrTitle` placeholder.
   */
  placeholder?: string;
  /**
   * Marked decorative (Office's `adec:decorative` extension): screen readers skip it, and
   * PowerPoint's accessibility checker asks no alt text for it.
   */
  decorative?: true;
  /** Missing for placeholders whose position is inherited and could not be resolved. */
  box?: Box;
}

export interface TextShape extends ShapeBase {
  kind: 'text';
  geometry: string;
  fill?: string;
  paragraphs: Paragraph[];
}

/** A drawn shape without text: rules, bars, backgrounds. */
export interface PlainShape extends ShapeBase {
  kind: 'shape';
  geometry: string;
  fill?: string;
  line?: string;
}

export interface TableShape extends ShapeBase {
  kind: 'table';
  /** The first row is marked as the header row (`a:tblPr firstRow`), for screen readers. */
  headerRow?: true;
  rows: string[][];
}

export interface ChartShape extends ShapeBase {
  kind: 'chart';
  alt?: string;
  title?: string;
  plots: ChartPlot[];
}

export interface ImageShape extends ShapeBase {
  kind: 'image';
  alt?: string;
  /** Package paths of the image parts, e.g. `ppt/media/image1.png`. */
  media: string[];
}

export interface GroupShape extends ShapeBase {
  kind: 'group';
  shapes: Shape[];
}

/** Anything else: SmartArt, OLE objects, ink. Shown so that nothing disappears silently. */
export interface OtherShape extends ShapeBase {
  kind: 'other';
  what: string;
}

export type Shape =
  | TextShape
  | PlainShape
  | TableShape
  | ChartShape
  | ImageShape
  | GroupShape
  | OtherShape;

export interface PptxSlide {
  /** 1-based position in the presentation's slide order. */
  number: number;
  /** Package path of the slide part, e.g. `ppt/slides/slide3.xml`. */
  part: string;
  hidden?: true;
  shapes: Shape[];
  /** Body paragraphs of the notes page; empty paragraphs are dropped. */
  notes: Paragraph[];
}

export interface PptxInspection {
  format: 'pptx';
  /** Slide size in points. */
  width: number;
  height: number;
  /** Core document properties (docProps/core.xml) in a fixed order: Title, Subject, … */
  meta: [string, string][];
  slides: PptxSlide[];
}

export interface PdfFont {
  name: string;
  /** As pdffonts names it: `TrueType`, `Type 1`, `CID TrueType`… */
  type: string;
  embedded: boolean;
}

export interface OutlineItem {
  title: string;
  /** 1-based page the entry jumps to, when it can be resolved. */
  page?: number;
  url?: string;
  items: OutlineItem[];
}

export interface PdfLink {
  page: number;
  /** The URL, or `#pageN` for a jump inside the document. */
  target: string;
  box: Box;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  rotation?: number;
  lines: string[];
}

export interface PdfInspection {
  format: 'pdf';
  version: string;
  /** Ordered pairs so the view keeps a fixed order: Title, Author, … Lang, Tagged. */
  meta: [string, string][];
  fonts: PdfFont[];
  /** Set when the font list may be incomplete: some object streams could not be read. */
  fontsIncomplete?: true;
  outline: OutlineItem[];
  pages: PdfPage[];
  links: PdfLink[];
}

export type Inspection = PptxInspection | PdfInspection;
