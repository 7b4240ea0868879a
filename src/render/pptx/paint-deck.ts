import PptxGenJS from 'pptxgenjs';
import { chartFontSize } from '../../charts/chart-cache.ts';
import type { NativeChart } from '../../charts/native.ts';
import type { FontSet } from '../../layout/fonts.ts';
import type {
  ChartFrame,
  ChartStyle,
  DeckLayout,
  Frame,
  TableFrame,
  TextFrame,
} from '../../layout/frames.ts';
import { splitCjk } from '../../layout/measure.ts';
import { bodyRowFill } from '../../layout/table.ts';
import type { Run } from '../../model/document.ts';
import { escapeXml } from '../escape-xml.ts';
import { DECORATION } from './accessible-slide.ts';

export interface DeckMeta {
  title: string;
  author: string;
  lang: string;
}

type PptxSlide = ReturnType<PptxGenJS['addSlide']>;
type TextProps = PptxGenJS.TextProps;

const inches = (pt: number) => pt / 72;

/**
 * Paints laid-out slides with pptxgenjs: real text boxes, native charts, real tables.
 * Slides in `blank` get only their background and notes: their parts are put back from an
 * earlier deck (see slide-memo.ts).
 */
export async function paintDeck(
  layout: DeckLayout,
  fonts: FontSet,
  meta: DeckMeta,
  blank: ReadonlySet<number> = new Set(),
): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({
    name: 'BRIEFKIT',
    width: inches(layout.width),
    height: inches(layout.height),
  });
  pptx.layout = 'BRIEFKIT';
  pptx.title = meta.title;
  pptx.author = meta.author;
  // pptxgenjs escapes the title and author it writes to core.xml, but not the company name
  // it writes to app.xml.
  pptx.company = escapeXml(meta.author);
  pptx.subject = meta.title;
  pptx.theme = { headFontFace: fonts.officeName, bodyFontFace: fonts.officeName };
  for (const [i, slideFrames] of layout.slides.entries()) {
    const slide = pptx.addSlide();
    slide.background = { color: slideFrames.background };
    if (!blank.has(i))
      for (const frame of slideFrames.frames)
        paintFrame(pptx, slide, frame, fonts, meta, layout.chartStyle);
    if (slideFrames.notes) slide.addNotes(slideFrames.notes);
  }
  const out = await pptx.write({ outputType: 'nodebuffer' });
  return new Uint8Array(out as Buffer);
}

function paintFrame(
  pptx: PptxGenJS,
  slide: PptxSlide,
  frame: Frame,
  fonts: FontSet,
  meta: DeckMeta,
  style: ChartStyle,
): void {
  const place = {
    x: inches(frame.box.x),
    y: inches(frame.box.y),
    w: inches(frame.box.w),
    h: inches(frame.box.h),
  };
  switch (frame.kind) {
    case 'rect':
      slide.addShape(pptx.ShapeType.rect, {
        ...place,
        objectName: DECORATION,
        fill: { color: frame.fill },
        line: { type: 'none' },
      });
      return;
    case 'text':
      if (frame.paragraphs.length)
        slide.addText(textProps(frame, meta), textOptions(frame, fonts, meta, place));
      return;
    case 'chart':
      paintChart(pptx, slide, frame, fonts, style, place);
      return;
    case 'image':
      slide.addImage({
        ...place,
        data: `data:image/${frame.image.format};base64,${Buffer.from(frame.image.data).toString('base64')}`,
        // A picture without alt text is decoration (the theme's logo): marked so, not unnamed.
        ...(frame.alt
          ? { altText: frame.alt, objectName: `picture ${frame.image.src}` }
          : { objectName: DECORATION }),
      });
      return;
    case 'table':
      slide.addTable(tableRows(frame, fonts, meta), {
        ...place,
        objectName: frame.name,
        colW: frame.columns.map(inches),
        rowH: frame.rowHeights.map(inches),
      });
      return;
  }
}

function textOptions(
  frame: TextFrame,
  fonts: FontSet,
  meta: DeckMeta,
  place: PptxGenJS.PositionProps,
): PptxGenJS.TextPropsOptions {
  return {
    ...place,
    // Also the language of text typed at the end of a paragraph.
    lang: meta.lang,
    objectName: frame.name,
    margin: 0,
    fontFace: fonts.officeName,
    fontSize: frame.size,
    color: frame.color,
    align: frame.align,
    valign: frame.valign,
    lineSpacing: frame.lineHeight,
    fit: 'none',
    wrap: true,
    isTextBox: true,
  };
}

/**
 * One text run per styled run. Paragraph options go on the first run of each paragraph
 * only: on later runs pptxgenjs writes a second <a:pPr>, which the schema forbids.
 */
