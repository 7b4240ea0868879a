/**
 * A small ordered XML tree over fast-xml-parser. Slides mix shape kinds (sp, pic,
 * graphicFrame) whose document order matters, so we parse with `preserveOrder` and wrap its
 * array-of-objects output in a shape that is pleasant to walk.
 *
 * Element names keep their namespace prefix (`p:sp`, `a:t`). Every producer we know of
 * (PowerPoint, LibreOffice, pptxgenjs, python-pptx) uses the conventional prefixes, and
 * stripping them would make attributes collide (`id` vs `r:id` on `p:sldId`).
 */
import { XMLParser } from 'fast-xml-parser';

export interface XmlNode {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: readonly XmlNode[];
  /** Concatenated direct text content (entity-decoded, whitespace kept). */
  text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Keep every value a string: "007" and "1e3" must show exactly as stored.
  parseTagValue: false,
  parseAttributeValue: false,
  // `<a:t> </a:t>` is a real space between runs.
  trimValues: false,
  processEntities: true,
  // Needed for numeric references such as `&#x2022;`; XML has no named HTML entities anyway.
  htmlEntities: true,
});

type RawEntry = Record<string, unknown>;

function toNode(entry: RawEntry): XmlNode | undefined {
  const name = Object.keys(entry).find((key) => key !== ':@');
  if (name === undefined || name === '#text' || name.startsWith('?')) return undefined;
  const attrs = (entry[':@'] as Record<string, string> | undefined) ?? {};
  const raw = (entry[name] as RawEntry[] | undefined) ?? [];
  const children: XmlNode[] = [];
  let text = '';
  for (const item of raw) {
    if ('#text' in item) text += String(item['#text']);
    else {
      const child = toNode(item);
      if (child) children.push(child);
    }
  }
  return { name, attrs, children, text };
}

/** Parses an XML part and returns its root element. */
export function parseXml(source: string): XmlNode {
  const entries = parser.parse(source) as RawEntry[];
  for (const entry of entries) {
    const node = toNode(entry);
    if (node) return node;
  }
  return { name: '#empty', attrs: {}, children: [], text: '' };
}

/** First direct child named `name`. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** All direct children named `name`. */
export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Follows a path of direct-child names, e.g. `path(sp, 'p:spPr', 'a:xfrm')`. */
export function path(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let current = node;
  for (const name of names) current = child(current, name);
  return current;
}

/** All descendants named `name`, in document order. */
export function descendants(node: XmlNode | undefined, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  if (node) walk(node);
  return found;
}

/** First descendant named `name`, in document order. */
export function descendant(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return descendants(node, name)[0];
}

/** Whether an `xsd:boolean` attribute value is true (`1` or `true`). */
export const isOn = (value: string | undefined): boolean => value === '1' || value === 'true';
