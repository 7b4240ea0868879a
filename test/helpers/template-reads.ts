type ReadTemplateModule = typeof import('../../src/template/read-template.ts');

/**
 * read-template.ts with `readTemplate` counting its calls in `reads`, for a test's
 * `vi.mock('…/read-template.ts', (original) => countingReads(original, reads))`.
 */
export async function countingReads(
  original: <T>() => Promise<T>,
  reads: { count: number },
): Promise<ReadTemplateModule> {
  const actual = await original<ReadTemplateModule>();
  return {
    ...actual,
    readTemplate: (dir: string) => {
      reads.count++;
      return actual.readTemplate(dir);
    },
  };
}
