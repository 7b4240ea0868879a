import metaSchema from 'ajv/dist/refs/json-schema-2020-12/schema.json' with { type: 'json' };
import projectSchema from '../../schemas/project.schema.json' with { type: 'json' };
import stringsSchema from '../../schemas/strings.schema.json' with { type: 'json' };
import manifestSchema from '../../schemas/template-manifest.schema.json' with { type: 'json' };
import themeSchema from '../../schemas/theme.schema.json' with { type: 'json' };

/**
 * briefkit's own file formats, and JSON Schema itself (a template's data schema is checked
 * against it). Bundles carry these compiled ahead of time: see precompiled-validators.ts.
 */
export const builtinSchemas = {
  meta: metaSchema,
  manifest: manifestSchema,
  theme: themeSchema,
  strings: stringsSchema,
  project: projectSchema,
} as const;

export type BuiltinSchema = keyof typeof builtinSchemas;
