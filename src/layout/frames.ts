/**
 * Positioned frames: the output of layout and the only input of painters. All geometry is
 * in points from the top-left corner, computed once, so the PPTX and its PDF draw the
 * same boxes in the same places.
 */
import type { RenderedChart } from '../charts/render-chart.ts';
import { type Align, plainText, type Run } from '../model/document.ts';
import type { ImageAsset } from '../template/read-images.ts';
import type { Line } from './wrap.ts';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Paragraph {
  runs: Run[];
  /** A bullet, or the item's number in an ordered list. */
  bullet: 'disc' | number | null;
}

/** A paragraph after fitting: its wrapped lines and where it starts inside the frame. */
export interface LaidParagraph extends Paragraph {
  lines: readonly Line[];
  /** Offset of the first line's top from the frame's content top. */
  top: number;
  indent: number;
}

/**
 * Structure tags for tagged PDF; decoration and running heads are artifacts. Paragraphs
 * (the default) with bullets or numbers are tagged as list items.
 */
export type TextTag = 'H1' | 'H2' | 'H3' | 'P' | 'BlockQuote' | 'Artifact';

/** The name of the frame that holds a slide's title; the deck makes it the title placeholder. */
export const SLIDE_TITLE = 'title';

/** The name of the frame that numbers a slide ("4 / 11"); the deck makes its number a field. */
export const SLIDE_NUMBER = 'slide number';

/** A slide's title as plain text (its paragraphs joined by spaces), if it has one. */
export function slideTitle(slide: SlideFrames): string | undefined {
  const frame = slide.frames.find((f) => f.kind === 'text' && f.name === SLIDE_TITLE);
  if (frame?.kind !== 'text') return undefined;
  return frame.paragraphs.map((p) => plainText(p.runs)).join(' ') || undefined;
}

export interface TextFrame {
  kind: 'text';
  tag?: TextTag;
  /** Names the box in messages: "title", "body", "stat 3 label". */
  name: string;
  box: Box;
  size: number;
  lineHeight: number;
  /** Space before every paragraph after the first. */
  paragraphGap: number;
  color: string;
  bold: boolean;
  align: Align;
  valign: 'top' | 'middle' | 'bottom';
  paragraphs: LaidParagraph[];
  contentHeight: number;
}

export interface ChartFrame {
  kind: 'chart';
  box: Box;
  chart: RenderedChart;
}

export interface ImageFrame {
  kind: 'image';
  box: Box;
  image: ImageAsset;
  alt: string;
}

export interface RectFrame {
  kind: 'rect';
  box: Box;
  fill: string;
}

export interface TableCell {
  runs: Run[];
  lines: readonly Line[];
}

export interface TableFrame {
  kind: 'table';
  name: string;
  box: Box;
  size: number;
  lineHeight: number;
  padding: number;
  columns: number[];
  /** Per column; a column past the list is left-aligned. */
  align: Align[];
  header: TableCell[];
  rows: TableCell[][];
  rowHeights: number[];
  colors: {
    text: string;
    header: string;
    headerText: string;
    /** Unstriped body rows. */
    body: string;
    stripe: string;
    rule: string;
  };
}

export type Frame = TextFrame | ChartFrame | ImageFrame | RectFrame | TableFrame;

export interface SlideFrames {
  number: number;
  background: string;
  frames: Frame[];
  notes: string;
}

export interface ChartStyle {
  text: string;
  /** Grid lines, as Vega draws them (the theme's surface colour). */
  grid: string;
  /** Axis lines, as Vega draws its axis domain (the theme's muted colour). */
  rule: string;
}

export interface OutlineEntry {
  title: string;
  level: number;
  page: number;
}

/** A flowed print document: pages of frames plus bookmarks. */
export interface PagedLayout {
  width: number;
  height: number;
  pages: Frame[][];
  outline: OutlineEntry[];
}

export interface DeckLayout {
  width: number;
  height: number;
  chartStyle: ChartStyle;
  slides: SlideFrames[];
}
