import { BriefkitError } from '../../src/errors/briefkit-error.ts';

/** Runs fn and returns the BriefkitError it throws; anything else fails the test. */
export function catchError(fn: () => unknown): BriefkitError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BriefkitError) return error;
    throw error;
  }
  throw new Error('expected a BriefkitError');
}
