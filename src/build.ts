/**
 * The build pipeline. Data flows one way:
 *
 *   1. read the template folder (manifest, theme, schema, templates, chart specs)
 *   2. read the dataset and validate it against the template's schema
 *   3. compose: Handlebars fills the Markdown templates with literal (escaped) data
 *   4. parse the Markdown into the document model (Deck, Summary)
 *   5. lay out slides and summary pages with real font metrics, rendering charts on demand
 *   6. paint: PPTX (pptxgenjs, then normalised), summary PDF, slides PDF, handout PDF
 *   7. write all outputs atomically
 *   8. write what later builds can reuse to the cache folder (after the build, off its path)
 */
import { join, resolve } from 'node:path';
import { writeCacheEntriesSoon } from './cache/json-store.ts';
import { createChartRenderer } from './charts/chart-cache.ts';
import { guardSpec } from './charts/guard-spec.ts';
import { longestField } from './data/longest-field.ts';
import { type DataRecord, mergeRecord } from './data/merge-record.ts';
import { unknownSourceWarnings } from './data/source-keys.ts';
import { validateAgainst } from './data/validate.ts';
import { BriefkitError, type Diagnostic } from './errors/briefkit-error.ts';
import { messages } from './errors/messages.ts';
import { contrastWarnings } from './layout/contrast.ts';
import { coverageWarnings, drawnText } from './layout/coverage.ts';
import { crowdedChartWarnings } from './layout/crowded-charts.ts';
import { flowSummary, type Paper, paperSizes } from './layout/flow-summary.ts';
import { type FontSet, loadFontSet } from './layout/fonts.ts';
import type { DeckLayout, PagedLayout } from './layout/frames.ts';
import { type HandoutSize, handoutSizes, layoutHandout } from './layout/handout.ts';
import { layoutDeck } from './layout/layout-deck.ts';
import { paperTheme } from './layout/readable-color.ts';
import type { Block, Deck } from './model/document.ts';
import { parseDeck } from './model/parse-deck.ts';
import { parseMarkdown } from './model/parse-markdown.ts';
import { writeOutputs } from './output/write-outputs.ts';
import { composedLineSources, composeMarkdown, type TemplateSource } from './template/compose.ts';
import { dataLinks, dataPlaces } from './template/data-links.ts';
import { fillFooter } from './template/footer.ts';
import type { HelperContext } from './template/helpers.ts';
import { cleanData, escapeMarkdown, mapStrings, toLiteralData } from './template/literal.ts';
import { type ImageAsset, readImage, readImages } from './template/read-images.ts';
import { readDocument, readTemplate, type TemplateBundle } from './template/read-template.ts';
import { type ReportInfo, reportInfo } from './template/report-info.ts';
import {
  continuedLabel,
  englishStringsWarning,
  pageLabeller,
  stringsFor,
} from './template/strings.ts';
import type { Theme } from './template/theme.ts';

/**
 * Every option may be left out or be undefined (as `process.env.X` or an unset flag is):
 * either way its default applies.
 */
export interface BuildOptions {
  /** Dataset file (YAML or JSON). Default: the sample dataset. */
  data?: string | undefined;
  /** Template folder. Default: the sample template. */
  template?: string | undefined;
  /** Output folder. Default: `output`. */
  out?: string | undefined;
  /** Paper for the summary. Default: A4. */
  paper?: Paper | undefined;
  /** Slides per handout page: 2, 3 (with lines for notes; the default) or 6. */
  handout?: HandoutSize | undefined;
  /** Print speaker notes in the handout (3 a page). */
  handoutNotes?: boolean | undefined;
  /** Which files to write; all four by default. */
  outputs?: readonly OutputKind[] | undefined;
  /** A batch record whose fields are merged over the dataset's top level. */
  record?: DataRecord | undefined;
  /** Value of SOURCE_DATE_EPOCH, used when the dataset has no report date (checked whenever set). */
  sourceDateEpoch?: string | undefined;
}

