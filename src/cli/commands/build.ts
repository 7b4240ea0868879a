import { availableParallelism } from 'node:os';
import { displayPath } from '../../errors/display-path.ts';
import { usageProblems } from '../../errors/messages.ts';
import {
  type BuildOptionValues,
  buildOptionSpecs,
  buildSynopsis,
  expectNoPositionals,
  toBuildOptions,
} from '../build-options.ts';
import { noteBuilt } from '../built-here.ts';
import { defineCommand, usageError } from '../command.ts';
import { writeWarnings } from '../report.ts';

export const buildCommand = defineCommand({
  synopsis: [
    `build ${buildSynopsis}`,
    'build --each FILE [--name PATTERN] [--jobs N]\n[--data FILE] [--template DIR] [--out DIR] [--paper a4|letter]',
  ],
  description: [
    'build writes briefing.pptx, summary.pdf, slides.pdf and handout.pdf.',
    'build --each builds once per record of a CSV (with a header row) or a JSON array, each',
    "  record's fields merged over the dataset's top level, writing briefing.pptx and",
    '  summary.pdf (no slides or handout) into one folder per record under --out, and',
    '  --out/manifest.json with every output and its sha256. Folders are named by --name,',
    '  e.g. "{{school}}-{{class}}" (plain field substitution), else by row.',
  ].join('\n'),
  options: {
    ...buildOptionSpecs,
    each: {
      type: 'string',
      arg: 'FILE',
      help: 'build once per record of FILE (.csv with a header row, or a .json array)',
    },
    name: {
      type: 'string',
      arg: 'PATTERN',
      help: 'with --each: folder name per record, e.g. "{{school}}-{{class}}"',
    },
    jobs: {
      type: 'string',
      arg: 'N',
      help: `with --each: builds at once (default: the number of cores, ${availableParallelism()})`,
    },
  },
  async run({ values, positionals }, context) {
    expectNoPositionals('build', positionals);
    if (values.each !== undefined) refuseHandoutFlags(values);
    const options = toBuildOptions(values, context.env);
    if (values.each !== undefined) {
      const { runEach } = await import('../each/run-each.ts');
      return runEach({ ...values, each: values.each }, options, context);
    }
    if (values.name !== undefined || values.jobs !== undefined) {
      throw usageError(usageProblems.batchOnly());
    }
    const { build } = await import('../../build.ts');
    const started = performance.now();
    const result = await build(options);
    noteBuilt();
    writeWarnings(context.stderr, result.warnings);
    const ms = Math.round(performance.now() - started);
    // Paths from briefkit.yaml are absolute; shown, like the rest, from where the user is.
    const files = result.files.map(displayPath).join(', ');
    context.stdout.write(`Built ${files} in ${ms} ms\n`);
    return 0;
  },
});

/**
 * A batch writes each record's deck and summary, never a handout, so handout flags would be
 * silently ignored. Only flags count: a briefkit.yaml `handout:` default is not an error here.
 */
function refuseHandoutFlags(values: Pick<BuildOptionValues, 'handout' | 'handout-notes'>): void {
  const given = [
    ...(values.handout === undefined ? [] : ['--handout']),
    ...(values['handout-notes'] ? ['--handout-notes'] : []),
  ];
  if (!given.length) return;
  throw usageError(usageProblems.notInBatch(given));
}
