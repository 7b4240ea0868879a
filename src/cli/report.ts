import type { Diagnostic } from '../errors/briefkit-error.ts';
import { formatDiagnostic } from '../errors/format.ts';
import type { CliStream } from './context.ts';

/** One readable block per problem, as `file:line:col  message  [code]` plus a hint. */
export function writeDiagnostics(
  stream: CliStream,
  diagnostics: readonly Diagnostic[],
  indent = '',
): void {
  const text = diagnostics.map((d) => formatDiagnostic(d).replace(/^/gm, indent)).join('\n');
  stream.write(`${text}\n`);
}

export function writeWarnings(stream: CliStream, warnings: readonly Diagnostic[]): void {
  for (const warning of warnings) stream.write(`warning: ${formatDiagnostic(warning)}\n`);
}

/** A bug, not the user's input: keep the whole stack. */
export function writeInternalError(stream: CliStream, error: unknown): void {
  stream.write(`briefkit: internal error\n${(error as Error)?.stack ?? String(error)}\n`);
}
