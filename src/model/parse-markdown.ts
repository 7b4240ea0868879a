import type { Nodes, Parent, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { deepFreeze } from '../cache/deep-freeze.ts';
import { lazyJsonStore, readOrMake } from '../cache/json-store.ts';
import { LruCache } from '../cache/lru-cache.ts';
import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { type Message, messages } from '../errors/messages.ts';
import { unescapeMarkdown } from '../template/literal.ts';
import type { Block, Run } from './document.ts';

/** Markdown → blocks, plus the text of any HTML comments (speaker notes in decks). */
export interface ParsedMarkdown {
  blocks: Block[];
  comments: string[];
}

const CHART_URL = /^chart:([a-z0-9][a-z0-9-]*)$/;
/** Pictures: relative files inside the template folder; never absolute, `..` or a URL. */
const IMAGE_PATH = /^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\.(png|jpe?g)$/i;
const SAFE_LINK = /^(https?:|mailto:)/i;

/**
 * Parsed Markdown by text and place: in a watch rebuild or a batch, most slides compose to
 * the same text as last time. Results are frozen, since later builds share them.
 */
const parsed = new LruCache<string, ParsedMarkdown>(256);

/** The template line a line of the Markdown (1-based) was composed from, when known. */
export type TemplateLineOf = (line: number) => number | undefined;

/**
 * `place` names where the Markdown came from; composed output has no template lines of its
 * own, so an error names one only through `templateLine`. Each section (from one heading to
 * the next) is parsed and kept on its own, so a rebuild or a batch record parses again only
 * the sections its data changed.
 */
export function parseMarkdown(
  markdown: string,
  place: Place,
  templateLine?: TemplateLineOf,
): ParsedMarkdown {
  const sections = headingSections(markdown);
  if (sections.length === 1) return parseSection(markdown, place, templateLine);
  let before = 0;
  const parts = sections.map((section) => {
    const offset = before;
    before += section.split('\n').length - 1;
    return parseSection(section, place, templateLine && ((line) => templateLine(line + offset)));
  });
  return deepFreeze({
    blocks: parts.flatMap((part) => part.blocks),
    comments: parts.flatMap((part) => part.comments),
  });
}

/** A line that starts an ATX heading; nothing but a fence or an HTML block can hold one. */
const HEADING = /^(?=#{1,6}(?:[ \t]|$))/m;
/**
 * What could carry a heading line or tie sections together: fences, HTML blocks (comments
 * included) and link reference definitions. Markdown with any of them is parsed whole.
 */
const SPANS_SECTIONS = /^(?: {0,3}(?:```|~~~|<)| {0,3}\[[^\]]*\]:)/m;

/** The Markdown cut before each heading line, when that parses exactly as the whole. */
export function headingSections(markdown: string): string[] {
  if (SPANS_SECTIONS.test(markdown)) return [markdown];
  return markdown.split(HEADING);
}

function parseSection(
  markdown: string,
  place: Place,
  templateLine: TemplateLineOf | undefined,
): ParsedMarkdown {
  const key = `${JSON.stringify(place)}\0${markdown}`;
  let result = parsed.get(key);
  if (!result) {
    result = deepFreeze(readOrMake(store, markdown, () => parse(markdown, place, templateLine)));
    parsed.set(key, result);
  }
  return result;
}

/**
 * The same on disk (`markdown` in cacheDir), by text: a new process skips the Markdown
 * parser for every slide that composes as before. Only results are kept; errors, which
 * name their place, come from parsing again.
 */
const store = lazyJsonStore({
  part: 'markdown',
  limit: 2000,
  accept: (value): value is ParsedMarkdown =>
    Array.isArray((value as ParsedMarkdown | null)?.blocks) &&
    Array.isArray((value as ParsedMarkdown).comments),
});

function parse(markdown: string, place: Place, templateLine?: TemplateLineOf): ParsedMarkdown {
  const root: Root = fromMarkdown(markdown, {
    extensions: [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
  const comments: string[] = [];
  const blocks: Block[] = [];
  const unsupported = (node: Nodes, what: string | Message): never => {
    const message =
      node.type === 'thematicBreak'
        ? messages.horizontalRule()
        : typeof what === 'string'
          ? messages.unsupportedMarkdown(what)
          : what;
    const start = node.position?.start.line;
    const line = start === undefined ? undefined : templateLine?.(start);
    throw new BriefkitError({ ...message, place: line ? { ...place, line } : place });
  };

  for (const node of root.children) {
    const block = toBlock(node, comments, unsupported);
    if (block) blocks.push(block);
  }
  return { blocks, comments };
}

/** Fails at the node: `what` is not supported, or a message of its own. */
type Unsupported = (node: Nodes, what: string | Message) => never;

function toBlock(node: RootContent, comments: string[], unsupported: Unsupported): Block | null {
  switch (node.type) {
    case 'heading':
      return { kind: 'heading', level: node.depth, runs: toRuns(node.children, unsupported) };
    case 'paragraph':
      return paragraphOrChart(node.children, unsupported);
    case 'list': {
      // An item without text (`- {{field}}` with an empty field) is no item: office apps show
      // nothing for it, where the PDFs would draw a bare bullet.
      const items = node.children
        .map((item) => listItemRuns(item, unsupported))
        .filter((runs) => runs.length > 0);
      return items.length ? { kind: 'list', ordered: node.ordered === true, items } : null;
    }
    case 'table':
      return toTable(node, unsupported);
    case 'blockquote':
      return {
        kind: 'quote',
        runs: joinParagraphs(node.children, unsupported),
      };
    case 'html':
      comments.push(commentText(node.value, unsupported, node));
      return null;
    default:
      return unsupported(node, `Markdown "${node.type}"`);
  }
}

/** Why a picture's path cannot name a picture briefkit reads. */
function whyNotAPicture(url: string): string {
  if (/^chart:/i.test(url))
    return 'a chart is named by its file in charts/ without .vl.json, in lower-case letters, digits and "-" (chart:mass-transport)';
  if (/^[a-z][a-z0-9+.-]*:/i.test(url))
    return 'pictures come from the template folder, not from a URL';
  if (url.startsWith('/') || url.split(/[\\/]/).includes('..'))
    return 'it must be inside the template folder, named by a relative path without ".."';
  if (/\.svg$/i.test(url)) return 'SVG is not supported; save the picture as a PNG';
  return 'it must be a PNG or JPEG file (.png, .jpg or .jpeg) named by a plain relative path';
}

function paragraphOrChart(children: PhrasingContent[], unsupported: Unsupported): Block | null {
  const only = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const image = only.length === 1 && only[0]?.type === 'image' ? only[0] : undefined;
  if (image) {
    const chart = CHART_URL.exec(image.url);
    if (chart?.[1]) return { kind: 'chart', name: chart[1], alt: image.alt ?? '' };
    if (IMAGE_PATH.test(image.url)) return { kind: 'image', src: image.url, alt: image.alt ?? '' };
    return unsupported(image, messages.imagePath(image.url, whyNotAPicture(image.url)));
  }
  const runs = toRuns(children, unsupported);
  return runs.length ? { kind: 'paragraph', runs } : null;
}

function listItemRuns(item: Parent, unsupported: Unsupported): Run[] {
  return joinParagraphs(item.children as RootContent[], unsupported);
}

/** Flattens block children (paragraphs) into one run list, separated by spaces. */
function joinParagraphs(children: RootContent[], unsupported: Unsupported): Run[] {
  const runs: Run[] = [];
  for (const child of children) {
    if (child.type !== 'paragraph') return unsupported(child, `Nested ${child.type}`);
    if (runs.length) runs.push({ text: ' ' });
    runs.push(...toRuns(child.children, unsupported));
  }
  return mergeRuns(runs);
}

function toTable(node: Table, unsupported: Unsupported): Block {
  const [head, ...body] = node.children;
  const cells = (row: { children: TableCell[] }) =>
    row.children.map((cell) => toRuns(cell.children, unsupported));
  return {
    kind: 'table',
    header: head ? cells(head) : [],
    rows: body.map(cells),
    // `| --- |` (no colon) is left, as GFM renders it.
    align: (node.align ?? []).map((a) => a ?? 'left'),
  };
}

function toRuns(
  nodes: readonly PhrasingContent[],
  unsupported: Unsupported,
  style: Omit<Run, 'text'> = {},
): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        runs.push({ ...style, text: node.value.replace(/\s*\n\s*/g, ' ') });
        break;
      case 'strong':
        runs.push(...toRuns(node.children, unsupported, { ...style, bold: true }));
        break;
      case 'emphasis':
        runs.push(...toRuns(node.children, unsupported, { ...style, italic: true }));
        break;
      case 'inlineCode':
        runs.push({ ...style, text: node.value });
        break;
      case 'break':
        runs.push({ ...style, text: ' ' });
        break;
      case 'link':
        if (!SAFE_LINK.test(node.url)) return unsupported(node, refusedLinkMessage(node.url));
        runs.push(...toRuns(node.children, unsupported, { ...style, link: node.url }));
        break;
      case 'html':
        return unsupported(node, 'Inline HTML');
      default:
        return unsupported(node, `Markdown "${node.type}"`);
    }
  }
  return mergeRuns(runs);
}

/**
 * The links in a piece of Markdown that a build refuses, should they be read as links where
 * the text lands: text from the data (`md`) is looked at on its own, so a refusal can name
 * the field the link came from.
 */
export function refusedLinks(markdown: string): string[] {
  const urls: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' && !SAFE_LINK.test(node.url)) urls.push(node.url);
    for (const child of 'children' in node ? node.children : []) visit(child);
  };
  visit(fromMarkdown(markdown));
  return urls;
}

/** How a refused link is reported. */
export const refusedLinkMessage = (url: string): Message =>
  messages.unsupportedMarkdown(`Link "${url}"`);

/** Adjacent runs with the same style become one; empty runs disappear. */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (run.text === '') continue;
    if (last && last.bold === run.bold && last.italic === run.italic && last.link === run.link) {
      last.text += run.text;
    } else {
      out.push({ ...run });
    }
  }
  return out;
}

function commentText(html: string, unsupported: Unsupported, node: Nodes): string {
  const match = /^<!--([\s\S]*?)-->\s*$/.exec(html.trim());
  if (!match) return unsupported(node, 'Raw HTML');
  return unescapeMarkdown((match[1] ?? '').trim().replace(/\s+/g, ' '));
}
