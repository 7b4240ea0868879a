/**
 * Which template line each line of composed Markdown comes from, for errors found only once
 * the Markdown is parsed (a horizontal rule made by `**{{field}}**` with an empty field).
 * Every line break in composed text is the template's own: data and template strings fold
 * theirs to spaces. So the template is composed once more with each of its line breaks
 * followed by a marker naming the template line that starts there.
 */
import Handlebars from 'handlebars';

/**
 * A marker is a line number between two control characters, which the data cannot hold
 * (literal.ts strips them): a value cannot pass for one.
 */
const mark = (line: number) => `\u0001${line}\u0002`;
/** The markers a line starts with: a line break's, then maybe a text's, which is the nearer. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the markers are control characters.
const MARKERS = /^(?:\u0001\d+\u0002)+/;

/** The template's AST with a line marker before each text and after each of its line breaks. */
export function markTemplateLines(program: hbs.AST.Program): hbs.AST.Program {
  const marker = new Handlebars.Visitor();
  marker.ContentStatement = (node) => {
    if (!node.value) return;
    const original = node.original as unknown as string;
    let line = node.loc.start.line + countBreaks(original.slice(0, valueStart(node)));
    node.value =
      mark(line) +
      node.value.replace(/\n/g, () => {
        line += 1;
        return `\n${mark(line)}`;
      });
  };
  // A line may start with a value: mark each {{value}} with its own line too.
  marker.Program = (node) => {
    Handlebars.Visitor.prototype.Program.call(marker, node);
    node.body = node.body.flatMap((statement) =>
      statement.type === 'MustacheStatement' ? [lineMark(statement.loc), statement] : [statement],
    );
  };
  marker.accept(program);
  return program;
}

function lineMark(loc: hbs.AST.SourceLocation): hbs.AST.ContentStatement {
  const value = mark(loc.start.line);
  return { type: 'ContentStatement', value, original: value as never, loc };
}

/** The template line of each composed line (1-based both), from the marked composition. */
export function templateLines(marked: string): (number | undefined)[] {
  return marked.split('\n').map((text) => {
    const found = MARKERS.exec(text)?.[0].match(/\d+/g)?.at(-1);
    return found ? Number(found) : undefined;
  });
}

/**
 * Where `value` starts in the text the template has: Handlebars strips whitespace next to
 * standalone blocks and `~` from the start, either up to one line break or all of it.
 */
function valueStart(node: hbs.AST.ContentStatement & { rightStripped?: boolean }): number {
  const original = node.original as unknown as string;
  if (!node.rightStripped) return 0;
  const oneLine = /^[ \t]*\r?\n?/.exec(original)?.[0].length ?? 0;
  const allSpace = original.length - original.trimStart().length;
  return /^\s/.test(node.value) ? oneLine : allSpace;
}

function countBreaks(text: string): number {
  return text.split('\n').length - 1;
}
