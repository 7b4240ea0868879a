import { expect } from 'vitest';

/**
 * Runs fn and expects it to take under `limit` ms: wall time or, on a machine loaded by other
 * processes (a shared two-core box), this process's CPU time, which such load does not inflate.
 */
export function expectFast<T>(fn: () => T, limit = 1000): T {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = fn();
  const { user, system } = process.cpuUsage(cpu);
  expect(Math.min(performance.now() - started, (user + system) / 1000)).toBeLessThan(limit);
  return result;
}
