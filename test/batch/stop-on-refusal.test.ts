import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { testContext } from '../cli/helpers/context.ts';
import { tempDir } from '../helpers/sample.ts';

/** Workers whose file system refuses record folders as the environment says (see the file). */
const refusingWorker = new URL('./helpers/refusing-worker.mjs', import.meta.url).href;

interface Refusal {
  from: string;
  all: boolean;
  code: string;
  call: 'write' | 'mkdir';
}

/** `build --each` over records r01…r12, each in the folder of its id, refused as `refusal` says. */
async function refusedBatch(refusal: Refusal, jobs = 1) {
  vi.stubEnv('BRIEFKIT_TEST_REFUSE', refusal.from);
  vi.stubEnv('BRIEFKIT_TEST_REFUSE_ALL', refusal.all ? '1' : '0');
  vi.stubEnv('BRIEFKIT_TEST_REFUSE_CODE', refusal.code);
  vi.stubEnv('BRIEFKIT_TEST_REFUSE_CALL', refusal.call);
  const dir = tempDir('briefkit-each-');
  const csv = join(dir, 'recipients.csv');
  const ids = Array.from({ length: 12 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`);
  writeFileSync(csv, ['id', ...ids, ''].join('\n'));
  const out = join(dir, 'out');
  const context = { ...testContext(), workerModule: refusingWorker };
  const args = ['build', '--each', csv, '--name', '{{id}}', '--out', out, '--jobs', String(jobs)];
  const code = await runCli(args, context);
  return { code, csv, out, err: context.err(), stdout: context.out() };
}

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

const outputsOf = (folders: string[]) =>
  folders.flatMap((f) => [`${f}/briefing.pptx`, `${f}/summary.pdf`]);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('build --each on a disk or output folder that refuses every record', () => {
  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the file system is read-only'],
    ['EDQUOT', 'the disk quota is used up'],
  ])(
    'stops at the first %s, reports it once with how many records were left unbuilt, and leaves no half-written file',
    async (code, reason) => {
      const run = await refusedBatch({ from: 'r04', all: true, code, call: 'write' });

      expect(run.code).toBe(1);
      expect(run.err.split(reason)).toHaveLength(2);
      expect(run.err).toContain(`failed ${run.csv} row 5:`);
      expect(run.err).toContain('[output-path]');
      expect(run.stdout).toContain('Built 3 of 12 records');
      expect(run.stdout).toContain(
        `Stopped: ${reason}, so no other record could be written; 8 records were left unbuilt, and no manifest was written.`,
      );
      // The built records whole; of the refused one nothing, not even its folder; no manifest.
      expect(filesUnder(run.out)).toEqual(outputsOf(['r01', 'r02', 'r03']));
    },
  );

  it('stops there too with builds running side by side, counting every record once', async () => {
    const run = await refusedBatch({ from: 'r04', all: true, code: 'ENOSPC', call: 'write' }, 3);

    expect(run.code).toBe(1);
    expect(run.err.split('the disk is full')).toHaveLength(2);
    expect(run.stdout).toContain('Built 3 of 12 records');
    const left = Number(/; (\d+) records? w[a-z]+ left unbuilt/.exec(run.stdout)?.[1]);
    const failed = Number(/^(\d+) failed:/m.exec(run.stdout)?.[1]);
    expect(failed).toBe(1);
    expect(3 + failed + left).toBe(12);
    expect(filesUnder(run.out)).toEqual(outputsOf(['r01', 'r02', 'r03']));
  });

  it('stops when the output folder refuses new record folders (permission denied)', async () => {
    const run = await refusedBatch({ from: 'r04', all: true, code: 'EACCES', call: 'mkdir' });

    expect(run.code).toBe(1);
    expect(run.err.split('permission denied')).toHaveLength(2);
    expect(run.stdout).toContain(
      'Stopped: permission denied, so no other record could be written; 8 records were left unbuilt, and no manifest was written.',
    );
    expect(filesUnder(run.out)).toEqual(outputsOf(['r01', 'r02', 'r03']));
  });

  it('goes on past a record whose own folder refuses it: the others can still be written', async () => {
    const run = await refusedBatch({ from: 'r04', all: false, code: 'EACCES', call: 'write' });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Built 11 of 12 records');
    expect(run.stdout).toContain(`1 failed: ${run.csv} row 5.`);
    expect(run.stdout).not.toContain('Stopped');
    const manifest = JSON.parse(readFileSync(join(run.out, 'manifest.json'), 'utf8'));
    expect(manifest.failed).toMatchObject([{ row: 5, errors: [{ code: 'output-path' }] }]);
    expect(existsSync(join(run.out, 'r12', 'summary.pdf'))).toBe(true);
  });
});
