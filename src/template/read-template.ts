import { readdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltinSchema } from '../data/builtin-schemas.ts';
import { pathWhere } from '../data/data-path.ts';
import { resolveInside } from '../data/file-inside.ts';
import { dataLimits, failFileSize } from '../data/limits.ts';
import { UnsupportedPattern } from '../data/linear-pattern.ts';
import {
  type PathSegment,
  type ReadOptions,
  readSource,
  type SourceDocument,
} from '../data/read-source.ts';
import { compileSchema, validateAgainst } from '../data/validate.ts';
import { fail, type Place } from '../errors/briefkit-error.ts';
import { displayPath } from '../errors/display-path.ts';
import { fileProblems, messages } from '../errors/messages.ts';
import type { TemplateSource } from './compose.ts';
import type { StringTable } from './strings.ts';
import { type Theme, themeReadOptions } from './theme.ts';

export interface ChartSpecSource {
  name: string;
  file: string;
  spec: Record<string, unknown>;
  /** Where a part of the spec is written in its file. */
  locate?: SourceDocument['locate'];
}

/** Where a part of a chart spec is written: always its file, and its line when known. */
export function placeInSpec(chart: ChartSpecSource, path: readonly PathSegment[]): Place {
  return { ...chart.locate?.(path), file: chart.file };
}

/** Everything a template folder holds, read and checked; nothing rendered yet. */
export interface TemplateBundle {
  dir: string;
  name: string;
  dataSchema: object;
  theme: Theme;
  /** The theme's file, as messages name it. */
  themeFile: string;
  /** Where the theme file writes its footer template. */
  footerPlace: Place;
  deck: TemplateSource;
  summary: TemplateSource;
  charts: Map<string, ChartSpecSource>;
  /** Template strings per locale, from the manifest's `strings` file. */
  strings: StringTable;
}

interface Manifest {
  name: string;
  schema: string;
  theme: string;
  outputs: { deck: string; summary: string };
  strings?: string;
}

const CHART_FILE = /^([a-z0-9][a-z0-9-]*)\.vl\.json$/;

export function readTemplate(dir: string): TemplateBundle {
  const manifestDoc = readDocument(insideTemplate(dir, 'template.yaml'), 'template manifest');
  validateAgainst(manifestDoc, 'manifest');
  const manifest = manifestDoc.value as Manifest;
  // A file the manifest names but the folder lacks is reported at its line in template.yaml.
  const named = (path: readonly string[], name: string, what: string) =>
    insideTemplate(dir, name, () =>
      fail({ ...messages.namedFileMissing(name, what), place: manifestDoc.locate(path) }),
    );
  const themeFile = named(['theme'], manifest.theme, 'theme');
  const { deck, summary } = manifest.outputs;
  const theme = readChecked(themeFile, 'theme', 'theme', themeReadOptions);
  return {
    dir,
    name: manifest.name,
    dataSchema: readDataSchema(named(['schema'], manifest.schema, 'data schema')),
    theme: withDefaults(theme.value as Theme),
    themeFile: displayPath(themeFile),
    footerPlace: { ...theme.locate(['footer']), path: 'footer' },
    deck: readTemplateSource(named(['outputs', 'deck'], deck, 'deck template')),
    summary: readTemplateSource(named(['outputs', 'summary'], summary, 'summary template')),
    charts: readCharts(dir),
    strings: manifest.strings
      ? readStrings(named(['strings'], manifest.strings, 'template strings'))
      : {},
  };
}

/**
 * The path of a file the template names. A template reads only regular files inside its own
 * folder, after symlinks: a template from elsewhere must not copy other files into its
 * outputs, or hang the build on a FIFO. A missing file is reported by `missing`, if given,
 * else left for readText to report.
 */
function insideTemplate(dir: string, name: string, missing?: () => never): string {
  const path = join(dir, name);
  const found = resolveInside(dir, name);
  if ('problem' in found && found.problem === 'missing') missing?.();
  if ('problem' in found && found.problem !== 'missing') {
    fail({
      ...messages.templateFile(
        displayPath(path),
        fileProblems[found.problem]('the template folder'),
      ),
      place: { file: displayPath(path) },
    });
  }
  return path;
}

function withDefaults(theme: Theme): Theme {
  return { ...theme, slide: { aspect: theme.slide?.aspect ?? '16:9' } };
}

/** Reads a UTF-8 input file, refusing one over the size limit before reading any of it. */
export function readText(file: string, what: string): string {
  const place = { file: displayPath(file) };
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch {
    fail({ ...messages.fileNotFound(displayPath(file), what), place });
  }
  if (!stat.isFile()) fail({ ...messages.notRegularFile(displayPath(file), what), place });
  const { size } = stat;
  if (size > dataLimits.fileBytes) failFileSize(displayPath(file), size);
  // A byte-order mark (Notepad writes one) is no text: it shifted every column on line 1.
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}

export function readDocument(file: string, what: string, options?: ReadOptions): SourceDocument {
  return readSource(displayPath(file), readText(file, what), options);
}

function readChecked(
  file: string,
  what: string,
  schema: BuiltinSchema,
  options?: ReadOptions,
): SourceDocument {
  const doc = readDocument(file, what, options);
  validateAgainst(doc, schema);
  return doc;
}

/**
 * The template's data schema: valid JSON Schema, and one Ajv can compile. A `$ref` it cannot
 * resolve or a `pattern` that is no regular expression passes the meta-schema.
 */
function readDataSchema(file: string): object {
  const doc = readChecked(file, 'data schema', 'meta');
  const schema = doc.value as object;
  try {
    compileSchema(schema);
  } catch (error) {
    if (error instanceof UnsupportedPattern) {
      fail({
        ...messages.unsupportedPattern(error.pattern, error.reason, error.isRegExp),
        place: placePattern(doc, error.pattern),
      });
    }
    fail({
      ...messages.schema(`The data schema cannot be used: ${(error as Error).message}.`),
      place: { file: displayPath(file) },
    });
  }
  return schema;
}

/** Where the schema writes a pattern: as a `pattern` value, or a `patternProperties` key. */
function placePattern(doc: SourceDocument, pattern: string): Place {
  const path = pathWhere(
    doc.value,
    (key, child) =>
      (key === 'pattern' && child === pattern) ||
      (key === 'patternProperties' && Object.hasOwn(Object(child), pattern)),
  );
  if (!path) return { file: doc.file };
  return path.at(-1) === 'pattern' ? doc.locate(path) : doc.locate([...path, pattern], 'key');
}

function readStrings(file: string): StringTable {
  return readChecked(file, 'template strings', 'strings').value as StringTable;
}

function readTemplateSource(file: string): TemplateSource {
  return { file: displayPath(file), text: readText(file, 'template') };
}

function readCharts(templateDir: string): Map<string, ChartSpecSource> {
  const charts = new Map<string, ChartSpecSource>();
  let names: string[];
  try {
    names = readdirSync(join(templateDir, 'charts')).sort();
  } catch {
    return charts;
  }
  for (const fileName of names) {
    const name = CHART_FILE.exec(fileName)?.[1];
    if (!name) continue;
    const doc = readDocument(insideTemplate(templateDir, join('charts', fileName)), 'chart spec');
    if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) {
      fail({
        ...messages.chartCompile(name, 'the spec must be a JSON object.'),
        place: { file: doc.file },
      });
    }
    charts.set(name, {
      name,
      file: doc.file,
      spec: doc.value as Record<string, unknown>,
      locate: doc.locate,
    });
  }
  return charts;
}
