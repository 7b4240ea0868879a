import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { plainText } from '../model/document.ts';
import { parseMarkdown } from '../model/parse-markdown.ts';

/** What the footer is called while it is composed and parsed, as a template of its own. */
const FOOTER = 'theme footer';

/**
 * The theme's footer template, filled and read as plain text. It is a template inside the
 * theme file, so its problems are placed at `footer:` there; their place in the footer is
 * told in the message.
 */
export function fillFooter(
  footer: string,
  at: Place,
  compose: (text: string, file: string) => string,
): string {
  try {
    const { blocks } = parseMarkdown(compose(footer, FOOTER), { file: FOOTER });
    return blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.runs) : '')).join(' ');
  } catch (error) {
    if (!(error instanceof BriefkitError)) throw error;
    throw error.mapped((d) =>
      d.place?.file === FOOTER ? { ...d, message: inFooter(d.message, d.place), place: at } : d,
    );
  }
}

/** "… got string (at column 4 of the footer)." */
function inFooter(message: string, { line, column }: Place): string {
  const where = [line && line > 1 ? `line ${line}` : '', column ? `column ${column}` : ''];
  const at = where.filter(Boolean).join(', ');
  return at ? message.replace(/\.?$/, (end) => ` (at ${at} of the footer)${end}`) : message;
}
