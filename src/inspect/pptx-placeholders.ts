/**
 * Placeholders often carry no position of their own: they inherit it from the matching
 * placeholder on the slide layout, which in turn may inherit from the master. This follows
 * that chain closely enough to place the usual title/body/object placeholders; exotic
 * matches fall through to "position unknown" rather than a wrong guess.
 */
import { type EmuRect, readXfrm } from './geometry.ts';
import { type OoxmlPackage, relationshipOfType } from './ooxml-package.ts';
import { descendants, path, type XmlNode } from './xml.ts';

export type PlaceholderLookup = (ph: XmlNode) => EmuRect | undefined;

// A slide's `obj` or `subTitle` placeholder takes its place from the master's `body`, etc.
const MASTER_ALIASES: Readonly<Record<string, string>> = {
  ctrTitle: 'title',
  subTitle: 'body',
  obj: 'body',
};

/** A placeholder's type; `obj` is the schema's default when `type` is left out. */
export const placeholderType = (ph: XmlNode): string => ph.attrs.type ?? 'obj';

function collect(root: XmlNode | undefined): Map<string, EmuRect> {
  const boxes = new Map<string, EmuRect>();
  for (const sp of descendants(root, 'p:sp')) {
    const ph = path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph');
    const rect = readXfrm(path(sp, 'p:spPr', 'a:xfrm'));
    if (!ph || !rect) continue;
    if (ph.attrs.idx !== undefined && !boxes.has(`idx:${ph.attrs.idx}`)) {
      boxes.set(`idx:${ph.attrs.idx}`, rect);
    }
    if (!boxes.has(`type:${placeholderType(ph)}`)) boxes.set(`type:${placeholderType(ph)}`, rect);
  }
  return boxes;
}

async function relatedPart(
  pkg: OoxmlPackage,
  part: string | undefined,
  type: string,
): Promise<string | undefined> {
  if (part === undefined) return undefined;
  return relationshipOfType(await pkg.relationships(part), type)?.target;
}

/** Builds the lookup for one slide from its layout and that layout's master. */
export async function readPlaceholderLookup(
  pkg: OoxmlPackage,
  slidePart: string,
): Promise<PlaceholderLookup> {
  const layoutPart = await relatedPart(pkg, slidePart, 'slideLayout');
  const masterPart = await relatedPart(pkg, layoutPart, 'slideMaster');
  const layout = collect(layoutPart === undefined ? undefined : await pkg.readXml(layoutPart));
  const master = collect(masterPart === undefined ? undefined : await pkg.readXml(masterPart));
  return (ph) => {
    const type = placeholderType(ph);
    const idx = ph.attrs.idx;
    return (
      (idx === undefined ? undefined : layout.get(`idx:${idx}`)) ??
      layout.get(`type:${type}`) ??
      master.get(`type:${type}`) ??
      master.get(`type:${MASTER_ALIASES[type] ?? type}`)
    );
  };
}
