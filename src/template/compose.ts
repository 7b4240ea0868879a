import Handlebars from 'handlebars';
import { lazyJsonStore, readOrMake, textEntry } from '../cache/json-store.ts';
import { LruCache } from '../cache/lru-cache.ts';
import { BriefkitError } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { createHelpers, type HelperContext, helperNames } from './helpers.ts';
import { markTemplateLines, templateLines } from './template-lines.ts';

export interface TemplateSource {
  file: string;
  text: string;
}

const knownHelpers = Object.fromEntries(helperNames.map((name) => [name, true]));
/** Handlebars' block and lookup helpers that templates may use (briefkit replaces two). */
const builtInHelpers = ['if', 'unless', 'each', 'with', 'lookup'];
const ownHelpers = helperNames.filter((name) => !builtInHelpers.includes(name));
const compileOptions = { strict: true, knownHelpersOnly: true, knownHelpers, noEscape: true };

/**
 * Fills a Markdown template with literal (escaped) data. Strict mode makes a missing
 * variable an error; knownHelpersOnly makes an unknown helper a compile error.
 */
export function composeMarkdown(
  template: TemplateSource,
  data: unknown,
  ctx: HelperContext,
): string {
  try {
    return compiled(template.text)(data, { helpers: locatedHelpers(template.file, ctx) });
  } catch (error) {
    if (error instanceof BriefkitError) throw error;
    throw templateError(template.file, error as Error);
  }
}

/**
 * For each line composeMarkdown gives, the template line it starts on, when known. Composes
 * once more, so only for an error found in the composed Markdown.
 */
export function composedLineSources(
  template: TemplateSource,
  data: unknown,
  ctx: HelperContext,
): (number | undefined)[] {
  const render = hb.compile(markTemplateLines(hb.parse(template.text)), compileOptions);
  return templateLines(render(data, { helpers: locatedHelpers(template.file, ctx) }));
}

/** Helpers whose errors carry the template position Handlebars hands them in `options.loc`. */
function locatedHelpers(file: string, ctx: HelperContext) {
  const wrap =
    (helper: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      try {
        return helper(...args);
      } catch (error) {
        if (!(error instanceof BriefkitError)) throw error;
        const loc = (args.at(-1) as { loc?: { start: { line: number; column: number } } }).loc;
        const place = {
          file,
          ...(loc ? { line: loc.start.line, column: loc.start.column + 1 } : {}),
        };
        // A helper inside a block ({{#each}}) has already named its own place.
        throw new BriefkitError(error.diagnostics.map((d) => ({ ...d, place: d.place ?? place })));
      }
    };
  return Object.fromEntries(Object.entries(createHelpers(ctx)).map(([name, h]) => [name, wrap(h)]));
}

const hb = Handlebars.create();
// Handlebars' own `log` printed the data it was given to the console, mid-build.
hb.registerHelper('log', () => {
  throw new Error('"log" is not one of briefkit’s helpers');
});
const cache = new LruCache<string, HandlebarsTemplateDelegate>(32);

/** Compiled once per template text: rebuilds in watch mode and batches skip the compiler. */
function compiled(text: string): HandlebarsTemplateDelegate {
  let render = cache.get(text);
  if (!render) {
    render = hb.template(templateSpec(text));
    cache.set(text, render);
  }
  return render;
}

/**
 * Handlebars' compiler output, kept on disk (`templates` in cacheDir) by template text: it
 * takes the compiler about 50 ms in a new process to write what then loads in 3.
 */
const specStore = lazyJsonStore({
  part: 'templates',
  limit: 200,
  accept: textEntry('spec'),
});

function templateSpec(text: string): TemplateSpecification {
  const { spec } = readOrMake(specStore, text, () => ({
    // Typed as a TemplateSpecification, precompile() returns the code that makes one.
    spec: hb.precompile(text, compileOptions) as unknown as string,
  }));
  // What Handlebars' own compile() does with the code it writes.
  return new Function(`return ${spec}`)() as TemplateSpecification;
}

/** Handlebars reports places as "Parse error on line 5" or "… - 5:12"; keep them. */
function templateError(file: string, error: Error): BriefkitError {
  const text = error.message;
  const parse = /Parse error on line (\d+)/.exec(text);
  const runtime = / - (\d+):(\d+)$/.exec(text);
  const line = Number(parse?.[1] ?? runtime?.[1] ?? Number.NaN);
  const column = runtime ? Number(runtime[2]) + 1 : undefined;
  const place = {
    file,
    ...(Number.isFinite(line) ? { line } : {}),
    ...(column ? { column } : {}),
  };
  // Handlebars words it for its options ("You specified knownHelpersOnly, but used …").
  const helper = /used the unknown helper (\S+)/.exec(text)?.[1];
  if (helper) {
    return new BriefkitError({
      ...messages.unknownHelper(helper, ownHelpers, builtInHelpers),
      place,
    });
  }
  // A parse error's first line only names the line; what was expected is on its last.
  const lines = text.split('\n');
  const detail = parse
    ? `cannot parse: ${lines.at(-1)}`
    : lines[0]?.replace(/ - \d+:\d+$/, '').replace(/ in \[object Object\]/, '');
  return new BriefkitError({
    ...messages.template(
      detail ?? text,
      parse ? 'Check that every {{#block}} is closed by a matching {{/block}}.' : undefined,
    ),
    place,
  });
}
