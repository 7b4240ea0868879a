import { extname } from 'node:path';
import {
  type Document,
  isAlias,
  isMap,
  isNode,
  isScalar,
  LineCounter,
  parseDocument,
  type ScalarTag,
  visit,
} from 'yaml';
import { deepFreeze } from '../cache/deep-freeze.ts';
import { lazyJsonStore } from '../cache/json-store.ts';
import { LruCache } from '../cache/lru-cache.ts';
import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { checkNodes, walkNodes } from './check-nodes.ts';
import { checkStructure } from './check-structure.ts';
import { formatDataPath, type PathSegment } from './data-path.ts';
import { checkFileSize, checkValue, dataLimits, throwProblems } from './limits.ts';
import { readCsvTable } from './read-csv.ts';
import { readTables } from './read-tables.ts';
import { checkJsonSyntax, yamlDiagnostic } from './syntax-errors.ts';

/** A parsed YAML/JSON file that can say where any of its values came from. */
export interface SourceDocument {
  file: string;
  value: unknown;
  /**
   * File position of the value at a data path, or of its nearest existing parent; with
   * `key`, of the field's name instead (where an unknown field is written).
   */
  locate(path: readonly (string | number)[], at?: 'key'): Place;
  /** The `!csv` table files it read, if any: a change to one changes the data. */
  tables?: readonly string[];
}

export { formatDataPath, type PathSegment };

/** How to read a file, beyond what its format says. */
export interface ReadOptions {
  /**
   * Values under these data paths are the text written wherever YAML would read a number:
   * a theme colour `000000` is six characters, not 0, and `1E5000` is not infinity.
   */
  asWritten?: readonly (readonly PathSegment[])[];
}

/** `figures: !csv figures.csv` reads a table from a CSV file beside the dataset. */
const csvTag: ScalarTag = { tag: '!csv', resolve: (source: string) => source };

/**
 * Parses YAML or JSON (a YAML 1.2 subset) with source positions, or a `.csv` file as a list
 * of records. Size and nesting are checked before parsing; long text and lists, bad numbers,
 * duplicate keys and alias bombs right after, each named at its line and data path.
 */
export function readSource(file: string, text: string, options: ReadOptions = {}): SourceDocument {
  // The same text read with other options is another value.
  const variant = options.asWritten ? JSON.stringify(options.asWritten) : '';
  const key = `${file}\0${variant}\0${text}`;
  const known = parsed.get(key) ?? readStored(file, text, options, variant);
  if (known) {
    parsed.set(key, known);
    return known;
  }
  const { doc, standalone } = parseSource(file, text, options);
  if (standalone) {
    deepFreeze(doc.value);
    parsed.set(key, doc);
    store(file, text, variant, doc.value);
  }
  return doc;
}

/**
 * Documents parsed before, by file and text: watch rebuilds and batch records reread the
 * same template and dataset. Only files that read no other file (no `!csv` table) are kept;
 * values are frozen, since every later build shares them.
 */
const parsed = new LruCache<string, SourceDocument>(32);

/**
 * The same on disk (`parsed` in cacheDir), by format and content, for YAML and JSON (a text
 * that is valid YAML can be invalid JSON): a new process that
 * reads files read before skips the YAML parser and its checks, the larger part of start-up.
 * Positions, needed only to report a problem, come from parsing the text again if asked.
 */
const parsedStore = lazyJsonStore({
  part: 'parsed',
  limit: 1000,
  accept: (entry): entry is { value: unknown } =>
    typeof entry === 'object' && entry !== null && 'value' in entry,
});

/** How a file is read, by its extension: anything but `.csv` and `.json` is YAML. */
export function formatOf(file: string): 'csv' | 'json' | 'yaml' {
  const extension = extname(file).toLowerCase();
  return extension === '.csv' ? 'csv' : extension === '.json' ? 'json' : 'yaml';
}

const isCsv = (file: string) => formatOf(file) === 'csv';
const storeKey = (file: string, text: string, variant: string) =>
  `${formatOf(file)}\0${variant}\0${text}`;

function readStored(
  file: string,
  text: string,
  options: ReadOptions,
  variant: string,
): SourceDocument | null {
  if (isCsv(file)) return null;
  const entry = parsedStore.read(storeKey(file, text, variant));
  if (!entry) return null;
  let reparsed: SourceDocument | undefined;
  const doc: SourceDocument = {
    file,
    value: deepFreeze(entry.value),
    locate: (path, at) => {
      reparsed ??= parseSource(file, text, options).doc;
      return reparsed.locate(path, at);
    },
  };
  // The value passed every check when it was stored; the limits are checked again anyway,
  // since the cache folder is only a folder.
  throwProblems(checkValue(doc.value, doc.locate));
  return doc;
}

