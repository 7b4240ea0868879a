/**
 * In-process checks that an output is sound, for property tests: every PPTX XML part well
 * formed (fast-xml-parser's validator) and free of XML-illegal characters, [Content_Types].xml
 * and the relationships consistent with the parts; every PDF parsed by pdf.js.
 */
import { posix } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { pdfPages } from '../helpers/pdf-text.ts';

const XML_ILLEGAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export interface PptxCheck {
  problems: string[];
  /** Text of every a:t run and chart value, in part order. */
  text: string;
}

export async function checkPptx(bytes: Uint8Array): Promise<PptxCheck> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  const problems: string[] = [];
  const xml = new Map<string, string>();
  for (const name of names) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const text = await (zip.file(name) as JSZip.JSZipObject).async('string');
    xml.set(name, text);
    const result = XMLValidator.validate(text);
    if (result !== true) {
      problems.push(`${name}: ${result.err.msg} (line ${result.err.line}, col ${result.err.col})`);
    }
    const illegal = XML_ILLEGAL.exec(text);
    if (illegal) {
      const code = (illegal[0].codePointAt(0) ?? 0).toString(16).padStart(4, '0');
      problems.push(`${name}: XML-illegal character U+${code} at offset ${illegal.index}`);
    }
  }

  const types = parser.parse(xml.get('[Content_Types].xml') ?? '').Types ?? {};
  const defaults = new Set(
    asList(types.Default).map((d: { Extension: string }) => d.Extension.toLowerCase()),
  );
  const overrides = asList(types.Override).map((o: { PartName: string }) => o.PartName);
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    // Not path.extname: for `_rels/.rels` the extension is `rels`, not empty.
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.includes(`/${name}`) && !defaults.has(ext)) {
      problems.push(`[Content_Types].xml: no content type for ${name}`);
    }
  }
  for (const part of overrides) {
    if (!names.includes(part.slice(1)))
      problems.push(`[Content_Types].xml: override for missing ${part}`);
  }

  for (const [name, text] of xml) {
    if (!name.endsWith('.rels')) continue;
    const base = posix.dirname(posix.dirname(name));
    for (const rel of asList(parser.parse(text).Relationships?.Relationship) as {
      Target: string;
      TargetMode?: string;
    }[]) {
      if (rel.TargetMode === 'External') continue;
      const target = rel.Target.startsWith('/')
        ? rel.Target.slice(1)
        : posix.normalize(posix.join(base, rel.Target));
      if (!names.includes(target)) problems.push(`${name}: relationship to missing ${target}`);
    }
  }

  const order = (n: string) => Number(/(\d+)\.xml$/.exec(n)?.[1] ?? 0);
  const textParts = [...xml.keys()]
    .filter((n) => /^ppt\/(slides\/slide|notesSlides\/notesSlide|charts\/chart)\d+\.xml$/.test(n))
    .sort((a, b) => a.localeCompare(b, 'en') || order(a) - order(b));
  const text = textParts
    .map((n) =>
      [...(xml.get(n) ?? '').matchAll(/<(a:t|c:v)(?:\s[^>]*)?>([^<]*)<\/\1>/g)]
        .map((m) => decodeXml(m[2] ?? ''))
        .join(''),
    )
    .join('');
  return { problems, text };
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_, e: string) => {
    if (e[0] === '#') {
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    }
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[e.toLowerCase()] ?? '';
  });
}

/** Problems pdf.js finds while opening the PDF and reading the text of every page. */
export async function checkPdf(name: string, bytes: Uint8Array): Promise<string[]> {
  try {
    const pages = await pdfPages(bytes);
    return pages.length ? [] : [`${name}: no pages`];
  } catch (error) {
    return [`${name}: pdf.js cannot read it: ${(error as Error).message}`];
  }
}

/** Text compared across outputs: whitespace-free, so wrapping and run splits do not matter. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, '');
}
