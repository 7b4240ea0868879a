import { parse as parseYaml } from 'yaml';
import { LruCache } from '../cache/lru-cache.ts';
import { BriefkitError, fail, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { type Deck, type LayoutName, layoutNames, type Slide } from './document.ts';
import { parseMarkdown, type TemplateLineOf } from './parse-markdown.ts';

/**
 * Deck dialect (Slidev style): every slide opens with a front matter block
 *
 *     ---
 *     layout: bullets
 *     ---
 *
 * followed by Markdown. A line holding only `---` is therefore reserved for slide fronts.
 * HTML comments in a slide are its speaker notes (Marp style).
 */
export function parseDeck(markdown: string, file: string, templateLine?: TemplateLineOf): Deck {
  const lines = markdown.split('\n');
  const fences = lines.flatMap((line, i) => (line.trimEnd() === '---' ? [i] : []));
  const leading = lines
    .slice(0, fences[0] ?? lines.length)
    .join('\n')
    .trim();
  if (leading || fences.length === 0) {
    fail({
      ...messages.frontMatter('the deck must start with a front matter block.'),
      place: { file },
    });
  }
  if (fences.length % 2 !== 0) {
    const stray = strayFence(lines, fences);
    const line = templateLine?.(stray.line + 1);
    const place = { file, ...(line ? { line } : {}), path: `slide ${stray.slide}` };
    const message = stray.unclosed
      ? messages.frontMatter('a front matter block is not closed by "---".')
      : messages.strayFence();
    fail({ ...message, place });
  }
  const slides: Slide[] = [];
  for (let i = 0; i < fences.length; i += 2) {
    const open = fences[i] as number;
    const close = fences[i + 1] as number;
    const end = fences[i + 2] ?? lines.length;
    const number = slides.length + 1;
    const place = { file, path: `slide ${number}` };
    const front = readFrontMatter(lines.slice(open + 1, close).join('\n'), place);
    const { blocks, comments } = parseMarkdown(
      lines.slice(close + 1, end).join('\n'),
      place,
      templateLine && ((line) => templateLine(line + close + 1)),
    );
    slides.push({
      number,
      place,
      layout: front.layout,
      blocks,
      notes: comments.join('\n'),
    });
  }
  return { slides };
}

/**
 * With an odd number of `---` lines, the one that pairs up wrongly: the first that opens
 * something other than a front matter block (a stray rule), on the slide it sits in; else
 * the last, left unclosed if a `layout` key follows it, or a stray rule in the last slide.
 */
function strayFence(
  lines: readonly string[],
  fences: readonly number[],
): { line: number; slide: number; unclosed: boolean } {
  for (let i = 0; i + 1 < fences.length; i += 2) {
    const open = fences[i] as number;
    if (!isFrontMatter(lines.slice(open + 1, fences[i + 1]))) {
      return { line: open, slide: Math.max(1, i / 2), unclosed: false };
    }
  }
  const last = fences.length - 1;
  const line = fences[last] as number;
  const [next = ''] = yamlLines(lines.slice(line + 1));
  const unclosed = isLayoutKey(next);
  return { line, slide: unclosed ? last / 2 + 1 : last / 2, unclosed };
}

/** Lines that read as front matter: YAML keys, one of them `layout`, and nothing else. */
function isFrontMatter(lines: readonly string[]): boolean {
  const filled = yamlLines(lines);
  return filled.some(isLayoutKey) && filled.every((line) => /^\s*[\w-]+\s*:/.test(line));
}

/** The lines YAML would read something from: neither blank nor a comment. */
function yamlLines(lines: readonly string[]): string[] {
  return lines.filter((line) => line.trim() && !line.trim().startsWith('#'));
}

function isLayoutKey(line: string): boolean {
  return /^\s*layout\s*:/.test(line);
}

/** Front matter by text: a deck has a few distinct ones, read again by every build. */
const fronts = new LruCache<string, { layout: LayoutName }>(64);

function readFrontMatter(text: string, place: Place): { layout: LayoutName } {
  let front = fronts.get(text);
  if (!front) {
    front = checkFrontMatter(text, place);
    fronts.set(text, front);
  }
  return front;
}

function checkFrontMatter(text: string, place: Place): { layout: LayoutName } {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    fail({ ...messages.frontMatter((error as Error).message.split('\n')[0] ?? ''), place });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail({ ...messages.frontMatter('expected "layout: NAME".'), place });
  }
  const { layout, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length) {
    fail({
      ...messages.frontMatter(`unknown key "${extra[0]}"; only "layout" is allowed.`),
      place,
    });
  }
  if (!isLayoutName(layout)) {
    throw new BriefkitError({ ...messages.unknownLayout(String(layout), layoutNames), place });
  }
  return { layout };
}

function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === 'string' && (layoutNames as readonly string[]).includes(value);
}
