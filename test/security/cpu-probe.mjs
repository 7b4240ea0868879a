// Loaded with `node --import` by cli-acceptance.test.ts: records the CLI's own CPU time, which,
// unlike wall time, does not grow when other processes load the machine.
import { writeFileSync } from 'node:fs';

const file = process.env.BRIEFKIT_CPU_PROBE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ ms: (user + system) / 1000 }));
  });
}
