import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { linearPattern } from './linear-pattern.ts';

/** The one Ajv configuration: run-time compiles and the bundle's precompiled code share it. */
export function createAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    // A template's schema is checked against the meta-schema when it is read, with positions.
    validateSchema: false,
    ...options,
    code: { regExp: linearPattern, ...options.code },
  });
  addFormats.default(ajv);
  return ajv;
}
