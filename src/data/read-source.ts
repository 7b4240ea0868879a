import { isNode, LineCounter, parseDocument, type YAMLError } from 'yaml';
import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';

/** A parsed YAML/JSON file that can say where any of its values came from. */
export interface SourceDocument {
  file: string;
  value: unknown;
  /** File position of the value at a data path, or of its nearest existing parent. */
  locate(path: readonly (string | number)[]): Place;
}

export type PathSegment = string | number;

/** `['highlights', 2, 'title']` → `highlights[2].title` */
export function formatDataPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Parses YAML or JSON (a YAML 1.2 subset) with source positions and alias limits. */
export function readSource(file: string, text: string): SourceDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new BriefkitError(doc.errors.map((e) => yamlDiagnostic(file, e)));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new BriefkitError({
      ...messages.syntax('YAML', (error as Error).message),
      place: { file },
    });
  }
  const locate = (path: readonly PathSegment[]): Place => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { file, line, column: col, ...(path.length ? { path: formatDataPath(path) } : {}) };
      }
    }
    return { file, path: formatDataPath(path) };
  };
  return { file, value, locate };
}

function yamlDiagnostic(file: string, error: YAMLError) {
  const [start] = error.linePos ?? [];
  const detail = (error.message.split('\n')[0] ?? error.message).replace(
    / at line \d+, column \d+:?$/,
    '',
  );
  return {
    ...messages.syntax('YAML', detail),
    place: { file, ...(start ? { line: start.line, column: start.col } : {}) },
  };
}
