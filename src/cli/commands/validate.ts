import { formatDiagnostic } from '../../errors/format.ts';
import { buildOptionSpecs, expectNoPositionals, toBuildOptions } from '../build-options.ts';
import { defineCommand } from '../command.ts';

export const validateCommand = defineCommand({
  synopsis: ['validate [--data FILE] [--template DIR]'],
  description: 'validate checks the data, templates and charts, and writes nothing.',
  options: { data: buildOptionSpecs.data, template: buildOptionSpecs.template },
  async run({ values, positionals }, context) {
    expectNoPositionals('validate', positionals);
    const { validate } = await import('../../build.ts');
    const { warnings } = await validate(toBuildOptions(values, context.env));
    for (const warning of warnings) context.stderr.write(`warning: ${formatDiagnostic(warning)}\n`);
    context.stdout.write(
      `Valid${warnings.length ? `, with ${warnings.length} warning(s)` : ''}.\n`,
    );
    return 0;
  },
});
