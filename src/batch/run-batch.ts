/**
 * `build --each`: one build per record, on a pool of worker threads.
 *
 *   1. plan: stream the records once to count them and check that folder names are unique
 *   2. stream them again; each record's fields go to a worker as the build's `record`
 *   3. at most 2 × jobs records are in flight, so memory does not grow with the file
 *   4. each outcome is reported as it comes, and built records go into manifest.json
 *
 * A bad record (unreadable, unnamable, or failing its build) is reported and skipped; the
 * others still build. A write no record can escape (a full or read-only disk, an output
 * folder that takes no new folder) is reported once and stops the batch: the builds in
 * flight finish, no manifest is written, and the records not built are counted.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { BuildOptions } from '../build.ts';
import type { Diagnostic } from '../errors/briefkit-error.ts';
import type { BatchRecord, UnreadableRecord } from './batch-record.ts';
import type { BatchTask, BatchTaskResult, OutputDigest } from './batch-task.ts';
import { createManifestWriter, type ManifestWriter, manifestName } from './manifest-writer.ts';
import { nameRecord } from './name-pattern.ts';
import { type BatchPlan, planBatch } from './plan-batch.ts';
import { readRecords } from './read-records.ts';
import { refusesEveryRecord } from './refuses-every-record.ts';

export interface BatchOptions {
  /** CSV (with a header row) or JSON array of records. */
  each: string;
  /** Folder name pattern such as `{{school}}-{{class}}`; default: by row. */
  name?: string | undefined;
  /** Worker threads. */
  jobs: number;
  /** Output root: one folder per record inside it, and manifest.json. */
  out: string;
  /** Options shared by every record's build (data, template, paper, …). */
  build: Omit<BuildOptions, 'out' | 'record'>;
  /** Module the workers load; it must export `runBatchTask` (see batch-task.ts). */
  workerModule: string;
  /** Written into manifest.json, e.g. `briefkit 0.1.0`. */
  generator: string;
  /** Stops taking new records; those in flight finish and are listed. */
  signal?: AbortSignal;
  /**
   * Stops at once: the builds in flight are dropped, with any file they had half written,
   * and no manifest is written.
   */
  halt?: AbortSignal;
  onPlan?(plan: BatchPlan): void;
  onRecord?(outcome: RecordOutcome): void;
}

type RecordRef = Pick<BatchRecord, 'row' | 'label'>;

export type RecordOutcome =
  | {
      ok: true;
      record: RecordRef;
      folder: string;
      outputs: OutputDigest[];
      warnings: Diagnostic[];
      ms: number;
    }
  | { ok: false; record: RecordRef; diagnostics: Diagnostic[] }
  | { ok: false; record: RecordRef; internal: string };

