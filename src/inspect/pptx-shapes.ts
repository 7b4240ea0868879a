/**
 * A slide's shape tree (`p:spTree`) → shapes in document order, which is also z-order:
 * text boxes, plain shapes, pictures, tables, charts and groups. Groups recurse with their
 * child coordinate space mapped onto the slide.
 */
import {
  type EmuRect,
  groupTransform,
  identity,
  readXfrm,
  type Transform,
  toBox,
} from './geometry.ts';
import type { ChartShape, ImageShape, Paragraph, Shape, ShapeBase, TableShape } from './model.ts';
import type { OoxmlPackage } from './ooxml-package.ts';
import { readChart } from './pptx-chart.ts';
import { type PlaceholderLookup, placeholderType } from './pptx-placeholders.ts';
import { hasText, type LinkContext, paragraphText, readParagraphs } from './pptx-text.ts';
import { child, childrenNamed, descendant, descendants, isOn, path, type XmlNode } from './xml.ts';

export interface ShapeContext extends LinkContext {
  pkg: OoxmlPackage;
  placeholder: PlaceholderLookup;
}

/** Solid fills as hex (`D97706`) or theme references (`scheme:accent1`); others by kind. */
function readFill(parent: XmlNode | undefined): string | undefined {
  const solid = child(parent, 'a:solidFill');
  if (solid) {
    const color = solid.children[0];
    if (!color) return undefined;
    const value = color.attrs.val ?? color.attrs.lastClr ?? '';
    // Hex case varies by producer (LibreOffice writes lowercase); it carries no meaning.
    if (color.name === 'a:srgbClr') return value.toUpperCase();
    return `${color.name.replace(/^a:/, '')}:${value}`;
  }
  if (child(parent, 'a:gradFill')) return 'gradient';
  if (child(parent, 'a:blipFill')) return 'picture';
  if (child(parent, 'a:pattFill')) return 'pattern';
  return undefined;
}

function readGeometry(spPr: XmlNode | undefined): string {
  if (child(spPr, 'a:custGeom')) return 'custom';
  return child(spPr, 'a:prstGeom')?.attrs.prst ?? 'rect';
}

/** The non-visual block every shape starts with: p:nvSpPr, p:nvPicPr, p:nvGraphicFramePr… */
const nonVisual = (node: XmlNode): XmlNode | undefined => node.children[0];

/** The placeholder a shape fills (`p:nvPr/p:ph`), if it is one. */
const placeholderOf = (node: XmlNode): XmlNode | undefined =>
  path(nonVisual(node), 'p:nvPr', 'p:ph');

// Office marks a decorative object with an extension of `p:cNvPr`, not an attribute.
const DECORATIVE_EXT = '{C183D7F6-B498-43B3-948B-1728B52AA6E4}';

function isDecorative(cNvPr: XmlNode | undefined): boolean {
  const ext = childrenNamed(child(cNvPr, 'a:extLst'), 'a:ext').find(
    (e) => e.attrs.uri === DECORATIVE_EXT,
  );
  // The extension declares its own namespace, so its prefix is up to the producer. Only an
  // explicit `val="0"` (or `false`) takes the mark back; PowerPoint always writes `val="1"`.
  const mark = ext?.children.find((c) => c.name.replace(/^.*:/, '') === 'decorative');
  return mark !== undefined && (mark.attrs.val === undefined || isOn(mark.attrs.val));
}

type Identity = Pick<ShapeBase, 'name' | 'placeholder' | 'decorative'>;

/** Name, placeholder role and decorative mark, which any kind of shape can carry. */
function readIdentity(node: XmlNode): Identity {
  const cNvPr = child(nonVisual(node), 'p:cNvPr');
  const ph = placeholderOf(node);
  return {
    name: cNvPr?.attrs.name ?? '',
    ...(ph ? { placeholder: placeholderType(ph) } : {}),
    ...(isDecorative(cNvPr) ? { decorative: true as const } : {}),
  };
}

/** Identity plus alt text, for the kinds whose alt text the model keeps. */
function readLabels(node: XmlNode): Identity & { alt?: string } {
  const alt = child(nonVisual(node), 'p:cNvPr')?.attrs.descr;
  const identity = readIdentity(node);
  return alt === undefined || alt === '' ? identity : { ...identity, alt };
}

function withBox<T extends object>(shape: T, rect: EmuRect | undefined, at: Transform): T {
  return rect ? { ...shape, box: toBox(at(rect)) } : shape;
}

function readSp(node: XmlNode, context: ShapeContext, at: Transform): Shape {
  const identity = readIdentity(node);
  const spPr = child(node, 'p:spPr');
  const ph = placeholderOf(node);
  const rect = readXfrm(child(spPr, 'a:xfrm')) ?? (ph ? context.placeholder(ph) : undefined);
  const geometry = readGeometry(spPr);
  const fill = readFill(spPr);
  const paragraphs = readParagraphs(child(node, 'p:txBody'), context);
  if (hasText(paragraphs)) {
    const shape = { kind: 'text' as const, ...identity, geometry, paragraphs };
    return withBox(fill === undefined ? shape : { ...shape, fill }, rect, at);
  }
  const line = readFill(child(spPr, 'a:ln'));
  return withBox(
    {
      kind: 'shape',
      ...identity,
      geometry,
      ...(fill === undefined ? {} : { fill }),
      ...(line === undefined ? {} : { line }),
    },
    rect,
    at,
  );
}

