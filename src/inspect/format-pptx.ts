/**
 * PptxInspection → text lines. One fact per line where possible, so a changed data value
 * changes exactly the line that shows it. Runs use Markdown-like markers: **bold**,
 * _italic_, [text](url); a line break inside a paragraph shows as ⏎.
 */
import type { Box, ChartShape, Paragraph, PptxInspection, Shape, TextRun } from './model.ts';

const INDENT = '  ';

export const quote = (text: string): string => JSON.stringify(text);

export function formatBox(box: Box | undefined): string {
  return box ? `@${box.x},${box.y} ${box.w}×${box.h}` : '@?';
}

const oneLine = (text: string): string => text.replace(/\r?\n/g, '⏎');

function formatRun(run: TextRun): string {
  // Text that is literally `**x**` must not read as bold: its marker characters are escaped.
  const text = oneLine(run.text).replace(/[\\*_[\]]/g, '\\$&');
  // Markers hug the words: "**Why:** rest", not "**Why: **rest".
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  if (core === '') return text;
  let marked = core;
  if (run.italic) marked = `_${marked}_`;
  if (run.bold) marked = `**${marked}**`;
  if (run.link !== undefined) marked = `[${marked}](${run.link})`;
  return `${lead}${marked}${trail}`;
}

const BULLETS: Readonly<Record<NonNullable<Paragraph['bullet']>, string>> = {
  char: '• ',
  number: '#. ',
};

function formatParagraph(paragraph: Paragraph, indent: string): string {
  const marker = paragraph.bullet ? BULLETS[paragraph.bullet] : '¶ ';
  const text = paragraph.runs.map(formatRun).join('');
  return `${indent}${INDENT.repeat(paragraph.level)}${marker}${text}`.trimEnd();
}

function chartKind(shape: ChartShape): string {
  const kinds = shape.plots.map((plot) => {
    const type = plot.direction ? `${plot.type}/${plot.direction}` : plot.type;
    const stacked = plot.grouping?.toLowerCase().includes('stacked');
    return stacked ? `${type} ${plot.grouping}` : type;
  });
  return kinds.length > 0 ? kinds.join('+') : 'empty';
}

function formatChart(shape: ChartShape, indent: string): string[] {
  const alt = shape.alt === undefined ? '' : ` alt=${quote(shape.alt)}`;
  const lines = [
    `${indent}chart ${quote(shape.name)} ${chartKind(shape)} ${formatBox(shape.box)}${alt}`,
  ];
  if (shape.title !== undefined) lines.push(`${indent}${INDENT}title ${quote(shape.title)}`);
  const combo = shape.plots.length > 1;
  for (const plot of shape.plots) {
    for (const series of plot.series) {
      const points = series.values.map((value, i) => {
        const category = series.categories[i];
        return category === undefined ? value : `${oneLine(category)}=${value}`;
      });
      const kind = combo ? ` (${plot.type})` : '';
      lines.push(`${indent}${INDENT}series ${quote(series.name)}${kind}: ${points.join('; ')}`);
    }
  }
  return lines;
}

/**
 * Accessibility marks end the shape's line, so a shape without them prints as it always has:
 * `placeholder title`, `header-row`, `decorative`.
 */
function formatMarks(shape: Shape): string {
  const marks = [
    shape.placeholder === undefined ? '' : ` placeholder ${shape.placeholder}`,
    shape.kind === 'table' && shape.headerRow ? ' header-row' : '',
    shape.decorative ? ' decorative' : '',
  ];
  return marks.join('');
}

function formatShape(shape: Shape, indent: string): string[] {
  const [first = '', ...rest] = formatShapeLines(shape, indent);
  return [`${first}${formatMarks(shape)}`, ...rest];
}

function formatShapeLines(shape: Shape, indent: string): string[] {
  const inner = indent + INDENT;
  const where = formatBox(shape.box);
  switch (shape.kind) {
    case 'text': {
      const geometry = shape.geometry === 'rect' ? '' : ` ${shape.geometry}`;
      const fill = shape.fill === undefined ? '' : ` fill ${shape.fill}`;
      return [
        `${indent}text ${quote(shape.name)} ${where}${geometry}${fill}`,
        ...shape.paragraphs.map((p) => formatParagraph(p, inner)),
      ];
    }
    case 'shape': {
      const fill = shape.fill === undefined ? '' : ` fill ${shape.fill}`;
      const line = shape.line === undefined ? '' : ` line ${shape.line}`;
      return [`${indent}${shape.geometry} ${where}${fill}${line}`];
    }
    case 'table': {
      const columns = Math.max(0, ...shape.rows.map((row) => row.length));
      return [
        `${indent}table ${quote(shape.name)} ${where} ${shape.rows.length}×${columns}`,
        ...shape.rows.map((row) => `${inner}| ${row.map(oneLine).join(' | ')} |`),
      ];
    }
    case 'chart':
      return formatChart(shape, indent);
    case 'image': {
      const alt = shape.alt === undefined ? '' : ` alt=${quote(shape.alt)}`;
      const media = shape.media.map((m) => ` ${m}`).join('');
      return [`${indent}image ${quote(shape.name)} ${where}${alt}${media}`];
    }
    case 'group':
      return [
        `${indent}group ${quote(shape.name)} ${where}`,
        ...shape.shapes.flatMap((s) => formatShape(s, inner)),
      ];
    case 'other':
      return [`${indent}${shape.what || 'object'} ${quote(shape.name)} ${where}`];
  }
}

export function formatPptx(inspection: PptxInspection): string[] {
  const count = inspection.slides.length;
  const lines = [
    `PPTX  ${count} slide${count === 1 ? '' : 's'}  ${inspection.width}×${inspection.height} pt`,
    ...inspection.meta.map(([key, value]) => `meta ${key}: ${value}`),
  ];
  for (const slide of inspection.slides) {
    lines.push(`slide ${slide.number}${slide.hidden ? '  hidden' : ''}`);
    for (const shape of slide.shapes) lines.push(...formatShape(shape, INDENT));
    if (slide.notes.length > 0) {
      lines.push(`${INDENT}notes`);
      for (const p of slide.notes) lines.push(formatParagraph(p, INDENT + INDENT));
    }
  }
  return lines;
}