export interface BatchSummary {
  total: number;
  built: number;
  failed: number;
  /** Failures that were bugs rather than bad input. */
  internal: number;
  interrupted: boolean;
  /** Stopped by `halt`: nothing in flight was kept, and there is no manifest. */
  halted: boolean;
  /**
   * The system error code (`ENOSPC`…) of a write no record could escape, which stopped the
   * batch: the record it failed is reported, later ones are not built, there is no manifest.
   */
  stoppedBy: string | undefined;
  /** Records neither built nor failed: not reached after a stop or Ctrl-C. */
  unbuilt: number;
  manifest: string;
}

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  // 1. Plan.
  const plan = await planBatch(options.each, options.name);
  options.onPlan?.(plan);

  const manifest = createManifestWriter(options.out, {
    generator: options.generator,
    each: options.each,
    ...(options.build.data ? { data: options.build.data } : {}),
    ...(options.build.template ? { template: options.build.template } : {}),
  });
  // Each worker loads the whole pipeline, so start no more than there are records.
  const threads = Math.max(1, Math.min(options.jobs, plan.total));
  const pool = new Piscina<BatchTask, BatchTaskResult>({
    filename: options.workerModule,
    name: 'runBatchTask',
    minThreads: threads,
    maxThreads: threads,
  });
  const summary: BatchSummary = {
    total: plan.total,
    built: 0,
    failed: 0,
    internal: 0,
    interrupted: false,
    halted: false,
    stoppedBy: undefined,
    unbuilt: 0,
    manifest: join(options.out, manifestName),
  };
  const settle = settler(options, manifest, summary);
  const finish = () => ({ ...summary, unbuilt: summary.total - summary.built - summary.failed });
  const halt = options.halt;
  const halted = new Promise<void>((stop) => halt?.addEventListener('abort', () => stop()));
  /** Folders of the records in flight, to clear of half-written files after a halt. */
  const folders = new Set<string>();

  try {
    // 2–3. Stream the records through the pool, a bounded number at a time.
    const inFlight = new Set<Promise<void>>();
    for await (const entry of readRecords(options.each)) {
      if (summary.stoppedBy) break;
      if (options.signal?.aborted || halt?.aborted) {
        summary.interrupted = true;
        break;
      }
      if (!entry.ok) {
        settle.unbuilt(entry.record, entry.record.diagnostics);
        continue;
      }
      const { record } = entry;
      const named = nameRecord(record, plan.naming);
      if (!named.ok) {
        settle.unbuilt(record, [named.diagnostic]);
        continue;
      }
      const folder = join(options.out, named.name);
      const task: BatchTask = {
        options: {
          ...options.build,
          out: folder,
          record: { label: record.label, fields: record.fields },
        },
      };
      folders.add(folder);
      const running = pool
        .run(task)
        .then(
          (result) => settle.result(record, named.name, result),
          (error: unknown) => settle.result(record, named.name, crashed(error)),
        )
        .finally(() => {
          folders.delete(folder);
          inFlight.delete(running);
        });
      inFlight.add(running);
      while (inFlight.size >= threads * 2 && !halt?.aborted)
        await Promise.race([...inFlight, halted]);
    }
    await Promise.race([Promise.all(inFlight), halted]);
  } catch (error) {
    manifest.abort();
    throw error;
  } finally {
    // Taken before the pool ends the builds in flight (they then leave the set): after a
    // halt, or an error thrown here, the workers are gone mid-write.
    const dropped = [...folders];
    await pool.destroy();
    for (const folder of dropped) removeTempFiles(folder);
  }
  if (halt?.aborted) {
    manifest.abort();
    return { ...finish(), interrupted: true, halted: true };
  }
  // The manifest would be refused as the records were, and list only part of the batch.
  if (summary.stoppedBy) manifest.abort();
  else summary.manifest = manifest.close();
  return finish();
}

/** Files that writeOutputs had not renamed yet: `NAME.PID.tmp`. */
function removeTempFiles(folder: string): void {
  const suffix = `.${process.pid}.tmp`;
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder, { withFileTypes: true }))
    if (name.isFile() && name.name.endsWith(suffix)) rmSync(join(folder, name.name));
}

/** 4. Reports each outcome, counts it, and hands it to the manifest in input order. */
function settler(options: BatchOptions, manifest: ManifestWriter, summary: BatchSummary) {
  const fail = (
    record: BatchRecord | UnreadableRecord,
    outcome: RecordOutcome,
    errors: Diagnostic[],
  ) => {
    summary.failed++;
    manifest.fail({ row: record.row, label: record.label, errors });
    manifest.settle(record.seq, undefined);
    options.onRecord?.(outcome);
  };
  const ref = (record: RecordRef): RecordRef => ({ row: record.row, label: record.label });
  return {
    unbuilt(record: BatchRecord | UnreadableRecord, diagnostics: Diagnostic[]) {
      fail(record, { ok: false, record: ref(record), diagnostics }, diagnostics);
    },
    result(record: BatchRecord, folder: string, result: BatchTaskResult) {
      // After a halt nothing more is reported: the pool ends the builds it drops as errors.
      if (options.halt?.aborted) return;
      if (result.ok) {
        summary.built++;
        manifest.settle(record.seq, {
          row: record.row,
          label: record.label,
          folder,
          files: result.outputs.map((o) => ({
            path: `${folder}/${o.file}`,
            bytes: o.bytes,
            sha256: o.sha256,
          })),
        });
        options.onRecord?.({ ...result, record: ref(record), folder });
      } else if ('internal' in result) {
        summary.internal++;
        const message = result.internal.split('\n')[0] ?? 'internal error';
        fail(record, { ok: false, record: ref(record), internal: result.internal }, [
          { code: 'internal', message },
        ]);
      } else {
        const { diagnostics, refusal } = result;
        if (refusal && refusesEveryRecord(refusal, options.out)) {
          // Reported once: the builds still in flight when it came meet the same refusal.
          if (summary.stoppedBy) return;
          summary.stoppedBy = refusal.code;
        }
        fail(record, { ok: false, record: ref(record), diagnostics }, diagnostics);
      }
    },
  };
}

/** A worker that died (e.g. out of memory) fails only its own record. */
function crashed(error: unknown): BatchTaskResult {
  return { ok: false, internal: (error as Error)?.stack ?? String(error), ms: 0 };
}
