import { crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync, Zip, type ZipInputFile } from 'fflate';
import { contentKey } from '../../cache/content-key.ts';
import { LruCache } from '../../cache/lru-cache.ts';
import { escapeXml } from '../escape-xml.ts';
import { accessibleSlide } from './accessible-slide.ts';
import { CHART_PART, mendSchema } from './mend-schema.ts';
import { slideNumberField } from './slide-number.ts';

/**
 * Makes pptxgenjs output reproducible and repair-free:
 * - fixed dates in docProps/core.xml, in each chart's embedded workbook, and on zip entries;
 * - charts renumbered from 1, in deck order (pptxgenjs counts charts per process, not per deck);
 * - [Content_Types].xml lists only parts that exist (upstream lists a master per slide);
 * - one <a:pPr> per paragraph, first (upstream writes one before every run: a repair prompt);
 * - presentation and chart parts as the schema orders them (see mend-schema.ts);
 * - real PNG fallbacks behind SVG pictures;
 * - the East Asian font in every run's `ea` slot and in charts' text, so CJK text has a CJK font;
 * - one copy of each picture (pptxgenjs stores the logo again for every slide);
 * - speaker notes and chart text in the deck's language (pptxgenjs writes en-US whatever they say);
 * - slide titles, table header rows and decoration marked for accessibility
 *   (see accessible-slide.ts);
 * - slide numbers as fields, which PowerPoint renumbers when slides move (slide-number.ts);
 * - entries in a fixed order, DEFLATE-compressed.
 */
export interface NormalizeOptions {
  /** Embedded in core.xml as given, and in zip entry times clamped to 1980–2099. */
  date: Date;
  /** Draws an SVG picture's PNG fallback; pptxgenjs leaves a placeholder. */
  rasterize: (svg: string) => Promise<Uint8Array>;
  /** Font for the East Asian (`ea`) slot of every run; pptxgenjs repeats the Latin font there. */
  eastAsianFont: string;
  /** The deck's language (BCP 47), which its speaker notes are written in. */
  lang: string;
  /** Sees the parts as pptxgenjs wrote them and returns the parts to normalise. */
  parts?: (written: Record<string, Uint8Array>) => Record<string, Uint8Array>;
}

export async function normalizePptx(
  bytes: Uint8Array,
  { date, rasterize, eastAsianFont, lang, parts = (written) => written }: NormalizeOptions,
): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array | string>();
  const entries = parts(unzipSync(bytes));
  const renames = chartRenames(entries['[Content_Types].xml']);
  const context = JSON.stringify([date, eastAsianFont, lang]);
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const target = rename(name, renames);
    if (name.endsWith('.xlsx')) {
      files.set(
        target,
        remembered(target, context, data, () => normalizeWorkbook(data, date)),
      );
    } else if (/\.(xml|rels)$/.test(name)) {
      const xml = remembered(target, context, data, () => {
        const xml = mendSchema(name, fixDates(strFromU8(data), date));
        if (name.startsWith('ppt/slides/'))
          return slideNumberField(
            accessibleSlide(eastAsian(oneParagraphProperties(xml), eastAsianFont)),
          );
        if (name.startsWith('ppt/notesSlides/')) return inLanguage(xml, lang);
        if (CHART_PART.test(name)) return inLanguage(chartEastAsian(xml, eastAsianFont), lang);
        return xml;
      });
      files.set(target, renameReferences(name, xml, renames));
    } else {
      files.set(target, data);
    }
  }
  for (const [png, svg] of svgFallbacks(files)) files.set(png, await rasterize(svg));
  sharedMedia(files);
  const types = files.get('[Content_Types].xml');
  if (typeof types === 'string') files.set('[Content_Types].xml', pruneContentTypes(types, files));
  return zipFiles(files, date);
}

/**
 * Normalised parts by name, options and bytes as pptxgenjs wrote them: in a watch rebuild or
 * a batch record, most parts are written as before.
 */
const normalizedParts = new LruCache<string, Uint8Array | string>(512);