export interface BuildResult {
  files: string[];
  warnings: Diagnostic[];
  /** What the build read (see Compiled); watch rebuilds when any of it changes. */
  inputs: string[];
}

const projectRoot = resolve(import.meta.dirname, '..');

export const defaults = {
  data: join(projectRoot, 'data', 'space-station-2025.yaml'),
  template: join(projectRoot, 'templates', 'briefing'),
  out: 'output',
};

export type OutputKind = 'pptx' | 'summary' | 'slides' | 'handout';

/**
 * Each output: its file name and painter. A new kind does not compile until it is here.
 * Painters load on first use, so input errors are reported before pdfkit and pptxgenjs load.
 */
const painters: Record<
  OutputKind,
  { file: string; paint: (c: Compiled, o: BuildOptions) => Promise<Uint8Array> }
> = {
  pptx: {
    file: 'briefing.pptx',
    paint: async (c) =>
      (await import('./render/pptx/paint-pptx.ts')).paintPptx(c.deck, c.fonts, pdfMeta(c), {
        date: c.report.date,
        // resvg loads only for decks with SVG pictures.
        rasterize: async (svg) =>
          (await import('./charts/rasterize.ts')).rasterizeSvg(
            svg,
            c.fonts,
            c.theme.colors.background,
          ),
        eastAsianFont: c.fonts.eastAsianName,
      }),
  },
  summary: {
    file: 'summary.pdf',
    paint: async (c) =>
      (await import('./render/pdf/paint-summary.ts')).paintSummary(c.summary, c.fonts, pdfMeta(c)),
  },
  slides: {
    file: 'slides.pdf',
    paint: async (c) =>
      (await import('./render/pdf/paint-slides.ts')).paintSlides(c.deck, c.fonts, pdfMeta(c)),
  },
  handout: {
    file: 'handout.pdf',
    paint: async (c, options) => {
      // The slides keep their colours; the page around them is printed paper.
      const { muted, text } = c.paper.colors;
      return (await import('./render/pdf/paint-handout.ts')).paintHandout(
        c.deck,
        layoutHandout(
          c.deck.slides.length,
          c.deck,
          paperSizes[options.paper ?? 'a4'],
          options.handout ?? 3,
        ),
        c.fonts,
        pdfMeta(c),
        {
          notes: options.handoutNotes === true,
          ruleColor: muted,
          textColor: text,
          pageLabel: c.pageLabel,
        },
      );
    },
  },
};

const outputKinds = Object.keys(painters) as OutputKind[];

/** The options that take one of a few values; `outputs` takes a list of them. */
const choices = {
  paper: Object.keys(paperSizes) as Paper[],
  handout: handoutSizes,
  outputs: outputKinds,
  handoutNotes: [true, false],
} as const;

/**
 * TypeScript checks these options, but JavaScript callers get no such check: a value
 * outside the choices would fail deep in layout or painting as a TypeError, or (a handout
 * of 4) quietly make something else. An empty `outputs` would write nothing, surely not
 * what was meant.
 */
function checkChoices(options: BuildOptions): void {
  const problems = Object.entries(choices).flatMap(([name, allowed]) => {
    const value: unknown = options[name as keyof typeof choices];
    if (value === undefined) return [];
    const list = name === 'outputs';
    const values: unknown[] = !list ? [value] : Array.isArray(value) ? value : [];
    const known = values.length > 0 && values.every((v) => (allowed as unknown[]).includes(v));
    return known ? [] : [messages.buildOption(name, value, allowed, list)];
  });
  if (options.handoutNotes === true && (options.handout ?? 3) !== 3)
    problems.push(messages.handoutNotesNeedThree(options.handout));
  if (problems.length) throw new BriefkitError(problems);
}

function pdfMeta({ report }: Compiled) {
  return { title: report.title, author: report.author, lang: report.locale, date: report.date };
}

