/** The options `build` and `watch` share, and their mapping onto the library's BuildOptions. */
import type { BuildOptions } from '../build.ts';
import { usageProblems } from '../errors/messages.ts';
import { type HandoutSize, handoutSizes } from '../layout/handout.ts';
import { PROJECT_FILE, readProjectConfig } from '../project/config.ts';
import { type OptionSpecs, usageError } from './command.ts';

export const buildOptionSpecs = {
  data: {
    type: 'string',
    arg: 'FILE',
    help: 'dataset, YAML or JSON (default: the sample dataset)',
  },
  template: { type: 'string', arg: 'DIR', help: 'template folder (default: the sample template)' },
  out: { type: 'string', arg: 'DIR', help: 'output folder (default: output)' },
  paper: {
    type: 'string',
    arg: 'SIZE',
    help: 'paper for the summary and handout: a4 (default) or letter',
  },
  handout: {
    type: 'string',
    arg: 'N',
    help: 'slides per handout page: 2, 3 (default, with lines for notes) or 6',
  },
  'handout-notes': {
    type: 'boolean',
    help: 'print speaker notes beside the slides in the handout (3 a page)',
  },
} as const satisfies OptionSpecs;

/** Two lines: `--help` aligns the second under the first option. */
export const buildSynopsis =
  '[--data FILE] [--template DIR] [--out DIR] [--paper a4|letter]\n[--handout 2|3|6] [--handout-notes]';

export interface BuildOptionValues {
  data?: string | undefined;
  template?: string | undefined;
  out?: string | undefined;
  paper?: string | undefined;
  handout?: string | undefined;
  'handout-notes'?: boolean | undefined;
}

/** Checks the flags and maps them onto BuildOptions; bad values are usage errors (exit 2). */
export function toBuildOptions(
  values: BuildOptionValues,
  env: Readonly<Record<string, string | undefined>>,
): BuildOptions {
  // Paper sizes are written A4 and Letter as often as a4 and letter.
  const paper = values.paper?.toLowerCase();
  if (paper && paper !== 'a4' && paper !== 'letter') {
    throw usageError(usageProblems.paper(values.paper));
  }
  // Written as the help writes it: Number() would also take "03", "3.0" and "0x3".
  if (values.handout !== undefined && !handoutSizes.map(String).includes(values.handout)) {
    throw usageError(usageProblems.handout(values.handout));
  }
  const handout = values.handout === undefined ? undefined : Number(values.handout);
  // briefkit.yaml in the current folder (from `briefkit init`) gives defaults; flags win.
  const project = readProjectConfig(process.cwd());
  // Checked against the handout in force, which briefkit.yaml may set.
  const pageSize = handout ?? project.handout ?? 3;
  if (values['handout-notes'] && pageSize !== 3) {
    const from = handout === undefined ? ` (${PROJECT_FILE} sets handout: ${pageSize})` : '';
    throw usageError(usageProblems.handoutNotes(from));
  }
  return {
    ...project,
    ...(values.data ? { data: values.data } : {}),
    ...(values.template ? { template: values.template } : {}),
    ...(values.out ? { out: values.out } : {}),
    ...(paper ? { paper: paper as 'a4' | 'letter' } : {}),
    ...(handout ? { handout: handout as HandoutSize } : {}),
    ...(values['handout-notes'] ? { handoutNotes: true } : {}),
    ...(env.SOURCE_DATE_EPOCH ? { sourceDateEpoch: env.SOURCE_DATE_EPOCH } : {}),
  };
}

/**
 * Rejects positional arguments for commands that take none. `build data.yaml` is the likely
 * slip, so the error says how a dataset or template is named.
 */
export function expectNoPositionals(command: string, positionals: readonly string[]): void {
  const [first] = positionals;
  if (first !== undefined) throw usageError(usageProblems.unexpectedArgument(command, first));
}

/**
 * build()'s default output folder, repeated here so the CLI can name it (e.g. for the
 * batch manifest) without loading the pipeline.
 */
export const defaultOut = 'output';
