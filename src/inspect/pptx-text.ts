/**
 * DrawingML text bodies (`p:txBody`, `a:txBody`) → paragraphs of runs. Only formatting set
 * on the run itself counts: bold or bullets inherited from list styles, layouts or the
 * master are not resolved, because inspect shows what the producer wrote, not a rendering.
 */
import type { Paragraph, TextRun } from './model.ts';
import type { Relationship } from './ooxml-package.ts';
import { child, childrenNamed, isOn, type XmlNode } from './xml.ts';

/** What a part's text needs to resolve links. */
export interface LinkContext {
  rels: Map<string, Relationship>;
  /** Package path of each slide part → its 1-based number, to show jumps as `#slideN`. */
  slideNumbers: ReadonlyMap<string, number>;
}

function resolveLink(rPr: XmlNode | undefined, context: LinkContext): string | undefined {
  const click = child(rPr, 'a:hlinkClick');
  if (!click) return undefined;
  const id = click.attrs['r:id'];
  const rel = id ? context.rels.get(id) : undefined;
  if (rel?.external) return rel.target;
  if (rel) {
    const slide = context.slideNumbers.get(rel.target);
    return slide === undefined ? rel.target : `#slide${slide}`;
  }
  // Actions such as "next slide" have no target, only an action URI.
  return click.attrs.action;
}

function readRun(node: XmlNode, context: LinkContext): TextRun {
  const rPr = child(node, 'a:rPr');
  const run: TextRun = { text: child(node, 'a:t')?.text ?? '' };
  if (isOn(rPr?.attrs.b)) run.bold = true;
  if (isOn(rPr?.attrs.i)) run.italic = true;
  const link = resolveLink(rPr, context);
  if (link !== undefined) run.link = link;
  return run;
}

const sameStyle = (a: TextRun, b: TextRun): boolean =>
  a.bold === b.bold && a.italic === b.italic && a.link === b.link;

/**
 * Producers split runs for reasons a reader cannot see (spell-check state, language tags).
 * Merging equal neighbours keeps the view stable across such splits.
 */
function mergeRuns(runs: TextRun[]): TextRun[] {
  const merged: TextRun[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = merged.at(-1);
    if (last && sameStyle(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

function readParagraph(node: XmlNode, context: LinkContext): Paragraph {
  // Only the leading pPr is the paragraph's; some writers repeat it between runs.
  const pPr = node.children[0]?.name === 'a:pPr' ? node.children[0] : undefined;
  const runs: TextRun[] = [];
  for (const item of node.children) {
    if (item.name === 'a:r' || item.name === 'a:fld') runs.push(readRun(item, context));
    else if (item.name === 'a:br') runs.push({ text: '\n' });
  }
  const paragraph: Paragraph = { level: Number(pPr?.attrs.lvl ?? 0), runs: mergeRuns(runs) };
  if (child(pPr, 'a:buChar')) paragraph.bullet = 'char';
  else if (child(pPr, 'a:buAutoNum')) paragraph.bullet = 'number';
  return paragraph;
}

/** All paragraphs of a text body, empty ones included (they are spacing the author chose). */
export function readParagraphs(txBody: XmlNode | undefined, context: LinkContext): Paragraph[] {
  return childrenNamed(txBody, 'a:p').map((p) => readParagraph(p, context));
}

export function paragraphText(paragraph: Paragraph): string {
  return paragraph.runs.map((run) => run.text).join('');
}

export function hasText(paragraphs: readonly Paragraph[]): boolean {
  return paragraphs.some((p) => paragraphText(p).trim() !== '');
}