export function build(options: BuildOptions = {}): Promise<BuildResult> {
  return buildWith(options);
}

/**
 * `build`, given the template folder already read (`readTemplate` of `options.template`): a
 * batch's records share one template, which each worker reads once.
 */
export async function buildWith(
  options: BuildOptions,
  template?: TemplateBundle,
): Promise<BuildResult> {
  try {
    const compiled = await compile(options, template);
    // 6. Paint the outputs asked for.
    const files = [];
    for (const kind of options.outputs ?? outputKinds) {
      const painter = painters[kind];
      files.push({ name: painter.file, bytes: await painter.paint(compiled, options) });
    }
    // 7. Write, all or nothing.
    const written = writeOutputs(options.out ?? defaults.out, files);
    return { files: written, warnings: compiled.warnings, inputs: compiled.inputs };
  } finally {
    // 8. Then what later builds can reuse goes to the cache folder, once this one is done.
    writeCacheEntriesSoon();
  }
}

/** Checks data, templates and charts (everything up to painting) and writes nothing. */
export async function validate(options: BuildOptions = {}): Promise<{ warnings: Diagnostic[] }> {
  const { warnings } = await compile(options);
  return { warnings };
}

/** Everything a build knows before painting: the laid-out deck and summary. */
export interface Compiled {
  report: ReportInfo;
  theme: Theme;
  /** The theme as printed on white paper (readable-color.ts): the summary and handout pages. */
  paper: Theme;
  pageLabel: (page: number, pages: number) => string;
  fonts: FontSet;
  deck: DeckLayout;
  summary: PagedLayout;
  warnings: Diagnostic[];
  /**
   * Absolute paths of what was read: the dataset, its `!csv` tables, and the template folder,
   * which holds every template file, chart spec and picture a build may read.
   */
  inputs: string[];
}

/**
 * Steps 1–5: read, validate, compose, parse and lay out. Reads inputs (the template folder
 * unless given it read); writes nothing.
 */
