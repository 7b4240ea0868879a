import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { defaults } from '../build.ts';
import { BriefkitError, fail } from '../errors/briefkit-error.ts';
import { messages } from '../errors/messages.ts';
import { inOutputFolder, makeOutputFolder } from '../output/write-outputs.ts';
import { PROJECT_FILE } from './config.ts';

/** What init creates in the project folder, as its message lists it. */
const CREATED = ['briefkit.yaml', 'README.md', 'data/briefing.yaml', 'template/', 'schemas/'];

/**
 * Scaffolds a project that builds as it is: the sample template, the sample data as a
 * starting point, a briefkit.yaml pointing at both, and a README on what to change. The
 * README's commands start with `command`, how the user runs briefkit (`node …/cli.js` from a
 * checkout, where `briefkit` is not on the PATH).
 */
export function initProject(dir: string, command = 'briefkit'): string[] {
  // An empty name (an unset "$DIR") would be the current folder, whatever it holds.
  if (!dir) fail(messages.badArgument('init needs the name of a new or empty folder.'), 2);
  if (isFolder(dir) && readdirSync(dir).length > 0) {
    fail(
      messages.badArgument(`"${dir}" is not empty; init writes only into a new or empty folder.`),
      2,
    );
  }
  // Made a level at a time, each refusal reported in plain words (see makeOutputFolder).
  const made = asInit(() => makeOutputFolder(dir));
  try {
    asInit(() => inOutputFolder(dir, () => scaffold(dir, command)));
  } catch (error) {
    // Nothing half-made is left behind: the folder was new or empty.
    for (const entry of CREATED) clearAway(join(dir, entry.split('/')[0] as string));
    for (const folder of made.reverse()) clearAway(folder);
    throw error;
  }
  return [...CREATED];
}

/**
 * Output folder problems are worded for `build`, whose folder is the output folder, --out;
 * init's is the project folder, its DIR, so they say that instead ("Cannot write to the
 * project folder …", "Move the file out of the way, or choose another DIR.").
 */
function asInit<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (!(error instanceof BriefkitError)) throw error;
    throw error.mapped((d) =>
      d.code === 'output-path'
        ? {
            ...d,
            message: d.message.replace('the output folder', 'the project folder'),
            ...(d.hint && { hint: d.hint.replaceAll('--out', 'DIR') }),
          }
        : d,
    );
  }
}

/** Whether a folder stands at `path`; what else stands there, makeOutputFolder reports. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Removes what a failed init made, as far as the system lets it: the error says why it failed. */
function clearAway(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Left for the user, whose folder refused it.
  }
}

function scaffold(dir: string, command: string): void {
  mkdirSync(join(dir, 'data'));
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
