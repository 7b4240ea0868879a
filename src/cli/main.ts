#!/usr/bin/env node
/**
 * The command line: maps argv onto the library API and errors onto exit codes.
 * 0 success, 1 bad input, 2 usage error. This is the only module that calls process.exit.
 */
import { parseArgs } from 'node:util';
import { build } from '../build.ts';
import { BriefkitError, isBriefkitError } from '../errors/briefkit-error.ts';
import { formatDiagnostic } from '../errors/format.ts';
import { messages } from '../errors/messages.ts';
import { type HandoutSize, handoutSizes } from '../layout/handout.ts';
import { version } from './version.ts';

const usage = `briefkit ${version}: data + template → editable PPTX deck and printable PDFs

Usage:
  briefkit build [--data FILE] [--template DIR] [--out DIR] [--paper a4|letter]
                 [--handout 2|3|6] [--handout-notes]
  briefkit inspect FILE [--json]
  briefkit --help | --version

Options:
  --data FILE      dataset, YAML or JSON (default: the sample dataset)
  --template DIR   template folder (default: the sample template)
  --out DIR        output folder (default: output)
  --paper SIZE     paper for the summary and handout: a4 (default) or letter
  --handout N      slides per handout page: 2, 3 (default, with lines for notes) or 6
  --handout-notes  print speaker notes beside the slides in the handout (3 a page)
  --json           inspect: print JSON instead of the text view
  --debug          print stack traces for unexpected errors

build writes briefing.pptx, summary.pdf, slides.pdf and handout.pdf.
inspect prints a readable, diffable view of a PPTX or PDF: text, charts, fonts, outline.

Exit codes: 0 built, 1 bad input (data, template or chart), 2 usage error.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv);
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command === 'inspect') {
    if (rest.length !== 1)
      throw new BriefkitError(messages.badArgument('inspect takes one FILE (a .pptx or .pdf).'), 2);
    const { inspect } = await import('../inspect/index.ts');
    process.stdout.write(`${await inspect(rest[0] as string, { json: values.json === true })}\n`);
    return 0;
  }
  if (command !== 'build' || rest.length) {
    throw new BriefkitError(
      messages.badArgument(
        command ? `Unknown command "${[command, ...rest].join(' ')}".` : 'No command given.',
      ),
      2,
    );
  }
  if (values.paper && values.paper !== 'a4' && values.paper !== 'letter') {
    throw new BriefkitError(
      messages.badArgument(`--paper must be a4 or letter, not "${values.paper}".`),
      2,
    );
  }
  const handout = values.handout === undefined ? undefined : Number(values.handout);
  if (handout !== undefined && !handoutSizes.includes(handout as HandoutSize)) {
    throw new BriefkitError(
      messages.badArgument(`--handout must be 2, 3 or 6, not "${values.handout}".`),
      2,
    );
  }
  const started = performance.now();
  const result = await build({
    ...(values.data ? { data: values.data } : {}),
    ...(values.template ? { template: values.template } : {}),
    ...(values.out ? { out: values.out } : {}),
    ...(values.paper ? { paper: values.paper as 'a4' | 'letter' } : {}),
    ...(handout ? { handout: handout as HandoutSize } : {}),
    ...(values['handout-notes'] ? { handoutNotes: true } : {}),
    ...(process.env.SOURCE_DATE_EPOCH ? { sourceDateEpoch: process.env.SOURCE_DATE_EPOCH } : {}),
  });
  for (const warning of result.warnings)
    process.stderr.write(`warning: ${formatDiagnostic(warning)}\n`);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`Built ${result.files.join(', ')} in ${ms} ms\n`);
  return 0;
}

function parseCli(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        template: { type: 'string' },
        out: { type: 'string' },
        paper: { type: 'string' },
        handout: { type: 'string' },
        'handout-notes': { type: 'boolean' },
        json: { type: 'boolean' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new BriefkitError(messages.badArgument((error as Error).message), 2);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (isBriefkitError(error)) {
      process.stderr.write(`${error.diagnostics.map(formatDiagnostic).join('\n')}\n`);
      process.exit(error.exitCode);
    }
    // Not the user's fault: a bug. Keep the stack.
    process.stderr.write(`briefkit: internal error\n${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(70);
  },
);
