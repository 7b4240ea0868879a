import { globalOptions, type OptionSpecs } from './command.ts';
import { type CommandName, commands } from './commands/index.ts';
import { version } from './version.ts';

/**
 * The `--help` text, assembled from the command registry so it lists every command; given a
 * command, that command's synopsis, options and description alone.
 */
export function usage(name?: CommandName): string {
  const list = name ? [commands[name]] : Object.values(commands);
  const synopsis = [
    ...list.flatMap((c) => c.synopsis),
    ...(name ? [] : ['help [COMMAND] | --help | --version']),
  ].map(synopsisLine);
  const options = optionLines({
    ...Object.assign({}, ...list.map((c) => c.options)),
    debug: globalOptions.debug,
  });
  return [
    `briefkit ${version}: data + template → editable PPTX deck and printable PDFs`,
    '',
    'Usage:',
    ...synopsis,
    '',
    'Options:',
    ...options,
    '',
    ...list.map((c) => c.description),
    '',
    'Exit codes: 0 built, 1 bad input (data, template or chart), 2 usage error.',
  ].join('\n');
}

/** `briefkit build …`, with continuation lines aligned after the command name. */
function synopsisLine(text: string): string {
  const [first = '', ...rest] = text.split('\n');
  const lead = `  briefkit ${first.split(' ')[0]} `;
  return [`  briefkit ${first}`, ...rest.map((line) => ' '.repeat(lead.length) + line)].join('\n');
}

function optionLines(specs: OptionSpecs): string[] {
  const heads = Object.entries(specs).map(
    ([name, spec]) => [`  --${name}${spec.arg ? ` ${spec.arg}` : ''}`, spec.help] as const,
  );
  const width = Math.max(...heads.map(([head]) => head.length)) + 2;
  return heads.map(([head, help]) => head.padEnd(width) + help);
}
