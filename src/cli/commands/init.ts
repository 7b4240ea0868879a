import { resolve } from 'node:path';
import { usageProblems } from '../../errors/messages.ts';
import { defineCommand, usageError } from '../command.ts';
import { shellWord } from '../context.ts';

export const initCommand = defineCommand({
  synopsis: ['init DIR'],
  description:
    'init creates a project in DIR (data, template, briefkit.yaml) that builds as it is.',
  options: {},
  async run({ positionals }, context) {
    const [dir, ...extra] = positionals;
    if (dir === undefined || extra.length > 0) throw usageError(usageProblems.initTakesOne());
    const { initProject } = await import('../../project/init.ts');
    const files = initProject(dir, context.command);
    // Made in the current folder (`init .`), there is nowhere to cd to.
    const cd = resolve(dir) === process.cwd() ? '' : `cd ${shellWord(dir)} && `;
    context.stdout.write(
      `Created ${files.map((f) => `${dir}/${f}`).join(', ')}\nNext: ${cd}${context.command} build\n`,
    );
    return 0;
  },
});
