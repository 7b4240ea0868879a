// Batch workers (from the TypeScript sources, as tsx-worker.mjs) whose file system refuses
// some record folders, without filling a real disk or needing a read-only mount (tests run
// as root, whom permissions do not stop). Set before the batch starts:
//   BRIEFKIT_TEST_REFUSE       the record folder where refusing starts, e.g. r04
//   BRIEFKIT_TEST_REFUSE_ALL   "1": that folder and every later one by name (a disk filling
//                              up); else that folder only
//   BRIEFKIT_TEST_REFUSE_CODE  the system error, e.g. ENOSPC
//   BRIEFKIT_TEST_REFUSE_CALL  "write": writing an output fails; "mkdir": making the folder
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, dirname } from 'node:path';
import { register } from 'tsx/esm/api';

const {
  BRIEFKIT_TEST_REFUSE: from,
  BRIEFKIT_TEST_REFUSE_ALL: all,
  BRIEFKIT_TEST_REFUSE_CODE: code,
  BRIEFKIT_TEST_REFUSE_CALL: call,
} = process.env;

const refused = (folder) => (all === '1' ? basename(folder) >= from : basename(folder) === from);

function systemError(syscall, path) {
  return Object.assign(new Error(`${code}: refused, ${syscall} '${path}'`), {
    code,
    errno: -1,
    syscall,
    path,
  });
}

if (call === 'write') {
  const writeFileSync = fs.writeFileSync;
  fs.writeFileSync = (path, ...rest) => {
    // Outputs are staged as NAME.PID.tmp: the one write a full disk refuses first.
    if (typeof path === 'string' && path.endsWith('.tmp') && refused(dirname(path)))
      throw systemError('write', path);
    return writeFileSync(path, ...rest);
  };
}
if (call === 'mkdir') {
  const mkdirSync = fs.mkdirSync;
  fs.mkdirSync = (path, ...rest) => {
    if (typeof path === 'string' && refused(path)) throw systemError('mkdir', path);
    return mkdirSync(path, ...rest);
  };
}
syncBuiltinESMExports();

register();
const task = await import('../../../src/batch/batch-task.ts');

export const runBatchTask = task.runBatchTask;