function textProps(frame: TextFrame, meta: DeckMeta): TextProps[] {
  return frame.paragraphs.flatMap((p, pi) => {
    const runs = uprightCjk(p.runs);
    return runs.map(
      (run, ri): TextProps => ({
        text: run.text,
        options: {
          ...runOptions(run, meta),
          ...(ri === 0 && p.bullet !== null ? { bullet: bulletOf(p.bullet, p.indent) } : {}),
          ...(ri === 0 && pi > 0 ? { paraSpaceBefore: frame.paragraphGap } : {}),
          breakLine: ri === runs.length - 1 && pi < frame.paragraphs.length - 1,
        },
      }),
    );
  });
}

/**
 * The CJK face has no italic, so the PDFs draw CJK text upright; office apps would slant it
 * instead. The CJK part of an italic run is therefore written upright.
 */
function uprightCjk(runs: readonly Run[]): Run[] {
  return runs.flatMap((run) =>
    run.italic
      ? splitCjk(run.text).map(({ text, cjk }) => ({ ...run, text, italic: !cjk }))
      : [run],
  );
}

function bulletOf(
  bullet: 'disc' | number,
  indent: number,
): NonNullable<PptxGenJS.TextPropsOptions['bullet']> {
  if (bullet === 'disc') return { indent };
  // Each numbered paragraph states its number, so a list continued on a "(cont.)" slide counts on.
  return { type: 'number', numberStartAt: bullet, indent };
}

function runOptions(run: Run, meta: DeckMeta): PptxGenJS.TextPropsOptions {
  return {
    lang: meta.lang,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italic: true } : {}),
    ...(run.link ? { hyperlink: { url: run.link } } : {}),
  };
}

function tableRows(frame: TableFrame, fonts: FontSet, meta: DeckMeta): PptxGenJS.TableRow[] {
  const { colors } = frame;
  const cell = (
    runs: Run[],
    column: number,
    header: boolean,
    fill: string,
  ): PptxGenJS.TableCell => ({
    text: uprightCjk(runs).map((r) => ({
      text: r.text,
      // Lines spaced exactly as laid out: by default a cell's spacing follows its font, and
      // the CJK face's is taller, so rows of Chinese text would grow past the slide.
      options: {
        ...runOptions(r, meta),
        ...(header ? { bold: true } : {}),
        lineSpacing: frame.lineHeight,
      },
    })),
    options: {
      fontFace: fonts.officeName,
      fontSize: frame.size,
      color: header ? colors.headerText : colors.text,
      fill: { color: fill },
      margin: inches(frame.padding),
      align: frame.align[column] ?? 'left',
      valign: 'top',
      border: { type: 'solid', pt: 0.5, color: colors.rule },
    },
  });
  return [
    frame.header.map((c, column) => cell(c.runs, column, true, colors.header)),
    ...frame.rows.map((row, i) =>
      row.map((c, column) => cell(c.runs, column, false, bodyRowFill(colors, i))),
    ),
  ];
}

function paintChart(
  pptx: PptxGenJS,
  slide: PptxSlide,
  frame: ChartFrame,
  fonts: FontSet,
  style: ChartStyle,
  place: PptxGenJS.PositionProps,
): void {
  const { chart } = frame;
  if (!chart.native) {
    // Not mappable to a native chart: an SVG picture. pptxgenjs cannot rasterize its PNG
    // fallback in Node; normalizePptx replaces it with a real one.
    slide.addImage({
      ...place,
      data: `data:image/svg+xml;base64,${Buffer.from(chart.svg).toString('base64')}`,
      altText: chart.alt,
      objectName: `chart ${chart.name}`,
    });
    return;
  }
  const native = chart.native;
  // pptxgenjs takes scatter data as the X values first, then one entry per Y series. It marks
  // the entries it is given, so each is a copy: the chart is frozen, shared by later builds.
  const series = native.series.map((s) => ({ name: s.name, values: s.values }));
  const data =
    native.type === 'scatter'
      ? [{ name: native.categoryTitle ?? 'x', values: native.labels.map(Number) }, ...series]
      : series.map((s) => ({ ...s, labels: native.labels }));
  slide.addChart(chartType(pptx, native), data, {
    ...place,
    altText: chart.alt,
    objectName: `chart ${chart.name}`,
    ...nativeOptions(native, fonts, style, chartFontSize(frame.box.h)),
  });
}

function chartType(pptx: PptxGenJS, native: NativeChart): PptxGenJS.CHART_NAME {
  const types: Record<NativeChart['type'], PptxGenJS.CHART_NAME> = {
    bar: pptx.ChartType.bar,
    line: pptx.ChartType.line,
    area: pptx.ChartType.area,
    pie: pptx.ChartType.pie,
    doughnut: pptx.ChartType.doughnut,
    scatter: pptx.ChartType.scatter,
  };
  return types[native.type];
}

