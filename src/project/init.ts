import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaults } from '../build.ts';
import { fail } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { PROJECT_FILE } from './config.ts';

/**
 * Scaffolds a project that builds as it is: the sample template, the sample data as a
 * starting point, a briefkit.yaml pointing at both, and a README on what to change. The
 * README's commands start with `command`, how the user runs briefkit (`node …/cli.js` from a
 * checkout, where `briefkit` is not on the PATH).
 */
export function initProject(dir: string, command = 'briefkit'): string[] {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    fail(
      messages.badArgument(`"${dir}" is not empty; init writes only into a new or empty folder.`),
      2,
    );
  }
  mkdirSync(join(dir, 'data'), { recursive: true });
  cpSync(defaults.template, join(dir, 'template'), { recursive: true });
  // Editor schemas travel with the project, so the template's $schema comment still resolves.
  cpSync(join(defaults.template, '..', '..', 'schemas'), join(dir, 'schemas'), { recursive: true });
  const data = readFileSync(defaults.data, 'utf8').replace(
    /^# yaml-language-server: \$schema=.*$/m,
    '# yaml-language-server: $schema=../template/schema.json',
  );
  writeFileSync(join(dir, 'data', 'briefing.yaml'), data);
  writeFileSync(
    join(dir, PROJECT_FILE),
    [
      '# yaml-language-server: $schema=schemas/project.schema.json',
      '# Defaults for `briefkit build` in this folder. Paths are relative to this file.',
      'data: data/briefing.yaml',
      'template: template',
      'out: output',
      '',
    ].join('\n'),
  );
  // The template's editor schemas sit one folder closer in a project than in briefkit.
  for (const name of ['template.yaml', 'theme.yaml']) {
    const file = join(dir, 'template', name);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('$schema=../../schemas/', '$schema=../schemas/')
        .replace(/^# \(in a project made by .*\n/m, ''),
    );
  }
  writeFileSync(join(dir, 'README.md'), readme(command));
  return ['briefkit.yaml', 'README.md', 'data/briefing.yaml', 'template/', 'schemas/'];
}

function readme(command: string): string {
  return `# My briefing

Built with briefkit. In this folder:

    ${command} build        # writes output/briefing.pptx, summary.pdf, slides.pdf, handout.pdf
    ${command} validate     # checks data and templates without writing anything

- \`data/briefing.yaml\`: the dataset. It starts as briefkit's sample; replace its contents with yours.
  Editors that speak the YAML language server check it against \`template/schema.json\` as you type.
- \`template/\`: the template. \`deck.md.hbs\` and \`summary.md.hbs\` are Markdown filled by Handlebars,
  \`theme.yaml\` sets colours, font and sizes, \`strings.yaml\` holds template text per language, and
  \`charts/*.vl.json\` are Vega-Lite charts bound to lists in the data by name.
- \`briefkit.yaml\`: where \`build\` finds the data and template, and where it writes.

Data is shown literally: a value with \`*\`, \`#\` or \`<b>\` appears exactly as typed.
`;
}
