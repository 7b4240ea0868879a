// Prints Ajv standalone code for briefkit's built-in schemas, with the same Ajv options as
// run time: the module scripts/bundle.mjs puts in place of src/data/precompiled-validators.ts.
import { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv } from '../src/data/ajv.ts';
import { type BuiltinSchema, builtinSchemas } from '../src/data/builtin-schemas.ts';

const ajv = createAjv({
  code: { source: true, esm: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
});
const refs: Record<string, string> = {};
for (const [name, schema] of Object.entries(builtinSchemas) as [BuiltinSchema, { $id: string }][]) {
  // The meta-schema is already Ajv's own.
  if (name !== 'meta') ajv.addSchema(schema);
  refs[name] = schema.$id;
}
const code = standaloneCode(ajv, refs);
process.stdout.write(`${code}\nexport const precompiled = { ${Object.keys(refs).join(', ')} };\n`);
