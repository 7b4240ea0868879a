import { usageProblems } from '../../errors/messages.ts';
import { defineCommand, usageError } from '../command.ts';

export const inspectCommand = defineCommand({
  synopsis: ['inspect FILE [--json]'],
  description:
    'inspect prints a readable, diffable view of a PPTX or PDF: text, charts, fonts, outline.',
  options: {
    json: { type: 'boolean', help: 'inspect: print JSON instead of the text view' },
  },
  async run({ values, positionals }, context) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      throw usageError(usageProblems.inspectTakesOne());
    }
    const { inspect } = await import('../../inspect/index.ts');
    // Both views already end with a newline.
    context.stdout.write(await inspect(file, { json: values.json === true }));
    return 0;
  },
});
