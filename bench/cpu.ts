/**
 * CPU accounting of a process's main thread from Linux's schedstat: the time it
 * ran and the time it was ready to run but waited for a core. Node runs all
 * JavaScript and socket I/O on the main thread, so for a bench client or the
 * server this is the work that decides latency. Elsewhere (no /proc) it reads
 * nothing and the bench leaves the line out.
 */
import { readFileSync } from 'node:fs';

export interface CpuSample {
  runMs: number;
  waitMs: number;
}

/** null where /proc/<pid>/schedstat is missing (not Linux, or the process ended). */
export function cpuSample(pid: number | 'self'): CpuSample | null {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { runMs: run! / 1e6, waitMs: wait! / 1e6 };
  } catch {
    return null;
  }
}

export const cpuDelta = (a: CpuSample | null, b: CpuSample | null): CpuSample | null =>
  a && b ? { runMs: b.runMs - a.runMs, waitMs: b.waitMs - a.waitMs } : null;
