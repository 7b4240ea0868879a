/**
 * Syntax errors of YAML and JSON files, said where the text goes wrong and in the file's own
 * format's words: the YAML parser reads JSON too, but speaks of flow collections, and it
 * notices an unclosed quote only at the end of the file.
 */
import { CST, LineCounter, Parser, type YAMLError } from 'yaml';
import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';

/**
 * JSON is parsed as YAML (for positions), whose messages talk of YAML and flow collections;
 * a JSON syntax error gets JSON's own message, at its line and column.
 */
export function checkJsonSyntax(file: string, text: string): void {
  const json = text.replace(/^\uFEFF/, '');
  try {
    JSON.parse(json);
  } catch (error) {
    const message = (error as Error).message;
    const offset = jsonErrorOffset(json, message);
    const place: Place = { file };
    if (offset !== undefined) {
      const before = json.slice(0, offset).split('\n');
      place.line = before.length;
      place.column = (before.at(-1)?.length ?? 0) + 1;
    }
    // V8 quotes the text around an unexpected token, newlines and all: its name is enough.
    const detail = message
      .replace(/ in JSON at position.*$/s, '')
      .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '');
    throw new BriefkitError({ ...messages.syntax('JSON', detail), place });
  }
}

/** Where a quoted value that never closes begins, as the parser's `linePos`. */
function openQuote(text: string): [{ line: number; col: number }] | undefined {
  const lines = new LineCounter();
  let found: number | undefined;
  const check = (token: CST.Token | undefined) => {
    if (token?.type !== 'double-quoted-scalar' && token?.type !== 'single-quoted-scalar') return;
    const quote = token.source[0] as string;
    const closed =
      token.source.length > 1 &&
      token.source.endsWith(quote) &&
      !/(^|[^\\])(\\\\)*\\"$/.test(token.source);
    if (!closed) found ??= token.offset;
  };
  for (const doc of new Parser(lines.addNewLine).parse(text)) {
    if (doc.type !== 'document') continue;
    check(doc.value);
    CST.visit(doc, (item) => {
      check(item.key ?? undefined);
      check(item.value ?? undefined);
    });
  }
  return found === undefined ? undefined : [lines.linePos(found)];
}

/**
 * Where JSON.parse gave up. V8 states the position, except for an unexpected token (Node 20)
 * or the end of the text; the token is the last character of the shortest prefix of the text
 * that fails before its own end.
 */
function jsonErrorOffset(json: string, message: string): number | undefined {
  const stated = statedPosition(message);
  if (stated !== undefined) return stated;
  if (message.startsWith('Unexpected end')) return json.length;
  if (!message.startsWith('Unexpected token')) return undefined;
  let [fine, failing] = [0, json.length];
  while (failing - fine > 1) {
    const middle = (fine + failing) >> 1;
    if (failsBeforeEnd(json.slice(0, middle))) failing = middle;
    else fine = middle;
  }
  return failing - 1;
}

function statedPosition(message: string): number | undefined {
  const at = /at position (\d+)/.exec(message)?.[1];
  return at === undefined ? undefined : Number(at);
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    const at = statedPosition(message);
    return message.startsWith('Unexpected token') || (at !== undefined && at < prefix.length);
  }
}

export function yamlDiagnostic(file: string, text: string, error: YAMLError) {
  // The parser notices a quote left open only at the end of the file; point at the quote.
  const [start] = (error.code === 'MISSING_CHAR' && openQuote(text)) || error.linePos || [];
  const detail = (error.message.split('\n')[0] ?? error.message).replace(
    / at line \d+, column \d+:?$/,
    '',
  );
  const quoted = error.code === 'BLOCK_AS_IMPLICIT_KEY' && start && quotedLine(text, start);
  return {
    ...(quoted ? messages.yamlColonInText(detail, quoted) : messages.syntax('YAML', detail)),
    place: { file, ...(start ? { line: start.line, column: start.col } : {}) },
  };
}

/**
 * YAML reads a second `: ` in a line (`subtitle: Results: the year`) as a key, and its
 * message ("Nested mappings are not allowed in compact mappings") does not say why: the
 * line as it should be written, its value in quotes, when the error is at that value.
 */
function quotedLine(
  text: string,
  { line, col }: { line: number; col: number },
): string | undefined {
  const written = /^(\s*(?:- )?[^\s:#][^:#]*:\s+)([^"'].*?)\s*$/.exec(
    text.split('\n')[line - 1] ?? '',
  );
  if (!written) return undefined;
  const [, key = '', rest = ''] = written;
  // A comment after the value stays a comment, outside the quotes.
  const [value = '', comment] = rest.split(/\s+(?=#)/, 2);
  if (col !== key.length + 1 || !value.includes(': ')) return undefined;
  return `${key.trim()} ${JSON.stringify(value)}${comment ? `  ${comment}` : ''}`;
}
