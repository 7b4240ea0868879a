import { Lexer } from 'yaml';
import { BriefkitError } from '../errors/briefkit-error.ts';
import { dataLimits, failLimit, tooDeep } from './limits.ts';

/**
 * Runs the YAML lexer (the parser's own tokenizer, so quotes, comments and block scalars are
 * read exactly as the parser reads them) and stops at the first token past the limits. Flow
 * nesting (`[`, `{`) is counted exactly; block nesting is estimated from indentation, which
 * can under-count a list written at its parent key's indentation by one level per pair of
 * levels, well inside the parser's margin.
 */
export function checkStructure(file: string, text: string): void {
  let line = 1;
  let column = 0;
  let flow = 0;
  let tokens = 0;
  /** Columns of the open block collections. */
  const indents: number[] = [];
  let lineStart = true;
  let afterIndicator = false;

  for (const token of new Lexer().lex(text)) {
    if (++tokens > dataLimits.tokens) {
      failLimit(
        { file, line, column: column + 1 },
        `The file has more than ${dataLimits.tokens.toLocaleString('en-US')} YAML tokens (keys, values, punctuation and line breaks); reading it would take too long.`,
        'Put large tables in a CSV file and refer to it with !csv FILE.csv.',
      );
    }
    switch (token) {
      case '\n':
      case '\r\n':
        line++;
        column = 0;
        lineStart = true;
        afterIndicator = false;
        continue;
      case '\x02': // document start marker (zero width)
      case '\x1f': // a scalar follows (zero width)
      case '\x18': // flow collection ended by an error (zero width)
        continue;
      case '---': // a new document: its nesting starts afresh
        indents.length = 0;
        column += token.length;
        continue;
    }
    const first = token.charCodeAt(0);
    const isSpace = first === 0x20 || first === 0x09;
    const isComment = first === 0x23; // '#'
    if (!isSpace && !isComment) {
      if (flow === 0 && (lineStart || afterIndicator)) {
        while (indents.length && (indents.at(-1) as number) >= column) indents.pop();
        indents.push(column);
      }
      if (token === '[' || token === '{') flow++;
      else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
      if (indents.length + flow > dataLimits.depth) {
        throw new BriefkitError({ ...tooDeep(), place: { file, line, column: column + 1 } });
      }
      lineStart = false;
      afterIndicator = flow === 0 && (token === '-' || token === '?' || token === ':');
    }
    const lastBreak = token.lastIndexOf('\n');
    if (lastBreak < 0) {
      column += token.length;
    } else {
      for (let i = token.indexOf('\n'); i >= 0; i = token.indexOf('\n', i + 1)) line++;
      column = token.length - lastBreak - 1;
    }
  }
}
