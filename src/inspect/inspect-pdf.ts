/**
 * PDF bytes → PdfInspection.
 *
 * 1. Parse with pdf.js (legacy build, the one meant for Node): metadata, MarkInfo, outline.
 * 2. Per page: size, text grouped into lines, link annotations.
 * 3. Fonts come from a raw scan of the bytes (pdf-fonts.ts): pdf.js hides whether a font
 *    file is embedded behind internal objects.
 */
import { fail, isBriefkitError } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { round1 } from './geometry.ts';
import type { OutlineItem, PdfInspection, PdfLink, PdfPage } from './model.ts';
import { readFonts } from './pdf-fonts.ts';
import { groupLines, type PlacedText, readingOrder, type TextBlock } from './pdf-text.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPageProxy = Awaited<ReturnType<PdfDocument['getPage']>>;
type RawOutline = Awaited<ReturnType<PdfDocument['getOutline']>>;

const INFO_KEYS = [
  'Title',
  'Author',
  'Subject',
  'Keywords',
  'Creator',
  'Producer',
  'CreationDate',
  'ModDate',
  'Trapped',
];

async function readMeta(doc: PdfDocument): Promise<[string, string][]> {
  const { info } = await doc.getMetadata();
  const fields = info as Record<string, unknown>;
  const meta: [string, string][] = [];
  const add = (key: string, value: unknown): void => {
    // Names such as /Trapped arrive as { name: 'False' }.
    const text = typeof value === 'object' && value && 'name' in value ? value.name : value;
    if (typeof text === 'string' && text !== '') meta.push([key, text]);
  };
  for (const key of INFO_KEYS) add(key, fields[key]);
  add('Lang', fields.Language);
  const markInfo = await doc.getMarkInfo();
  meta.push(['Tagged', markInfo?.Marked ? 'yes' : 'no']);
  return meta;
}

/** The 1-based page an outline entry or link jumps to, via named or explicit destinations. */
async function pageOf(doc: PdfDocument, dest: unknown): Promise<number | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    const target: unknown = Array.isArray(explicit) ? explicit[0] : undefined;
    if (typeof target === 'number') return target + 1;
    if (typeof target === 'object' && target !== null && 'num' in target && 'gen' in target) {
      const ref = { num: Number(target.num), gen: Number(target.gen) };
      return (await doc.getPageIndex(ref)) + 1;
    }
  } catch {
    // A broken destination is shown without a page rather than failing the inspection.
  }
  return undefined;
}

async function readOutline(doc: PdfDocument, raw: RawOutline | null): Promise<OutlineItem[]> {
  const items: OutlineItem[] = [];
  for (const entry of raw ?? []) {
    const item: OutlineItem = { title: entry.title, items: await readOutline(doc, entry.items) };
    const page = entry.dest ? await pageOf(doc, entry.dest) : undefined;
    if (page !== undefined) item.page = page;
    if (entry.url) item.url = entry.url;
    items.push(item);
  }
  return items;
}

async function readText(page: PdfPageProxy): Promise<string[]> {
  const [content, tree] = await Promise.all([
    page.getTextContent({ includeMarkedContent: true }),
    page.getStructTree() as Promise<StructNode | null>,
  ]);
  const { blocks, blockOf } = readBlocks(tree);
  const untagged: PlacedText[] = [];
  // Marked content nests; text belongs to the innermost sequence with an id, unless an
  // artifact (page furniture) sits in between.
  const open: (string | undefined)[] = [];
  for (const item of content.items) {
    if ('type' in item) {
      if (item.type === 'endMarkedContent') open.pop();
      else
        open.push(
          (item as { tag?: string }).tag === 'Artifact' ? undefined : (item.id ?? open.at(-1)),
        );
      continue;
    }
    const [a = 0, b = 0, , , e = 0, f = 0] = item.transform as number[];
    const piece = { text: item.str, x: e, y: f, width: item.width, size: Math.hypot(a, b) };
    const block = blockOf.get(open.at(-1) ?? '');
    if (block) block.pieces.push(piece);
    else untagged.push(piece);
  }
  const read = blocks.filter((block) => block.pieces.length > 0 || block.label);
  return read.length === 0 ? groupLines(untagged) : readingOrder(read, untagged);
}

/** pdf.js's view of a page's structure tree. */
interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  alt?: string;
  children?: StructNode[];
}

/** Structure that only groups blocks: a section is read as the blocks it holds. */
const GROUPING = new Set(['Root', 'Document', 'DocumentFragment', 'Part', 'Art', 'Sect', 'Div']);

/**
 * The page's blocks (paragraph, heading, list, table, figure…) in tag order, and the block
 * each marked-content id belongs to. A figure is labelled with its alt text.
 */
