import Handlebars from 'handlebars';
import { lazyJsonStore, readOrMake, textEntry } from '../cache/json-store.ts';
import { LruCache } from '../cache/lru-cache.ts';
import { BriefkitError, type Place } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { createHelpers, type Helper, type HelperContext, helperNames } from './helpers.ts';
import { markTemplateLines, templateLines } from './template-lines.ts';

export interface TemplateSource {
  file: string;
  text: string;
}

const knownHelpers = Object.fromEntries(helperNames.map((name) => [name, true]));
/** Handlebars' block and lookup helpers that templates may use (briefkit replaces two). */
const builtInHelpers = ['if', 'unless', 'each', 'with', 'lookup'];
const ownHelpers = helperNames.filter((name) => !builtInHelpers.includes(name));
/** trackIds: helpers learn the data path of their arguments, to name it in their errors. */
const compileOptions = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers,
  noEscape: true,
  trackIds: true,
};

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
    return compiled(template)(data, { helpers: locatedHelpers(template, ctx) });
  } catch (error) {
    if (error instanceof BriefkitError) throw error;
    throw templateError(template, error as Error);
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
  return templateLines(render(data, { helpers: locatedHelpers(template, ctx) }));
}

/**
 * Helpers whose errors carry the template position Handlebars hands them in `options.loc`:
 * briefkit's own, and Handlebars' block helpers, whose complaints (`{{#if}}` with no
 * argument) name no place of their own.
 */
function locatedHelpers(template: TemplateSource, ctx: HelperContext) {
  const wrap = (helper: Helper): Helper =>
    function (this: unknown, ...args) {
      try {
        return helper.apply(this, args);
      } catch (error) {
        const found = asBriefkitError(template, error);
        const loc = (args.at(-1) as { loc?: { start: { line: number; column: number } } }).loc;
        const place = {
          file: template.file,
          ...(loc ? { line: loc.start.line, column: loc.start.column + 1 } : {}),
        };
        // A place of its own: a helper inside a block ({{#each}}) names its line, md a field.
        const placed = (p?: Place): p is Place => p?.line !== undefined || p?.path !== undefined;
        throw found.mapped((d) => ({ ...d, place: placed(d.place) ? d.place : place }));
      }
    };
  const { if: ifHelper, unless, with: withHelper } = hb.helpers as Record<string, Helper>;
  const helpers: Record<string, Helper> = {
    if: ifHelper as Helper,
    unless: unless as Helper,
    with: withHelper as Helper,
    // Handlebars' own `log` printed the data it was given to the console, mid-build.
    log: () => {
      throw new BriefkitError(messages.unknownHelper('log', ownHelpers, builtInHelpers));
    },
    ...createHelpers(ctx),
  };
  return Object.fromEntries(Object.entries(helpers).map(([name, h]) => [name, wrap(h)]));
}

/**
 * Briefkit's own errors, and Handlebars' complaints about how a helper was called or what a
 * block holds (strict mode's missing variable); anything else is a bug, thrown on.
 */
function asBriefkitError(template: TemplateSource, error: unknown): BriefkitError {
  if (error instanceof BriefkitError) return error;
  if (error instanceof Handlebars.Exception) return templateError(template, error);
  throw error;
}

const hb = Handlebars.create();
const cache = new LruCache<string, HandlebarsTemplateDelegate>(32);

/** Compiled once per template text: rebuilds in watch mode and batches skip the compiler. */
function compiled(template: TemplateSource): HandlebarsTemplateDelegate {
  let render = cache.get(template.text);
  if (!render) {
    render = hb.template(templateSpec(template));
    cache.set(template.text, render);
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

function templateSpec(template: TemplateSource): TemplateSpecification {
  const { spec } = readOrMake(specStore, template.text, () => {
    const ast = hb.parse(template.text);
    refusePartials(ast, template.file);
    // Typed as a TemplateSpecification, precompile() returns the code that makes one.
    return { spec: hb.precompile(ast, compileOptions) as unknown as string };
  });
  // What Handlebars' own compile() does with the code it writes.
  return new Function(`return ${spec}`)() as TemplateSpecification;
}

/**
 * A template is one file: `{{> name}}` would fail when reached, and a partial block
 * (`{{#> name}}…{{/name}}`) would quietly show its own text.
 */
function refusePartials(ast: hbs.AST.Program, file: string): void {
  const partial = findNode(ast, (node) => node.type.startsWith('Partial'));
  if (!partial) return;
  const { line, column } = partial.loc.start;
  throw new BriefkitError({
    ...messages.template(
      'partials ({{> name}}) are not supported',
      'A template is one file: write the text in the template itself.',
    ),
    place: { file, line, column: column + 1 },
  });
}

/** Handlebars reports places as "Parse error on line 5" or "… - 5:12"; keep them. */
function templateError({ file }: TemplateSource, error: Error): BriefkitError {
  const text = error.message;
  const parse = /Parse error on line (\d+)/.exec(text);
  const runtime = / - (\d+):(\d+)$/.exec(text);
  const place = {
    file,
    ...(parse ? { line: Number(parse[1]) } : {}),
    ...(runtime ? { line: Number(runtime[1]), column: Number(runtime[2]) + 1 } : {}),
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

/** The first node of a Handlebars syntax tree that passes the test, depth first. */
function findNode(value: unknown, test: (node: hbs.AST.Node) => boolean): hbs.AST.Node | undefined {
  if (!value || typeof value !== 'object') return undefined;
  if ('type' in value && 'loc' in value && test(value as hbs.AST.Node))
    return value as hbs.AST.Node;
  for (const child of Object.values(value)) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}
