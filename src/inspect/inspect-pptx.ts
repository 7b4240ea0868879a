/**
 * PPTX bytes → PptxInspection.
 *
 * 1. Open the package and read `ppt/presentation.xml`: slide size and the slide order
 *    (`p:sldIdLst`, resolved through `ppt/_rels/presentation.xml.rels`). Part names such as
 *    `slide10.xml` say nothing about order. Core properties give the metadata.
 * 2. For each slide: its shape tree, with placeholders placed from layout and master.
 * 3. Its notes: the body placeholder of the related notes slide.
 */
import { fail } from '../errors/briefkit-error.ts';
import { type Message, messages } from '../errors/messages.ts';
import { emuToPoints } from './geometry.ts';
import type { PptxInspection, PptxSlide } from './model.ts';
import { type OoxmlPackage, openPackage, relationshipOfType } from './ooxml-package.ts';
import { readPlaceholderLookup } from './pptx-placeholders.ts';
import { readNotes, readShapeTree } from './pptx-shapes.ts';
import { child, childrenNamed, path, type XmlNode } from './xml.ts';

const PRESENTATION = 'ppt/presentation.xml';

const CORE_PROPERTIES: [string, string][] = [
  ['dc:title', 'Title'],
  ['dc:subject', 'Subject'],
  ['dc:creator', 'Author'],
  ['cp:keywords', 'Keywords'],
  ['cp:lastModifiedBy', 'LastModifiedBy'],
  ['dcterms:created', 'Created'],
  ['dcterms:modified', 'Modified'],
];

/** Title, author and dates as stored; the package relationships say where the part is. */
async function readMeta(pkg: OoxmlPackage): Promise<[string, string][]> {
  const part = relationshipOfType(await pkg.relationships(''), 'core-properties')?.target;
  const core = part === undefined ? undefined : await pkg.readXml(part);
  return CORE_PROPERTIES.flatMap(([element, label]): [string, string][] => {
    const value = child(core, element)?.text.trim();
    return value ? [[label, value]] : [];
  });
}

async function readSlideOrder(pkg: OoxmlPackage, presentation: XmlNode): Promise<string[]> {
  const rels = await pkg.relationships(PRESENTATION);
  return childrenNamed(child(presentation, 'p:sldIdLst'), 'p:sldId').flatMap((sldId) => {
    const rel = rels.get(sldId.attrs['r:id'] ?? '');
    return rel && !rel.external ? [rel.target] : [];
  });
}

async function readSlide(
  pkg: OoxmlPackage,
  part: string,
  number: number,
  slideNumbers: ReadonlyMap<string, number>,
): Promise<PptxSlide> {
  const root = await pkg.readXml(part);
  const rels = await pkg.relationships(part);
  const context = {
    pkg,
    rels,
    slideNumbers,
    placeholder: await readPlaceholderLookup(pkg, part),
  };
  const tree = path(root, 'p:cSld', 'p:spTree');
  const shapes = tree ? await readShapeTree(tree, context) : [];

  const notesPart = relationshipOfType(rels, 'notesSlide')?.target;
  const notes =
    notesPart === undefined
      ? []
      : readNotes(await pkg.readXml(notesPart), {
          rels: await pkg.relationships(notesPart),
          slideNumbers,
        });

  const slide: PptxSlide = { number, part, shapes, notes };
  if (root?.attrs.show === '0' || root?.attrs.show === 'false') slide.hidden = true;
  return slide;
}

/** Why a zip has no presentation part: an OpenDocument file says so in its `mimetype`. */
async function missingPresentation(pkg: OoxmlPackage): Promise<Message> {
  const mimetype = (await pkg.readText('mimetype'))?.trim() ?? '';
  return mimetype.startsWith('application/vnd.oasis.opendocument.')
    ? messages.openDocument(mimetype)
    : messages.syntax('PPTX', `${PRESENTATION} is missing`);
}

/** Reads a PPTX. Fails with a `syntax` diagnostic when the zip is not a presentation. */
export async function inspectPptx(bytes: Uint8Array): Promise<PptxInspection> {
  let pkg: OoxmlPackage;
  try {
    pkg = await openPackage(bytes);
  } catch (error) {
    fail(messages.syntax('PPTX', `not a readable zip (${(error as Error).message})`));
  }
  const presentation = await pkg.readXml(PRESENTATION);
  if (!presentation) fail(await missingPresentation(pkg));

  const size = child(presentation, 'p:sldSz');
  const order = await readSlideOrder(pkg, presentation);
  const slideNumbers = new Map(order.map((part, index) => [part, index + 1]));
  const slides: PptxSlide[] = [];
  for (const [index, part] of order.entries()) {
    slides.push(await readSlide(pkg, part, index + 1, slideNumbers));
  }
  return {
    format: 'pptx',
    width: emuToPoints(Number(size?.attrs.cx ?? 0)),
    height: emuToPoints(Number(size?.attrs.cy ?? 0)),
    meta: await readMeta(pkg),
    slides,
  };
}
