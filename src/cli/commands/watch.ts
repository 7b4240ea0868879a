import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import { isBriefkitError } from '../../errors/briefkit-error.ts';
import {
  buildOptionSpecs,
  buildSynopsis,
  expectNoPositionals,
  toBuildOptions,
} from '../build-options.ts';
import { noteBuilt } from '../built-here.ts';
import { defineCommand } from '../command.ts';
import { writeDiagnostics, writeInternalError, writeWarnings } from '../report.ts';
import type { RebuildEvent } from '../watch/watch.ts';

export const watchCommand = defineCommand({
  synopsis: [`watch ${buildSynopsis}`],
  description:
    'watch builds, then rebuilds whenever the dataset, a !csv table or a template file changes,\n  until Ctrl-C.',
  options: buildOptionSpecs,
  async run({ values, positionals }, context) {
    expectNoPositionals('watch', positionals);
    const options = toBuildOptions(values, context.env);
    const { watch } = await import('../watch/watch.ts');
    const { stdout, stderr } = context;

    const handle = watch(options, {
      onRebuild(event) {
        const what = describeChanges(event);
        if (event.ok) {
          noteBuilt();
          writeWarnings(stderr, event.result.warnings);
          stdout.write(`${what}${describeBuild(event)} in ${event.ms} ms\n`);
          return;
        }
        const verb = what ? 'rebuild' : 'build';
        stderr.write(`${what}${verb} failed in ${event.ms} ms; the last good outputs are kept.\n`);
        if (isBriefkitError(event.error)) writeDiagnostics(stderr, event.error.diagnostics, '  ');
        else writeInternalError(stderr, event.error);
      },
    });
    // Heard from the start: a Ctrl-C during the first build stops the watch once that build
    // is written, rather than killing it between a temp file and its rename.
    const interrupted = new Promise<void>((stopped) => {
      const stopListening = context.onInterrupt(() => {
        stopListening();
        stopped();
      });
    });
    const started = await Promise.race([handle.ready.then(() => true), interrupted]);
    if (started) {
      stdout.write(`Watching ${handle.paths.map(show).join(' and ')} (Ctrl-C to stop).\n`);
      await interrupted;
    }
    await handle.close();
    stdout.write('Stopped watching.\n');
    return 0;
  },
});

/** `built output/ (briefing.pptx, summary.pdf, …)`, or `rebuilt` after a change. */
function describeBuild(event: RebuildEvent & { ok: true }): string {
  const { files } = event.result;
  const folder = files[0] ? show(dirname(files[0])) : '';
  const verb = event.changed.length ? 'rebuilt' : 'Built';
  return `${verb} ${folder}/ (${files.map((f) => basename(f)).join(', ')})`;
}

/** `data.yaml changed: `, `data.yaml removed: `, or nothing for the first build. */
export function describeChanges({ changed, removed }: Pick<RebuildEvent, 'changed' | 'removed'>) {
  const paths = outermost(changed);
  const said = (gone: boolean) => paths.filter((path) => removed.includes(path) === gone);
  const parts = [
    [said(false), 'changed'],
    [said(true), 'removed'],
  ] as const;
  const what = parts.flatMap(([list, verb]) =>
    list.length ? [`${list.map(show).join(', ')} ${verb}`] : [],
  );
  return what.length ? `${what.join('; ')}: ` : '';
}

/** The paths not inside another of them: a folder moved back stands for all it holds. */
export function outermost(paths: readonly string[]): string[] {
  return paths.filter((path) => !paths.some((other) => path.startsWith(other + sep)));
}

/** Paths inside the current folder relative to it, others in full. */
function show(path: string): string {
  const near = relative(process.cwd(), path);
  return near && !near.startsWith('..') && !isAbsolute(near) ? near : path;
}
