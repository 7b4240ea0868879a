import {
  type Document,
  isMap,
  isNode,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
} from 'yaml';
import type { Diagnostic, Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { formatDataPath, type PathSegment } from './data-path.ts';
import { checkScalar, dataLimits, listTooLong } from './limits.ts';

export interface NodeAt {
  node: Node;
  path: PathSegment[];
}

/**
 * Every node of a parsed document (aliases too, not their targets) with its data path, in
 * document order, without recursion. Map keys appear in paths as text, as in the data.
 */
export function* walkNodes(doc: Document): Generator<NodeAt> {
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop() as { node: unknown; path: PathSegment[] };
    if (!isNode(node)) continue;
    yield { node, path };
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        stack.push({ node: node.items[i], path: [...path, i] });
      }
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i] as Pair;
        stack.push({ node: pair.value, path: [...path, keyName(pair.key)] });
      }
    }
  }
}

function keyName(key: unknown): string {
  return String(isScalar(key) ? key.value : key);
}

/**
 * Reports long text, long lists, numbers that are not finite or absurdly large, and
 * duplicate keys, each at its line and data path. Duplicate keys are checked here, with a
 * Set, because the parser's own check compares every pair of keys in a map: 40,000 keys
 * took 13 s.
 */
export function checkNodes(file: string, doc: Document, lineCounter: LineCounter): Diagnostic[] {
  const problems: Diagnostic[] = [];
  // JSON is read by the YAML parser, but its writer should hear of JSON.
  const format = /\.json$/i.test(file) ? 'JSON' : 'YAML';
  const at = (node: Node, path: PathSegment[]): Place => {
    const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
    return { file, line, column: col, ...(path.length ? { path: formatDataPath(path) } : {}) };
  };
  for (const { node, path } of walkNodes(doc)) {
    if (isScalar(node)) {
      const problem = checkScalar(node.value);
      if (problem) problems.push({ ...problem, place: at(node, path) });
    } else if (isSeq(node)) {
      if (node.items.length > dataLimits.listLength) {
        problems.push({ ...listTooLong(node.items.length), place: at(node, path) });
      }
    } else if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const { key } of node.items as Pair[]) {
        if (!isScalar(key)) continue;
        if (seen.has(key.value)) {
          const name = keyName(key);
          problems.push({
            ...messages.syntax(format, `Map keys must be unique; "${name}" is repeated.`),
            place: at(key, [...path, name]),
          });
        }
        seen.add(key.value);
      }
    }
  }
  return problems;
}