function store(file: string, text: string, variant: string, value: unknown): void {
  if (!isCsv(file)) parsedStore.write(storeKey(file, text, variant), { value });
}

function parseSource(
  file: string,
  text: string,
  options: ReadOptions,
): { doc: SourceDocument; standalone: boolean } {
  if (isCsv(file)) {
    const table = readCsvTable(file, text);
    return { doc: { file, value: table.rows, locate: table.locate }, standalone: true };
  }
  checkFileSize(file, text);
  if (formatOf(file) === 'json') checkJsonSyntax(file, text);
  checkStructure(file, text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    // Checked in checkNodes: the parser's own check is quadratic in the keys of a map.
    uniqueKeys: false,
    prettyErrors: true,
    // Data is JSON-like: YAML 1.1 tags such as !!binary, !!set or !!timestamp would make a
    // Uint8Array, Set or Date that nothing downstream expects (!!binary crashed the build).
    resolveKnownTags: false,
    customTags: [csvTag],
  });
  const [error] = doc.errors;
  // Where the text first goes wrong; the parser's later errors mostly follow from it.
  if (error) throw new BriefkitError(yamlDiagnostic(file, text, error));
  for (const path of options.asWritten ?? []) keepWritten(doc.getIn(path, true));
  throwProblems(checkNodes(file, doc, lineCounter));
  let value = toJS(file, doc, lineCounter);
  const tables = readTables(file, doc, lineCounter);
  for (const table of tables) value = table.mount(value);

  const locate = (path: readonly PathSegment[], at?: 'key'): Place => {
    for (const table of tables) {
      if (table.path.every((segment, i) => path[i] === segment)) {
        return table.locate(path.slice(table.path.length));
      }
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node =
        at === 'key' && depth === path.length
          ? keyNode(doc, path)
          : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range && !(depth === 0 && nothingWritten(node))) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { file, line, column: col, ...(path.length ? { path: formatDataPath(path) } : {}) };
      }
    }
    return { file, path: formatDataPath(path) };
  };
  // Aliases nest their anchors' values: seven anchors of 95 levels each make a value 665
  // deep from a file that passed the nesting check. Check the value itself.
  if (text.includes('*')) throwProblems(checkValue(value, locate));
  if (!tables.length) return { doc: { file, value, locate }, standalone: true };
  return { doc: { file, value, locate, tables: tables.map((t) => t.file) }, standalone: false };
}

/** A document of a marker alone (`---`): YAML reads null there, where nothing is written. */
function nothingWritten(node: unknown): boolean {
  return isScalar(node) && node.value === null && !node.source;
}

/** Turns every number in `node` (a value, not a map key) back into the text it was read from. */
function keepWritten(node: unknown): void {
  if (!isNode(node)) return;
  visit(node, {
    Scalar(key, scalar) {
      if (key !== 'key' && typeof scalar.value === 'number' && scalar.source !== undefined) {
        scalar.value = scalar.source;
      }
    },
  });
}

/** The node of a field's name: `path`'s last segment as a key of the map it ends in. */
function keyNode(doc: Document, path: readonly PathSegment[]): unknown {
  const map = doc.getIn(path.slice(0, -1), true);
  const name = path.at(-1);
  return isMap(map)
    ? map.items.find((pair) => isScalar(pair.key) && pair.key.value === name)?.key
    : undefined;
}

function toJS(file: string, doc: Document, lineCounter: LineCounter): unknown {
  try {
    return doc.toJS({ maxAliasCount: dataLimits.aliasCount });
  } catch (error) {
    const detail = (error as Error).message;
    if (!/alias/i.test(detail)) {
      throw new BriefkitError({ ...messages.syntax('YAML', detail), place: { file } });
    }
    // The parser does not say which alias; the first one is where the expansion starts.
    const first = [...walkNodes(doc)].find((n) => isAlias(n.node));
    const start = first?.node.range?.[0];
    const position = start === undefined ? undefined : lineCounter.linePos(start);
    throw new BriefkitError({
      ...messages.dataLimit(
        `Aliases (*name) expand to more than ${dataLimits.aliasCount} copies of their anchors.`,
        'Repeat the values instead of nesting aliases; this is how "billion laughs" files exhaust memory.',
      ),
      place: { file, ...(position ? { line: position.line, column: position.col } : {}) },
    });
  }
}
