/**
 * What a CLI command is. Each command lives in its own file under `commands/` and declares
 * its options once: the same declaration drives argv parsing, typing of the parsed values
 * and the `--help` text, so they cannot drift apart.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { BriefkitError } from '../errors/briefkit-error.ts';
import { messages, usageProblems } from '../errors/messages.ts';
import type { CliContext } from './context.ts';

type ParseArgsOption = NonNullable<ParseArgsConfig['options']>[string];

/** A parseArgs option plus what `--help` shows for it. */
export type OptionSpec = ParseArgsOption & {
  /** Placeholder for the value in help, e.g. `FILE`. */
  arg?: string;
  help: string;
};

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Options every command accepts. */
export const globalOptions = {
  help: { type: 'boolean', short: 'h', help: 'print this help' },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
  debug: { type: 'boolean', help: 'also print where in briefkit an input error was found' },
} as const satisfies OptionSpecs;

type ParseConfig<O extends OptionSpecs> = {
  args: string[];
  options: O & typeof globalOptions;
  allowPositionals: true;
  strict: true;
};

/** The typed result of parsing argv with a command's options. */
export type ParsedArgs<O extends OptionSpecs> = ReturnType<typeof parseArgs<ParseConfig<O>>>;

export interface Command {
  /** Synopsis lines for `--help`, without the leading `briefkit `. */
  readonly synopsis: readonly string[];
  /** One paragraph for `--help`. */
  readonly description: string;
  readonly options: OptionSpecs;
  /** Runs with the argv after the command name; resolves to the exit code. */
  run(argv: string[], context: CliContext): Promise<number>;
}

export interface CommandSpec<O extends OptionSpecs> {
  synopsis: readonly string[];
  description: string;
  options: O;
  run(args: ParsedArgs<O>, context: CliContext): Promise<number>;
}

/** Builds a command whose `run` receives argv already parsed and typed by its own options. */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): Command {
  return {
    synopsis: spec.synopsis,
    description: spec.description,
    options: spec.options,
    run: (argv, context) => spec.run(parseCommandArgs(argv, spec.options), context),
  };
}

/** parseArgs, with its errors turned into usage errors (exit code 2). */
export function parseCommandArgs<O extends OptionSpecs>(argv: string[], options: O): ParsedArgs<O> {
  let parsed: ParsedArgs<O> & { tokens: { kind: string; name?: string; value?: unknown }[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...globalOptions, ...options },
      allowPositionals: true,
      strict: true,
      tokens: true,
    }) as typeof parsed;
  } catch (error) {
    throw usageError(argumentProblem(error as Error & { code?: string }));
  }
  // `--out ""` (an unset shell variable, say) would quietly mean the default.
  const empty = Object.entries(parsed.values).find(([, value]) => value === '');
  if (empty) throw usageError(usageProblems.needsValue(`--${empty[0]}`));
  // parseArgs keeps the last of `--out a --out b`: which one was meant, only the user knows.
  const names = parsed.tokens.flatMap((t) =>
    t.kind === 'option' && t.value !== undefined ? [t.name] : [],
  );
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw usageError(usageProblems.givenTwice(`--${twice}`));
  const { tokens: _, ...values } = parsed;
  return values as ParsedArgs<O>;
}

/**
 * parseArgs's messages in the words of briefkit's other usage errors: Node quotes an option
 * as `'-d, --data <value>'`, and leaves a quote open in its advice for an unknown one.
 */
function argumentProblem(error: Error & { code?: string }): string {
  const quoted = /'(-[^']*)'/.exec(error.message)?.[1];
  const option = quoted && (/--[\w-]+/.exec(quoted)?.[0] ?? quoted);
  if (!option) return error.message;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usageProblems.unknownOption(option);
  if (error.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return error.message;
  if (/does not take an argument/.test(error.message)) return usageProblems.takesNoValue(option);
  if (/ambiguous/.test(error.message)) return usageProblems.needsValueNotOption(option);
  return usageProblems.needsValue(option);
}

export function usageError(detail: string): BriefkitError {
  return new BriefkitError(messages.badArgument(detail), 2);
}
