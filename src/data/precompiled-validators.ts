import type { ValidateFunction } from 'ajv';
import type { BuiltinSchema } from './builtin-schemas.ts';

/**
 * Validators for the built-in schemas, compiled ahead of time. Run from source there are
 * none, and Ajv compiles each on first use. scripts/bundle.mjs replaces this module with
 * Ajv's standalone code for all of them, so a bundled build starts without compiling them.
 */
export const precompiled: Partial<Record<BuiltinSchema, ValidateFunction>> = {};