export async function compile(
  options: BuildOptions = {},
  read?: TemplateBundle,
): Promise<Compiled> {
  checkChoices(options);
  // 1–2. Read and validate.
  const templateDir = options.template ?? defaults.template;
  const template = read ?? readTemplate(templateDir);
  const file = readDocument(options.data ?? defaults.data, 'dataset');
  const source = options.record ? mergeRecord(file, options.record) : file;
  validateAgainst(source, template.dataSchema);
  // Cleaned once, here: report info, charts and compose all read this copy.
  const cleaned = cleanData(source.value);
  const data = cleaned.value as Record<string, unknown>;
  const report = reportInfo(data, options.sourceDateEpoch, source.locate);

  // 3. Compose Markdown from literal data.
  const placeLocale = () => source.locate(['report', 'locale']);
  const strings = stringsFor(template.strings, report.locale, placeLocale);
  const pageLabel = pageLabeller(strings);
  const literal = toLiteralData(data) as Record<string, unknown>;
  // Template strings are the template's own text: escaped too, but their spacing is kept.
  const context = { ...literal, t: mapStrings(strings, escapeMarkdown) };
  const placeInData = dataPlaces(literal, source.locate);
  const links = dataLinks(placeInData);
  const helperContext: HelperContext = {
    locale: report.locale,
    sources: (literal.sources as HelperContext['sources'] | undefined) ?? {},
    refusedLink: (url, paths, value) => links.note(url, paths, value),
    placeInData,
  };
  const compose = (text: string, file: string) =>
    composeMarkdown({ file, text }, context, helperContext);

  // 4. Parse into the document model.
  // An error found in composed Markdown names the template line it came from, or for a link
  // from the data, the data field.
  const templateLine = (source: TemplateSource) => (line: number) =>
    composedLineSources(source, context, helperContext)[line - 1];
  const deckText = compose(template.deck.text, template.deck.file);
  const deck = links.placed(() =>
    parseDeck(deckText, template.deck.file, templateLine(template.deck)),
  );
  const summaryText = compose(template.summary.text, template.summary.file);
  const summary = links.placed(() =>
    parseMarkdown(summaryText, { file: template.summary.file }, templateLine(template.summary)),
  );
  const footer = fillFooter(template.theme.footer ?? '', template.footerPlace, compose);

  // Every chart and picture is checked now, before fonts and Vega load: bad ones fail fast.
  const blocks = [...deck.slides.flatMap((s) => s.blocks), ...summary.blocks];
  checkCharts(template, deck, summary.blocks);
  const images = readImages(template.dir, imageSources(blocks), template.deck.file);
  const { logo: logoSrc } = template.theme;
  const logo = logoSrc ? readImage(template.dir, logoSrc, template.themeFile) : null;

  // 5. Lay out, rendering charts as layouts ask for them.
  const fonts = loadFontSet(template.theme.font);
  const charts = (theme: Theme) =>
    createChartRenderer(template, {
      data,
      fonts,
      theme,
      locale: report.locale,
      strings,
      locateData: source.locate,
    });
  const paper = paperTheme(template.theme);
  const image = (src: string) => images.get(src) as ImageAsset;
  const deckLayout = await layoutDeck(deck, {
    theme: template.theme,
    fonts,
    logo,
    footer,
    chart: charts(template.theme),
    image,
    continued: continuedLabel(strings),
    dataField: longestField(data, source.locate),
  });
  const summaryLayout = await flowSummary(
    { blocks: summary.blocks },
    {
      theme: paper,
      fonts,
      paper: options.paper ?? 'a4',
      header: report.title,
      pageLabel,
      chart: charts(paper),
      image,
      logo,
    },
  );

  const pages = [
    ...deckLayout.slides.map((s) => ({
      ...s,
      name: `slide ${s.number}`,
      theme: template.theme,
      slide: true,
    })),
    ...summaryLayout.pages.map((frames, i) => ({
      name: `summary page ${i + 1}`,
      background: paper.colors.background,
      frames,
      theme: paper,
      slide: false,
    })),
  ];
  return {
    report,
    theme: template.theme,
    paper,
    pageLabel,
    fonts,
    deck: deckLayout,
    summary: summaryLayout,
    warnings: [
      ...cleaned.warnings,
      // The dataset's own fields: a batch record's columns are not keys (`source: Parent survey`).
      ...unknownSourceWarnings(file.value, file.locate),
      ...englishStringsWarning(template.strings, report.locale, placeLocale),
      ...coverageWarnings(
        data,
        template,
        strings,
        fonts,
        drawnText(
          pages.map((page) => page.frames),
          deckLayout.slides.map((slide) => slide.notes),
        ),
        { tag: report.locale, place: placeLocale },
      ),
      ...contrastWarnings(pages, template.themeFile),
      ...crowdedChartWarnings(pages, (chart) => template.charts.get(chart)?.file ?? template.dir),
    ],
    inputs: [file.file, ...(file.tables ?? []), templateDir].map((path) => resolve(path)),
  };
}

function imageSources(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'image' ? [b.src] : []));
}

/** Unknown chart names fail at their slide; every spec used passes the guard. */
function checkCharts(template: TemplateBundle, deck: Deck, summary: readonly Block[]): void {
  const uses = [
    ...deck.slides.flatMap((slide) =>
      slide.blocks.map((block) => ({
        block,
        place: slide.place,
      })),
    ),
    ...summary.map((block) => ({ block, place: { file: template.summary.file } })),
  ];
  for (const { block, place } of uses) {
    if (block.kind !== 'chart') continue;
    const spec = template.charts.get(block.name);
    if (!spec)
      throw new BriefkitError({
        ...messages.unknownChart(block.name, [...template.charts.keys()]),
        place,
      });
    guardSpec(spec);
  }
}
