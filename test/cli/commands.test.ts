import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globalOptions } from '../../src/cli/command.ts';
import { commands } from '../../src/cli/commands/index.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { version } from '../../src/cli/version.ts';
import { tempDir } from '../helpers/sample.ts';
import { testContext } from './helpers/context.ts';

describe('the command registry', () => {
  it('lists every command in --help', async () => {
    const context = testContext();
    expect(await runCli(['--help'], context)).toBe(0);
    for (const name of Object.keys(commands)) expect(context.out()).toContain(`briefkit ${name}`);
    expect(context.out()).toContain('--each FILE');
    expect(context.out()).toContain('Exit codes: 0 built, 1 bad input');
  });

  it('prints the same help for `help` as for --help', async () => {
    const [helped, flagged] = [testContext(), testContext()];
    expect(await runCli(['help'], helped)).toBe(0);
    expect(await runCli(['--help'], flagged)).toBe(0);
    expect(helped.out()).toBe(flagged.out());
    expect(helped.out()).toContain('briefkit help [COMMAND]');
  });

  it.each([[['build', '--help']], [['--help', 'build']], [['help', 'build']]])(
    '%j prints the usage of build alone',
    async (argv) => {
      const context = testContext();
      expect(await runCli(argv, context), context.err()).toBe(0);
      expect(context.out()).toContain('briefkit build --each FILE');
      expect(context.out()).toContain('--name PATTERN');
      expect(context.out()).toContain('build writes briefing.pptx');
      expect(context.out()).not.toContain('briefkit inspect');
      expect(context.out()).not.toContain('--json');
      expect(context.out()).not.toContain('init creates');
    },
  );

  it('prints the usage of inspect alone for inspect --help', async () => {
    const context = testContext();
    expect(await runCli(['inspect', '--help'], context)).toBe(0);
    expect(context.out()).toContain('briefkit inspect FILE [--json]');
    expect(context.out()).toContain('--json');
    expect(context.out()).not.toContain('--data');
  });

  it('prints the version', async () => {
    const context = testContext();
    expect(await runCli(['--version'], context)).toBe(0);
    expect(context.out()).toBe(`${version}\n`);
  });

  it('takes a flag given twice as given once: only a value given twice is ambiguous', async () => {
    const context = testContext();
    expect(await runCli(['--version', '-v'], context)).toBe(0);
    expect(context.out()).toBe(`${version}\n`);
  });

  it('gives each option name one meaning across commands', () => {
    // The dispatcher parses argv with every command's options to find the command name.
    const seen = new Map<string, string>();
    for (const command of Object.values(commands)) {
      for (const [name, spec] of Object.entries({ ...globalOptions, ...command.options })) {
        const shape = `${spec.type} ${'short' in spec ? spec.short : ''}`;
        expect(seen.get(name) ?? shape, name).toBe(shape);
        seen.set(name, shape);
      }
    }
  });
});

