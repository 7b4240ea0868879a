import type { SourceDocument } from './read-source.ts';

/** One batch record: its fields, and how to name it in messages (e.g. `recipients.csv row 12`). */
export interface DataRecord {
  label: string;
  fields: Record<string, unknown>;
}

/**
 * The dataset with a batch record's fields merged over its top level. Problems in a merged
 * field are reported at the record, the rest at their place in the dataset file.
 */
export function mergeRecord(source: SourceDocument, record: DataRecord): SourceDocument {
  const base = (source.value ?? {}) as Record<string, unknown>;
  return {
    file: source.file,
    value: { ...base, ...record.fields },
    locate: (path) => {
      const [head] = path;
      if (typeof head === 'string' && Object.hasOwn(record.fields, head)) {
        return {
          file: record.label,
          path: path
            .map((p) => (typeof p === 'number' ? `[${p}]` : p))
            .join('.')
            .replace(/\.\[/g, '['),
        };
      }
      return source.locate(path);
    },
  };
}
