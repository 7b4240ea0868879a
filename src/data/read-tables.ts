import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Document, isAlias, isScalar, type LineCounter, parseDocument } from 'yaml';
import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { fileProblems, messages } from '../errors/messages.ts';
import { walkNodes } from './check-nodes.ts';
import type { PathSegment } from './data-path.ts';
import { resolveInside } from './file-inside.ts';
import { dataLimits, failFileSize } from './limits.ts';
import { readCsvTable } from './read-csv.ts';

/** A CSV table that a `!csv FILE` tag puts at a data path. */
export interface MountedTable {
  /** The CSV file, beside the dataset. */
  file: string;
  path: PathSegment[];
  /** The data with the table's rows at `path`. */
  mount(value: unknown): unknown;
  /** Place of a value inside the table, by its path below `path`. */
  locate(path: readonly PathSegment[]): Place;
}

/**
 * Reads the tables a dataset refers to with `!csv FILE`. FILE is relative to the dataset
 * and must stay, after symlinks, inside the dataset's folder: a dataset can never make
 * briefkit read anything else.
 */
export function readTables(file: string, doc: Document, lineCounter: LineCounter): MountedTable[] {
  const tables: MountedTable[] = [];
  for (const { node, path } of walkNodes(doc)) {
    const aliased = isAlias(node) && node.resolve(doc)?.tag === '!csv';
    if (node.tag !== '!csv' && !aliased) continue;
    const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
    const where = { file, line, column: col };
    if (aliased) {
      // The alias would copy the file name, not the table.
      throw new BriefkitError({
        ...messages.dataFile(node.source, 'an alias cannot stand for a !csv table; repeat the tag'),
        place: where,
      });
    }
    if (!isScalar(node) || typeof node.value !== 'string') {
      throw new BriefkitError({
        ...messages.dataFile('!csv', 'the tag takes a file name, e.g. !csv figures.csv'),
        place: where,
      });
    }
    const ref = node.value;
    const tableFile = join(dirname(file), ref);
    const table = readCsvTable(tableFile, readTableFile(file, ref, where));
    tables.push({
      file: tableFile,
      path,
      mount: (value) => setAt(value, path, table.rows),
      locate: table.locate,
    });
  }
  return tables;
}

/**
 * The table files a dataset names with `!csv FILE`, read from its text alone: what a watch
 * waits for after a build that lacked one. A dataset that cannot be read names none.
 */
export function tablesNamed(file: string): string[] {
  try {
    if (statSync(file).size > dataLimits.fileBytes) return [];
    const doc = parseDocument(readFileSync(file, 'utf8'), { resolveKnownTags: false });
    const folder = dirname(file);
    // Only names the build could read: .csv files inside the dataset's folder, there or not yet.
    return [...walkNodes(doc)].flatMap(({ node }) => {
      if (node.tag !== '!csv' || !isScalar(node) || typeof node.value !== 'string') return [];
      const found = resolveInside(folder, node.value);
      const readable = !('problem' in found) || found.problem === 'missing';
      return isTableName(node.value) && readable ? [join(folder, node.value)] : [];
    });
  } catch {
    return [];
  }
}

/** Only .csv files can be tables, and the watch waits for nothing else a failed build lacked. */
function isTableName(path: string): boolean {
  return path.toLowerCase().endsWith('.csv');
}

function readTableFile(dataset: string, ref: string, where: Place): string {
  const refuse = (detail: string): never => {
    throw new BriefkitError({ ...messages.dataFile(ref, detail), place: where });
  };
  if (!isTableName(ref)) refuse('only .csv files can be read as tables');
  const found = resolveInside(dirname(dataset), ref);
  if ('problem' in found) return refuse(fileProblems[found.problem]('the dataset’s folder'));
  if (found.bytes > dataLimits.fileBytes) failFileSize(join(dirname(dataset), ref), found.bytes);
  return readFileSync(found.file, 'utf8');
}

/** Replaces the value at `path` (which the parser has just built, so it exists). */
function setAt(value: unknown, path: readonly PathSegment[], rows: unknown): unknown {
  const parentPath = path.slice(0, -1);
  const last = path.at(-1);
  if (last === undefined) return rows;
  const parent = parentPath.reduce<unknown>(
    (v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : v),
    value,
  );
  if (parent !== null && typeof parent === 'object') {
    Object.defineProperty(parent, last, { value: rows, enumerable: true, writable: true });
  }
  return value;
}
