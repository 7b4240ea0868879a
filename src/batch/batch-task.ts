/**
 * The work one batch worker thread does for one record: build it and fingerprint the
 * outputs. Errors come back as values: a structured clone of a thrown error would lose its
 * diagnostics, and a bad record must not look like a crashed worker.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BuildOptions } from '../build.ts';
import { type Diagnostic, isBriefkitError } from '../errors/briefkit-error.ts';
import { type SystemRefusal, systemRefusal } from '../output/write-outputs.ts';
import type { TemplateBundle } from '../template/read-template.ts';

export interface BatchTask {
  options: BuildOptions;
}

export interface OutputDigest {
  /** File name inside the record's folder, e.g. `briefing.pptx`. */
  file: string;
  bytes: number;
  sha256: string;
}

export type BatchTaskResult =
  | { ok: true; outputs: OutputDigest[]; warnings: Diagnostic[]; ms: number }
  | {
      ok: false;
      diagnostics: Diagnostic[];
      /** The system error behind them, if writing was refused: a batch may stop for it. */
      refusal?: SystemRefusal;
      ms: number;
    }
  | { ok: false; internal: string; ms: number };

let pipeline:
  | Promise<[typeof import('../build.ts'), typeof import('../template/read-template.ts')]>
  | undefined;

/**
 * The template folder each batch has, read by this worker at its first record: reading and
 * checking it again for every record was a good part of a record's build.
 */
const templates = new Map<string, TemplateBundle>();

export async function runBatchTask(task: BatchTask): Promise<BatchTaskResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  // Loaded on first use: the CLI's main thread imports this module too, but never builds.
  pipeline ??= Promise.all([import('../build.ts'), import('../template/read-template.ts')]);
  const [{ buildWith, defaults }, { readTemplate }] = await pipeline;
  try {
    const dir = task.options.template ?? defaults.template;
    const template = templates.get(dir) ?? readTemplate(dir);
    templates.set(dir, template);
    // Per recipient, the deck and the summary: what a batch is for.
    const result = await buildWith({ outputs: ['pptx', 'summary'], ...task.options }, template);
    const outputs = await Promise.all(result.files.map(digest));
    return { ok: true, outputs, warnings: result.warnings, ms: ms() };
  } catch (error) {
    if (isBriefkitError(error)) {
      const refusal = systemRefusal(error);
      return {
        ok: false,
        diagnostics: [...error.diagnostics],
        ...(refusal && { refusal }),
        ms: ms(),
      };
    }
    return { ok: false, internal: (error as Error)?.stack ?? String(error), ms: ms() };
  }
}

async function digest(path: string): Promise<OutputDigest> {
  const bytes = await readFile(path);
  return {
    file: basename(path),
    bytes: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