describe('usage errors exit with 2', () => {
  it.each([
    [[], 'No command given.'],
    [['frob'], 'Unknown command "frob".'],
    [['help', 'frob'], 'Unknown command "frob".'],
    [['help', 'build', 'watch'], 'help takes one COMMAND'],
    [
      ['build', 'data.yaml'],
      'Unexpected argument "data.yaml": build takes only options; name a dataset with --data FILE, a template with --template DIR.',
    ],
    [['validate', 'a', 'b'], 'Unexpected argument "a": validate takes only options'],
    [['build', '--paper', 'b5'], '--paper must be a4 or letter, not "b5".'],
    [['build', '--handout', '4'], '--handout must be 2, 3 or 6, not "4".'],
    [['build', '--handout', '03'], '--handout must be 2, 3 or 6, not "03".'],
    [['--version', 'extra'], 'Unknown command "extra".'],
    [['build', '--handout', '0x3'], '--handout must be 2, 3 or 6, not "0x3".'],
    [['build', '--out', 'a', '--out=b'], 'Option --out is given twice; give it once.'],
    [['--data', 'a.yaml', 'validate', '--data', 'b.yaml'], 'Option --data is given twice'],
    [['build', '--name', '{{x}}'], '--name and --jobs only apply with --each FILE.'],
    [['build', '--each', 'r.csv', '--jobs', '0'], '--jobs must be a whole number from 1 to 256'],
    [
      ['build', '--each', 'r.csv', '--handout', '2'],
      "--handout does not apply with --each: a batch writes each record's briefing.pptx and summary.pdf, not handouts.",
    ],
    [['build', '--each', 'r.csv', '--handout-notes'], '--handout-notes does not apply with --each'],
    [
      ['build', '--handout', '3', '--handout-notes', '--each', 'r.csv'],
      '--handout and --handout-notes do not apply with --each',
    ],
    [['inspect'], 'inspect takes one FILE'],
    [['inspect', '--data', 'x.yaml', 'a.pdf'], 'Unknown option "--data".'],
    [['watch', '--each', 'r.csv'], 'Unknown option "--each".'],
    [['build', '--frob'], 'Unknown option "--frob".'],
    [['build', '--data'], 'Option --data needs a value.'],
    [['build', '--out', ''], 'Option --out needs a value.'],
    [['validate', '--data='], 'Option --data needs a value.'],
    [['build', '--out', '--data', 'd.yaml'], 'Option --out needs a value; write --out=VALUE'],
    [['inspect', '--help=yes'], 'Option --help takes no value.'],
  ])('%j', async (argv, message) => {
    const context = testContext();
    expect(await runCli(argv, context)).toBe(2);
    expect(context.err()).toContain(message);
    expect(context.err()).toContain('[usage]');
    // Node's own text for an unknown option leaves a quote open: `as in '-- "--frob"`; for
    // a missing value it names the option as `'--data <value>'`.
    expect(context.err()).not.toContain('-- "');
    expect(context.err()).not.toMatch(/'-|<value>|argument missing/);
  });

  it('finds the command after options whose value looks like a command', async () => {
    const context = testContext();
    // "inspect" is --out's value; the command is build, which rejects the bad --paper.
    expect(await runCli(['--out', 'inspect', 'build', '--paper', 'b5'], context)).toBe(2);
    expect(context.err()).toContain('--paper must be');
  });
});
describe('usage hints', () => {
  it('name the command as the user runs it, which from a checkout is not `briefkit`', async () => {
    const context = { ...testContext(), command: "node '/src/my briefkit/dist/cli.js'" };
    expect(await runCli(['build', '--paper', 'b5'], context)).toBe(2);
    expect(context.err()).toContain(
      "hint: Run `node '/src/my briefkit/dist/cli.js' --help` for usage.",
    );
  });
});

describe('briefkit.yaml defaults', () => {
  /** Runs the CLI in a folder whose briefkit.yaml is `yaml`. */
  async function runIn(yaml: string, argv: string[]) {
    const dir = tempDir();
    writeFileSync(join(dir, 'briefkit.yaml'), yaml);
    const context = testContext();
    const from = process.cwd();
    process.chdir(dir);
    try {
      return { code: await runCli(argv, context), context };
    } finally {
      process.chdir(from);
    }
  }

  it('lets --each run when briefkit.yaml sets a handout: only handout flags are refused', async () => {
    const { code, context } = await runIn('handout: 6\n', ['build', '--each', 'no-such.csv']);
    // The batch starts, and fails on its missing records file, not on a usage error.
    expect(code).toBe(1);
    expect(context.err()).toContain('no-such.csv');
    expect(context.err()).not.toContain('[usage]');
  });

  it('names the files built from where the user is, though briefkit.yaml paths are absolute', async () => {
    // "Built /tmp/…/report/output/briefing.pptx, …" from a briefkit.yaml, "Built output/…" without.
    const sample = resolve('data/space-station-2025.yaml');
    const { code, context } = await runIn(`data: ${JSON.stringify(sample)}\nout: report\n`, [
      'build',
    ]);
    expect(context.err()).toBe('');
    expect(code).toBe(0);
    expect(context.out()).toMatch(
      /^Built report\/briefing\.pptx, report\/summary\.pdf, report\/slides\.pdf, report\/handout\.pdf in \d+ ms\n$/,
    );
  });

  it('refuses --handout-notes when briefkit.yaml sets a handout without room for notes', async () => {
    const { code, context } = await runIn('handout: 2\n', ['build', '--handout-notes']);
    expect(code).toBe(2);
    expect(context.err()).toContain(
      '--handout-notes needs 3 slides a page: only that handout has room beside each slide (briefkit.yaml sets handout: 2).',
    );
  });
});

describe('bad input exits with 1', () => {
  it('names a file to inspect that is neither PPTX nor PDF', async () => {
    const context = testContext();
    expect(await runCli(['inspect', 'README.md'], context)).toBe(1);
    expect(context.err()).toMatch(
      /^README\.md {2}Invalid file: expected a PPTX \(zip\) or a PDF, judging by its first bytes\. {2}\[syntax\]\n/,
    );
  });

  it('names a missing records file', async () => {
    const context = testContext();
    expect(await runCli(['build', '--each', 'no-such-file.csv'], context)).toBe(1);
    expect(context.err()).toContain('no-such-file.csv');
  });

  it('rejects a records file that is neither CSV nor JSON', async () => {
    const context = testContext();
    expect(await runCli(['build', '--each', 'records.xlsx'], context)).toBe(1);
    expect(context.err()).toContain('[each-format]');
  });
});
