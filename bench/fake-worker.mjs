// A batch worker that builds nothing, so batch-memory.ts measures the batch machinery alone:
// reading and naming records, the pool, progress and the manifest.
const digest = (file) => ({ file, bytes: 1, sha256: '0'.repeat(64) });

export async function runBatchTask() {
  return {
    ok: true,
    outputs: [digest('briefing.pptx'), digest('summary.pdf')],
    warnings: [],
    ms: 0,
  };
}
