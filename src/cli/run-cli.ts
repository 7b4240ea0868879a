/**
 * argv → command → exit code: 0 success, 1 bad input, 2 usage error, 70 a bug (with its
 * stack). Commands come from the registry in commands/index.ts.
 */
import { parseArgs } from 'node:util';
import { isBriefkitError } from '../errors/briefkit-error.ts';
import { usageHint, usageProblems } from '../errors/messages.ts';
import { type OptionSpecs, parseCommandArgs, usageError } from './command.ts';
import { commands, isCommandName } from './commands/index.ts';
import type { CliContext } from './context.ts';
import { writeDiagnostics, writeInternalError } from './report.ts';
import { usage } from './usage.ts';
import { version } from './version.ts';

export async function runCli(argv: string[], context: CliContext): Promise<number> {
  try {
    return await dispatch(argv, context);
  } catch (error) {
    if (isBriefkitError(error)) {
      // Usage errors are made without the context: the hint names the command as it was run.
      const hint = usageHint(context.command);
      writeDiagnostics(
        context.stderr,
        error.diagnostics.map((d) => (d.code === 'usage' ? { ...d, hint } : d)),
      );
      // --debug: where in briefkit the problem was found, for reports about wrong messages.
      if (argv.includes('--debug')) context.stderr.write(`${error.stack ?? ''}\n`);
      return error.exitCode;
    }
    writeInternalError(context.stderr, error);
    return 70;
  }
}

async function dispatch(argv: string[], context: CliContext): Promise<number> {
  // Every command's options, so that option values are not mistaken for the command name
  // (`briefkit --out build build`). The command then re-parses with only its own options.
  const anyOptions: OptionSpecs = Object.assign(
    {},
    ...Object.values(commands).map((c) => c.options),
  );
  const { values, positionals } = parseCommandArgs(argv, anyOptions);
  const [name, ...rest] = positionals;
  // `help [COMMAND]` as well as --help: both are what people type.
  if (name === 'help') {
    if (rest.length > 1) throw usageError(usageProblems.helpTakesOne());
    return printUsage(rest[0], context);
  }
  if (values.help) return printUsage(name, context);
  // `--version extra` is as unknown a command as `extra`.
  if (name !== undefined && !isCommandName(name))
    throw usageError(usageProblems.unknownCommand(positionals.join(' ')));
  if (values.version) {
    context.stdout.write(`${version}\n`);
    return 0;
  }
  if (name === undefined) throw usageError(usageProblems.noCommand());
  return commands[name].run(withoutCommand(argv, anyOptions), context);
}

/** All the usage, or one command's (`build --help`, `help build`). */
function printUsage(name: string | undefined, context: CliContext): number {
  if (name !== undefined && !isCommandName(name))
    throw usageError(usageProblems.unknownCommand(name));
  context.stdout.write(`${usage(name)}\n`);
  return 0;
}

/** argv less the command name, found as the first positional token. */
function withoutCommand(argv: string[], options: OptionSpecs): string[] {
  const { tokens } = parseArgs({
    args: argv,
    options,
    allowPositionals: true,
    tokens: true,
    strict: false,
  });
  const at = tokens.find((t) => t.kind === 'positional')?.index ?? 0;
  return argv.filter((_, i) => i !== at);
}