function remembered<T extends Uint8Array | string>(
  name: string,
  context: string,
  data: Uint8Array,
  normalize: () => T,
): T {
  return normalizedParts.remember(`${name}\0${context}\0${contentKey(data)}`, normalize) as T;
}

function normalizeWorkbook(bytes: Uint8Array, date: Date): Uint8Array {
  const files = new Map<string, Uint8Array | string>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (name.endsWith('/')) continue;
    files.set(name, name.endsWith('.xml') ? fixDates(strFromU8(data), date) : data);
  }
  return zipFiles(files, date);
}

/**
 * Entries deflated by Node's zlib (several times faster than a JavaScript deflate) and
 * assembled by fflate's zip writer.
 */
function zipFiles(files: Map<string, Uint8Array | string>, date: Date): Uint8Array {
  const names = [...files.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const mtime = zipTime(date);
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const filename of names) {
    const { size, crc, bytes } = compressed(files.get(filename) as Uint8Array | string);
    const entry: ZipInputFile = { filename, mtime, size, crc, compression: 8 };
    zip.add(entry);
    entry.ondata?.(null, bytes, true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

/** Zip entry times hold only 1980–2099 (fflate throws outside): other days go to the nearer end. */
const ZIP_YEARS = { first: 1980, last: 2099 };

/**
 * Zip times are local-time fields: noon of the report's day reads the same in every time zone,
 * and no daylight-saving change falls at noon.
 */
function zipTime(date: Date): Date {
  const year = date.getUTCFullYear();
  if (year < ZIP_YEARS.first) return new Date(ZIP_YEARS.first, 0, 1, 12);
  if (year > ZIP_YEARS.last) return new Date(ZIP_YEARS.last, 11, 31, 12);
  return new Date(year, date.getUTCMonth(), date.getUTCDate(), 12);
}

/** A zip entry's data: its size and CRC before compression, and its deflated bytes. */
interface Compressed {
  size: number;
  crc: number;
  bytes: ReturnType<typeof deflateRawSync>;
}

/**
 * Compressed parts by content: most parts of a deck (layouts, master, theme, charts, media)
 * come out the same in the next watch rebuild or batch record. Text parts are kept by their
 * text, which skips encoding them too; binary parts by a hash of their bytes.
 */
const compressedText = new LruCache<string, Compressed>(512);
const compressedBytes = new LruCache<string, Compressed>(256);

function compressed(content: Uint8Array | string): Compressed {
  const text = typeof content === 'string';
  const memo = text ? compressedText : compressedBytes;
  return memo.remember(text ? content : contentKey(content), () => {
    const data = text ? Buffer.from(content, 'utf8') : content;
    return { size: data.length, crc: crc32(data), bytes: deflateRawSync(data, { level: 6 }) };
  });
}

/** [Content_Types].xml first, as Office writes it; then by name. */
function rank(name: string): number {
  return name === '[Content_Types].xml' ? 0 : 1;
}

function fixDates(xml: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml.replace(
    /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
    `$1${iso}$2`,
  );
}

type Renames = Map<string, string>;

/**
 * chart7.xml, chart9.xml → chart1.xml, chart2.xml, and their workbooks likewise, in the order
 * [Content_Types].xml lists the charts: slide by slide, as they were added. Not by number: a
 * slide put back from an earlier deck (slide-memo.ts) has charts with older numbers.
 */
function chartRenames(types: Uint8Array | undefined): Renames {
  const listed = types
    ? strFromU8(types).matchAll(/PartName="\/ppt\/charts\/chart(\d+)\.xml"/g)
    : [];
  const numbers = [...listed].map((m) => m[1]);
  const renames: Renames = new Map();
  numbers.forEach((n, i) => {
    renames.set(`chart${n}.xml`, `chart${i + 1}.xml`);
    renames.set(`Microsoft_Excel_Worksheet${n}.xlsx`, `Microsoft_Excel_Worksheet${i + 1}.xlsx`);
  });
  return renames;
}

/**
 * Renumbered charts are renamed where parts name them: internal relationship targets and
 * content-type overrides. Never in text, which may well say "chart3.xml", nor in links.
 */
function renameReferences(name: string, xml: string, renames: Renames): string {
  // Only relationship parts and the content types hold such elements.
  if (renames.size === 0 || !(name.endsWith('.rels') || name === '[Content_Types].xml')) return xml;
  return xml.replace(/<(?:Relationship|Override)\b[^>]*>/g, (element) =>
    element.includes('TargetMode="External"') ? element : rename(element, renames),
  );
}

function rename(text: string, renames: Renames): string {
  if (renames.size === 0) return text;
  return text.replace(
    /(chart\d+\.xml|Microsoft_Excel_Worksheet\d+\.xlsx)/g,
    (m) => renames.get(m) ?? m,
  );
}

function pruneContentTypes(xml: string, files: Map<string, unknown>): string {
  return xml.replace(/<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
    files.has(part) ? override : '',
  );
}

const PARAGRAPH = /<a:p>([\s\S]*?)<\/a:p>/g;
const PARAGRAPH_PROPERTIES = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/** Keeps a paragraph's leading <a:pPr> and drops the copies pptxgenjs repeats between runs. */
function oneParagraphProperties(xml: string): string {
  return xml.replace(PARAGRAPH, (_paragraph, inner: string) => {
    let first = true;
    const body = inner.replace(PARAGRAPH_PROPERTIES, (props: string, offset: number) => {
      const keep = first && offset === 0;
      first = false;
      return keep ? props : '';
    });
    return `<a:p>${body}</a:p>`;
  });
}

/** pptxgenjs stores an SVG picture as image-S-K.svg with its fallback at image-S-(K-1).png. */
function svgFallbacks(files: Map<string, Uint8Array | string>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, data] of files) {
    const match = /^ppt\/media\/image-(\d+)-(\d+)\.svg$/.exec(name);
    if (!match) continue;
    const png = `ppt/media/image-${match[1]}-${Number(match[2]) - 1}.png`;
    if (files.has(png))
      pairs.push([png, typeof data === 'string' ? data : Buffer.from(data).toString('utf8')]);
  }
  return pairs;
}

/**
 * Pictures with the same bytes become one part, which every slide's relationships point to:
 * the first by name. Run after the PNG fallbacks are drawn, which start out alike.
 */
function sharedMedia(files: Map<string, Uint8Array | string>): void {
  const first = new Map<string, string>();
  const renames: Renames = new Map();
  for (const name of [...files.keys()].sort()) {
    const data = files.get(name);
    if (!name.startsWith('ppt/media/') || typeof data === 'string' || !data) continue;
    const hash = contentKey(data);
    const kept = first.get(hash);
    if (kept === undefined) first.set(hash, name);
    else renames.set(name.slice('ppt/'.length), kept.slice('ppt/'.length));
  }
  if (renames.size === 0) return;
  for (const dropped of renames.keys()) files.delete(`ppt/${dropped}`);
  for (const [name, data] of files) {
    if (typeof data === 'string' && name.endsWith('.rels'))
      files.set(
        name,
        data.replace(/Target="\.\.\/(media\/[^"]+)"/g, (target, path: string) => {
          const kept = renames.get(path);
          return kept ? `Target="../${kept}"` : target;
        }),
      );
  }
}

/** Text marked as `lang`: pptxgenjs marks notes and chart text en-US whatever they say. */
function inLanguage(xml: string, lang: string): string {
  return xml.replace(/(<a:(?:rPr|endParaRPr)\b[^>]*?\blang=")en-US"/g, `$1${escapeXml(lang)}"`);
}

/**
 * pptxgenjs gives chart text a Latin font only, so PowerPoint drew CJK labels in a default
 * font of its own, unlike the slides' text: each gets the East Asian font beside it.
 */
function chartEastAsian(xml: string, font: string): string {
  return xml.replace(
    /<a:latin\b[^>]*\/>(?!\s*<a:ea\b)/g,
    (latin) => `${latin}<a:ea typeface="${escapeXml(font)}"/>`,
  );
}

function eastAsian(xml: string, font: string): string {
  return xml.replace(/(<a:ea typeface=")[^"]*(")/g, `$1${escapeXml(font)}$2`);
}
