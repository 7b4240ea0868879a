import type { Command } from '../command.ts';
import { buildCommand } from './build.ts';
import { initCommand } from './init.ts';
import { inspectCommand } from './inspect.ts';
import { validateCommand } from './validate.ts';
import { watchCommand } from './watch.ts';

/**
 * Every command, in the order `--help` lists them. Adding a command is one new file in this
 * folder and one line here; the name type, dispatch and help text follow from this object.
 */
export const commands = {
  build: buildCommand,
  watch: watchCommand,
  inspect: inspectCommand,
  validate: validateCommand,
  init: initCommand,
} as const satisfies Record<string, Command>;

export type CommandName = keyof typeof commands;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}
