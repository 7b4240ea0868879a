/**
 * The document model: the hinge between templates and painters. Plain data that
 * serialises to JSON; no library objects.
 */
import type { Place } from '../errors/briefkit-error.ts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Only http(s) and mailto links written by the template itself. */
  link?: string;
}

/** How a table column's cells sit in their width, as its Markdown delimiter row says. */
export type Align = 'left' | 'center' | 'right';

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  | { kind: 'table'; header: Run[][]; rows: Run[][][]; align: Align[] }
  | { kind: 'quote'; runs: Run[] }
  | { kind: 'chart'; name: string; alt: string }
  /** A picture from the template folder; `src` is relative to it. */
  | { kind: 'image'; src: string; alt: string };

export type BlockKind = Block['kind'];

export const layoutNames = [
  'title',
  'section',
  'bullets',
  'stats',
  'chart',
  'chart-text',
  'two-columns',
  'table',
  'quote',
  'image',
  'closing',
] as const;

export type LayoutName = (typeof layoutNames)[number];

export interface Slide {
  /** 1-based, as the user counts them. */
  number: number;
  /** Where problems with the slide are reported: the deck template and `slide N`. */
  place: Place;
  layout: LayoutName;
  blocks: Block[];
  notes: string;
}

export interface Deck {
  slides: Slide[];
}

export interface Summary {
  blocks: Block[];
}

export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}
