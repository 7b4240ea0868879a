import { formatDataPath } from './data-path.ts';
import { checkValue, throwProblems } from './limits.ts';
import type { SourceDocument } from './read-source.ts';

/** One batch record: its fields, and how to name it in messages (e.g. `recipients.csv row 12`). */
export interface DataRecord {
  label: string;
  fields: Record<string, unknown>;
}

/**
 * The dataset with a batch record's fields merged over its top level. Problems in a merged
 * field are reported at the record, the rest at their place in the dataset file. The fields
 * meet the same limits as a data file (depth, list length, text length, numbers).
 */
export function mergeRecord(source: SourceDocument, record: DataRecord): SourceDocument {
  throwProblems(
    checkValue(record.fields, (path) => ({ file: record.label, path: formatDataPath(path) })),
  );
  const base = (source.value ?? {}) as Record<string, unknown>;
  return {
    file: source.file,
    value: { ...base, ...record.fields },
    locate: (path, at) => {
      const [head] = path;
      if (typeof head === 'string' && Object.hasOwn(record.fields, head)) {
        return { file: record.label, path: formatDataPath(path) };
      }
      return source.locate(path, at);
    },
  };
}
