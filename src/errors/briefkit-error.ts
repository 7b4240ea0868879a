/** Where a problem is: a file position, a data path, or both. */
export interface Place {
  file?: string;
  line?: number;
  column?: number;
  /** Data path such as `highlights[2].title`. */
  path?: string;
}

/** One problem found in the user's input. `code` is stable; tests and users may rely on it. */
export interface Diagnostic {
  code: string;
  message: string;
  place?: Place;
  hint?: string;
}

/**
 * The only error type briefkit throws for bad input. It carries every problem found, so a
 * user fixes all of them in one pass. Anything else thrown is a bug and keeps its stack.
 */
export class BriefkitError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  readonly exitCode: 1 | 2;

  constructor(
    diagnostics: Diagnostic | readonly Diagnostic[],
    exitCode: 1 | 2 = 1,
    options?: ErrorOptions,
  ) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics as Diagnostic];
    super(list.map((d) => d.message).join('\n'), options);
    this.name = 'BriefkitError';
    this.diagnostics = list;
    this.exitCode = exitCode;
  }

  get code(): string {
    return this.diagnostics[0]?.code ?? 'unknown';
  }

  /** The same error with each diagnostic mapped (placed elsewhere, say); this one its cause. */
  mapped(map: (diagnostic: Diagnostic) => Diagnostic): BriefkitError {
    return new BriefkitError(this.diagnostics.map(map), this.exitCode, { cause: this });
  }
}

export function isBriefkitError(error: unknown): error is BriefkitError {
  return error instanceof BriefkitError;
}

/** Throws one diagnostic as a BriefkitError; typed `never` so callers narrow after it. */
export function fail(diagnostic: Diagnostic, exitCode: 1 | 2 = 1): never {
  throw new BriefkitError(diagnostic, exitCode);
}