/**
 * PowerPoint lists bar categories bottom-up; Vega (and readers) expect the first on top.
 * Reversed, the value axis would move to the top, so it crosses at the last category, with
 * its labels beside it. pptxgenjs writes these values as given (its typings list fewer), and
 * writes `catAxisCrossesAt` into the value axis. The category labels go at the low end of
 * the value axis, left of the plot as in Vega: beside the axis at zero (pptxgenjs' default
 * for bars), they were drawn over the bars of negative values.
 */
const topDownBars = {
  catAxisOrientation: 'maxMin' as 'minMax',
  catAxisCrossesAt: 'max' as 'autoZero',
  catAxisLabelPos: 'low',
  valAxisLabelPos: 'nextTo',
} as const;

function nativeOptions(
  native: NativeChart,
  fonts: FontSet,
  style: ChartStyle,
  fontSize: number,
): PptxGenJS.IChartOpts {
  // The same size as Vega's labels in the PDFs.
  const text = { fontFace: fonts.officeName, fontSize, color: style.text };
  const round = native.type === 'pie' || native.type === 'doughnut';
  return {
    barDir: native.direction,
    ...(native.barGap === null ? {} : { barGapWidthPct: native.barGap }),
    ...(native.direction === 'bar' && !round ? topDownBars : {}),
    // Vega's own colours: the series', or each slice's (they follow the colour domain
    // rather than the slice order).
    chartColors: native.colors,
    showValue: native.showValues,
    // Scatter points stand alone; pptxgenjs would join them with a 2 pt line.
    ...(native.type === 'scatter' ? { lineSize: 0 } : {}),
    // pptxgenjs marks every value of a line unless told not to; Vega only when asked.
    lineDataSymbol: native.markers ? 'circle' : 'none',
    lineSmooth: native.smooth,
    // Grouped, as Vega's labels are: 10,000, not 10000.
    dataLabelFormatCode: native.numberFormats.values,
    valAxisLabelFormatCode: native.numberFormats.axis,
    // Vega's ticks, so the axis format's decimals fit each one.
    ...(native.numberFormats.axisStep ? { valAxisMajorUnit: native.numberFormats.axisStep } : {}),
    // Vega's range, so a value axis is cut short (or not) as in the PDF; its low end on one
    // of Vega's ticks (native.ts), where PowerPoint starts counting them.
    ...(native.valueRange
      ? { valAxisMinVal: native.valueRange[0], valAxisMaxVal: native.valueRange[1] }
      : {}),
    // Vega draws no axis, nor its grid, for `"axis": null`.
    catAxisHidden: !native.axes.category,
    valAxisHidden: !native.axes.value,
    // Grid and axis lines in Vega's colours: office apps draw them dark grey by default.
    valGridLine: native.axes.value ? { color: style.grid, size: 1 } : { style: 'none' },
    catAxisLineColor: style.rule,
    valAxisLineColor: style.rule,
    dataLabelFontFace: text.fontFace,
    dataLabelFontSize: text.fontSize,
    dataLabelColor: text.color,
    showLegend: native.legend,
    legendFontFace: text.fontFace,
    // Office's default legend size is smaller than every other label here.
    legendFontSize: text.fontSize,
    // pptxgenjs writes black for text given no colour, unreadable on a dark theme.
    legendColor: text.color,
    catAxisLabelFontFace: text.fontFace,
    catAxisLabelFontSize: text.fontSize,
    catAxisLabelColor: text.color,
    valAxisLabelFontFace: text.fontFace,
    valAxisLabelFontSize: text.fontSize,
    valAxisLabelColor: text.color,
    ...(native.title
      ? {
          showTitle: true,
          title: native.title,
          titleFontFace: text.fontFace,
          titleFontSize: text.fontSize + 2,
          titleColor: text.color,
          titleBold: true,
        }
      : {}),
    ...(native.valueTitle && !round
      ? {
          showValAxisTitle: true,
          valAxisTitle: native.valueTitle,
          valAxisTitleFontFace: text.fontFace,
          valAxisTitleFontSize: text.fontSize,
          valAxisTitleColor: text.color,
        }
      : {}),
    ...(native.categoryTitle && !round
      ? {
          showCatAxisTitle: true,
          catAxisTitle: native.categoryTitle,
          catAxisTitleFontFace: text.fontFace,
          catAxisTitleFontSize: text.fontSize,
          catAxisTitleColor: text.color,
        }
      : {}),
  };
}