function readBlocks(tree: StructNode | null): {
  blocks: TextBlock[];
  blockOf: Map<string, TextBlock>;
} {
  const blocks: TextBlock[] = [];
  const blockOf = new Map<string, TextBlock>();
  const visit = (node: StructNode, block: TextBlock | undefined): void => {
    if (node.type === 'content' && node.id && block) blockOf.set(node.id, block);
    let inner = block;
    if (!inner && node.role && !GROUPING.has(node.role)) {
      inner = { pieces: [], ...(node.alt ? { label: `figure alt="${node.alt}"` } : {}) };
      blocks.push(inner);
    }
    for (const child of node.children ?? []) visit(child, inner);
  };
  if (tree) visit(tree, undefined);
  return { blocks, blockOf };
}

/** Link annotations, with boxes measured from the page's top-left like the PPTX view. */
async function readLinks(doc: PdfDocument, page: PdfPageProxy, number: number): Promise<PdfLink[]> {
  const [x0 = 0, , , y1 = 0] = page.view;
  const links: PdfLink[] = [];
  for (const annotation of await page.getAnnotations()) {
    if (annotation.subtype !== 'Link') continue;
    const [ax = 0, ay = 0, bx = 0, by = 0] = (annotation.rect ?? []) as number[];
    const target =
      annotation.url ??
      annotation.unsafeUrl ??
      (annotation.dest ? `#page${(await pageOf(doc, annotation.dest)) ?? '?'}` : undefined) ??
      (annotation.action ? `action:${annotation.action}` : '?');
    const box = {
      x: round1(Math.min(ax, bx) - x0),
      y: round1(y1 - Math.max(ay, by)),
      w: round1(Math.abs(bx - ax)),
      h: round1(Math.abs(by - ay)),
    };
    links.push({ page: number, target: String(target), box });
  }
  return links;
}

async function readPage(
  doc: PdfDocument,
  number: number,
): Promise<{ page: PdfPage; links: PdfLink[] }> {
  const page = await doc.getPage(number);
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  const info: PdfPage = {
    number,
    width: round1(x1 - x0),
    height: round1(y1 - y0),
    lines: await readText(page),
  };
  if (page.rotate) info.rotation = page.rotate;
  const links = await readLinks(doc, page, number);
  page.cleanup();
  return { page: info, links };
}

/**
 * pdf.js, loaded when a PDF is first inspected: its legacy build replaces built-ins such as
 * Array.prototype.push with slower polyfills for the whole process, which a build must not
 * pay for. It parses in this thread ("fake worker"); handed its worker module, it need not
 * import one by path, which the bundled CLI could not.
 */
let pdfjs: Promise<PdfJs> | undefined;
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('./pdfjs-modules.ts').then(({ api, worker }) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return api;
  });
  return pdfjs;
}

async function openDocument(bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  try {
    return await getDocument({
      // pdf.js may transfer (detach) the buffer it is given; the caller keeps theirs.
      data: new Uint8Array(bytes),
      verbosity: VerbosityLevel.ERRORS,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
    }).promise;
  } catch (error) {
    // A user password is the one failure the file's author can fix; the rest are damage.
    if ((error as Error).name === 'PasswordException') fail(messages.pdfPassword());
    fail(messages.syntax('PDF', (error as Error).message));
  }
}

/** Reads a PDF. Fails with a `syntax` diagnostic when pdf.js cannot open it. */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfInspection> {
  const doc = await openDocument(bytes);
  try {
    const { info } = await doc.getMetadata();
    const version = (info as Record<string, unknown>).PDFFormatVersion;
    const pages: PdfPage[] = [];
    const links: PdfLink[] = [];
    for (let number = 1; number <= doc.numPages; number += 1) {
      const result = await readPage(doc, number);
      pages.push(result.page);
      links.push(...result.links);
    }
    const { fonts, complete } = readFonts(bytes);
    return {
      format: 'pdf',
      version: typeof version === 'string' ? version : '?',
      meta: await readMeta(doc),
      fonts,
      ...(complete ? {} : { fontsIncomplete: true as const }),
      outline: await readOutline(doc, await doc.getOutline()),
      pages,
      links,
    };
  } catch (error) {
    // Damage found past the first pages: pdf.js says what, in an exception of its own.
    if (isPdfJsException(error)) fail(messages.syntax('PDF', error.message));
    throw error;
  } finally {
    await doc.destroy();
  }
}

/**
 * pdf.js reports a damaged file with exceptions of its own (FormatError, UnknownErrorException
 * and the like), whose stack is where pdf.js was loaded: only their message says what is wrong.
 */
function isPdfJsException(error: unknown): error is Error {
  return (
    error instanceof Error && /(Exception|FormatError)$/.test(error.name) && !isBriefkitError(error)
  );
}