function readPicture(node: XmlNode, context: ShapeContext, at: Transform): ImageShape {
  const blip = path(node, 'p:blipFill', 'a:blip');
  // An SVG picture keeps a PNG fallback in `r:embed` and the SVG in an extension.
  const ids = [blip?.attrs['r:embed'], descendant(blip, 'asvg:svgBlip')?.attrs['r:embed']];
  const media = ids.flatMap((id) => {
    const rel = id === undefined ? undefined : context.rels.get(id);
    return rel ? [rel.target] : [];
  });
  const rect = readXfrm(path(node, 'p:spPr', 'a:xfrm'));
  return withBox({ kind: 'image', ...readLabels(node), media }, rect, at);
}

function readTable(tbl: XmlNode, identity: Identity, context: ShapeContext): TableShape {
  const table: TableShape = { kind: 'table', ...identity, rows: readRows(tbl, context) };
  return isOn(path(tbl, 'a:tblPr')?.attrs.firstRow) ? { ...table, headerRow: true } : table;
}

function readRows(tbl: XmlNode, context: ShapeContext): string[][] {
  return childrenNamed(tbl, 'a:tr').map((tr) =>
    childrenNamed(tr, 'a:tc').map((tc) =>
      readParagraphs(child(tc, 'a:txBody'), context).map(paragraphText).join('\n'),
    ),
  );
}

async function readChartShape(
  base: Pick<ChartShape, 'name' | 'placeholder' | 'decorative' | 'alt'>,
  graphicData: XmlNode,
  context: ShapeContext,
): Promise<ChartShape> {
  const id = descendant(graphicData, 'c:chart')?.attrs['r:id'];
  const rel = id === undefined ? undefined : context.rels.get(id);
  const root = rel && !rel.external ? await context.pkg.readXml(rel.target) : undefined;
  const content = root ? readChart(root) : { plots: [] };
  return { kind: 'chart', ...base, ...content };
}

async function readGraphicFrame(
  node: XmlNode,
  context: ShapeContext,
  at: Transform,
): Promise<Shape> {
  const identity = readIdentity(node);
  const rect = readXfrm(child(node, 'p:xfrm'));
  const graphicData = path(node, 'a:graphic', 'a:graphicData');
  const uri = graphicData?.attrs.uri ?? '';
  const tbl = child(graphicData, 'a:tbl');
  let shape: Shape;
  if (graphicData && uri.endsWith('/chart')) {
    shape = await readChartShape(readLabels(node), graphicData, context);
  } else if (tbl) {
    shape = readTable(tbl, identity, context);
  } else {
    shape = { kind: 'other', ...identity, what: uri.slice(uri.lastIndexOf('/') + 1) };
  }
  return withBox(shape, rect, at);
}

async function readNode(node: XmlNode, context: ShapeContext, at: Transform): Promise<Shape[]> {
  switch (node.name) {
    case 'p:sp':
      return [readSp(node, context, at)];
    case 'p:cxnSp':
      return [readSp(node, context, at)];
    case 'p:pic':
      return [readPicture(node, context, at)];
    case 'p:graphicFrame':
      return [await readGraphicFrame(node, context, at)];
    case 'p:grpSp': {
      const xfrm = path(node, 'p:grpSpPr', 'a:xfrm');
      const inner = groupTransform(xfrm, at);
      const shapes = await readShapeTree(node, context, inner);
      const group = { kind: 'group' as const, ...readIdentity(node), shapes };
      return [withBox(group, readXfrm(xfrm), at)];
    }
    case 'mc:AlternateContent': {
      // Consumers that understand the markup use the first Choice, as PowerPoint does.
      const branch = child(node, 'mc:Choice') ?? child(node, 'mc:Fallback');
      return branch ? readShapeTree(branch, context, at) : [];
    }
    case 'p:contentPart':
      return [{ kind: 'other', name: '', what: 'contentPart' }];
    default:
      return [];
  }
}

/** Reads the shapes directly under a shape tree or group, in document order. */
export async function readShapeTree(
  tree: XmlNode,
  context: ShapeContext,
  at: Transform = identity,
): Promise<Shape[]> {
  const shapes: Shape[] = [];
  for (const node of tree.children) shapes.push(...(await readNode(node, context, at)));
  return shapes;
}

/** The body-placeholder paragraphs of a notes slide, not its slide image or number. */
export function readNotes(notes: XmlNode | undefined, context: LinkContext): Paragraph[] {
  return descendants(notes, 'p:sp')
    .filter((sp) => path(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph')?.attrs.type === 'body')
    .flatMap((sp) => readParagraphs(child(sp, 'p:txBody'), context))
    .filter((p) => paragraphText(p).trim() !== '');
}
