/**
 * Progress of a batch: a bar on a terminal, plain lines otherwise (logs, CI, pipes), so
 * neither gets the other's noise. Failures are printed as they happen, in full.
 */
import { MultiBar, Presets } from 'cli-progress';
import type { BatchSummary, RecordOutcome } from '../../batch/run-batch.ts';
import { formatDiagnostic } from '../../errors/format.ts';
import { batchStopped } from '../../errors/messages.ts';
import { explainRefusal } from '../../output/write-outputs.ts';
import type { CliContext } from '../context.ts';

/** Enough rows to find them in the manifest; the rest are counted. */
const listedFailures = 20;

export function createProgress(context: CliContext) {
  const { stdout, stderr } = context;
  const bar = stderr.isTTY
    ? new MultiBar(
        {
          stream: stderr as unknown as NodeJS.WritableStream,
          format:
            'Building {bar} {value}/{total} | {failed} failed | {rate}/s | ETA {eta_formatted}',
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
        Presets.shades_classic,
      )
    : undefined;
  let single: ReturnType<MultiBar['create']> | undefined;
  let total = 0;
  let done = 0;
  let failed = 0;
  /** The first failures in file order (workers finish out of order), as the summary lists them. */
  const firstFailures: { row: number; label: string }[] = [];
  const warnings = new Set<string>();
  const started = performance.now();
  const rate = () => (done / Math.max(0.001, (performance.now() - started) / 1000)).toFixed(1);

  const counter = () => `[${String(done).padStart(String(total).length)}/${total}]`;
  const problem = (text: string) => (bar ? bar.log(`${text}\n`) : stderr.write(`${text}\n`));

  return {
    start(count: number) {
      total = count;
      single = bar?.create(total, 0, { failed: 0, rate: '0.0' });
    },
    record(outcome: RecordOutcome) {
      done++;
      if (outcome.ok) {
        for (const w of outcome.warnings) {
          const text = `warning: ${formatDiagnostic(w)}`;
          if (warnings.size < 100 && !warnings.has(text)) {
            warnings.add(text);
            problem(text);
          }
        }
        if (!bar)
          stdout.write(
            `${counter()} built ${outcome.folder} (${outcome.record.label}) in ${outcome.ms} ms\n`,
          );
      } else {
        failed++;
        firstFailures.push({ row: outcome.record.row, label: outcome.record.label });
        firstFailures.sort((a, b) => a.row - b.row).splice(listedFailures);
        const details =
          'internal' in outcome
            ? `briefkit: internal error\n${outcome.internal}`
            : outcome.diagnostics.map(formatDiagnostic).join('\n');
        problem(`${counter()} failed ${outcome.record.label}:\n${details.replace(/^/gm, '    ')}`);
      }
      single?.update(done, { failed, rate: rate() });
    },
    note(text: string) {
      problem(text);
    },
    /** `quitBy`: what ended a halted batch, in words. */
    finish(summary: BatchSummary, ms: number, quitBy = 'a second Ctrl-C') {
      bar?.stop();
      const seconds = ms / 1000;
      const perSecond = (summary.built / Math.max(seconds, 0.001)).toFixed(1);
      const lines = [
        `Built ${summary.built} of ${summary.total} records in ${seconds.toFixed(1)} s (${perSecond} records/s).`,
      ];
      if (summary.failed) {
        const more = summary.failed - firstFailures.length;
        const labels = firstFailures.map((f) => f.label).join('; ');
        lines.push(`${summary.failed} failed: ${labels}${more > 0 ? `; and ${more} more` : ''}.`);
      }
      if (summary.halted)
        lines.push(`Quit by ${quitBy}: the builds in progress were dropped; no manifest.`);
      else if (summary.stoppedBy)
        lines.push(batchStopped(explainRefusal(summary.stoppedBy).reason, summary.unbuilt));
      else {
        if (summary.interrupted)
          lines.push('Stopped by Ctrl-C: the remaining records were not built.');
        lines.push(`Manifest: ${summary.manifest}`);
      }
      stdout.write(`${lines.join('\n')}\n`);
    },
    stop() {
      bar?.stop();
    },
  };
}
