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
import type { ChartShape, ImageShape, Paragraph, Shape, TableShape } from './model.ts';
import type { OoxmlPackage } from './ooxml-package.ts';
import { readChart } from './pptx-chart.ts';
import type { PlaceholderLookup } from './pptx-placeholders.ts';
import { hasText, type LinkContext, paragraphText, readParagraphs } from './pptx-text.ts';
import { child, childrenNamed, descendant, descendants, path, type XmlNode } from './xml.ts';

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

/** Name and alt text from the non-visual properties (`p:cNvPr`). */
function readLabels(node: XmlNode): { name: string; alt?: string } {
  // The first child is the non-visual block: p:nvSpPr, p:nvPicPr, p:nvGraphicFramePr…
  const cNvPr = child(node.children[0], 'p:cNvPr');
  const name = cNvPr?.attrs.name ?? '';
  const alt = cNvPr?.attrs.descr;
  return alt === undefined || alt === '' ? { name } : { name, alt };
}

function withBox<T extends object>(shape: T, rect: EmuRect | undefined, at: Transform): T {
  return rect ? { ...shape, box: toBox(at(rect)) } : shape;
}

function readSp(node: XmlNode, context: ShapeContext, at: Transform): Shape {
  const { name } = readLabels(node);
  const spPr = child(node, 'p:spPr');
  const ph = path(node, 'p:nvSpPr', 'p:nvPr', 'p:ph');
  const rect = readXfrm(child(spPr, 'a:xfrm')) ?? (ph ? context.placeholder(ph) : undefined);
  const geometry = readGeometry(spPr);
  const fill = readFill(spPr);
  const paragraphs = readParagraphs(child(node, 'p:txBody'), context);
  if (hasText(paragraphs)) {
    const shape = { kind: 'text' as const, name, geometry, paragraphs };
    return withBox(fill === undefined ? shape : { ...shape, fill }, rect, at);
  }
  const line = readFill(child(spPr, 'a:ln'));
  return withBox(
    {
      kind: 'shape',
      name,
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

function readTable(tbl: XmlNode, context: ShapeContext): string[][] {
  return childrenNamed(tbl, 'a:tr').map((tr) =>
    childrenNamed(tr, 'a:tc').map((tc) =>
      readParagraphs(child(tc, 'a:txBody'), context).map(paragraphText).join('\n'),
    ),
  );
}

async function readChartShape(
  base: Pick<ChartShape, 'name' | 'alt'>,
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
  const labels = readLabels(node);
  const rect = readXfrm(child(node, 'p:xfrm'));
  const graphicData = path(node, 'a:graphic', 'a:graphicData');
  const uri = graphicData?.attrs.uri ?? '';
  const tbl = child(graphicData, 'a:tbl');
  let shape: Shape;
  if (graphicData && uri.endsWith('/chart')) {
    shape = await readChartShape(labels, graphicData, context);
  } else if (tbl) {
    const table: TableShape = { kind: 'table', name: labels.name, rows: readTable(tbl, context) };
    shape = table;
  } else {
    shape = { kind: 'other', name: labels.name, what: uri.slice(uri.lastIndexOf('/') + 1) };
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
      return [withBox({ kind: 'group', name: readLabels(node).name, shapes }, readXfrm(xfrm), at)];
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
