/**
 * Two real server processes on one Redis (a fresh key prefix), plus a store
 * client on the same keys to look at what was written: the setup of every
 * acceptance test where people on different processes race for the same
 * seats. Registers its own beforeAll/afterAll; read the fields inside tests.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { RedisStore } from '../store/redis.js';
import { uniquePrefix } from './fixtures.js';
import { joinCrowd, type TestClient } from './harness.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export interface TwoProcesses {
  a: ServerProcess;
  b: ServerProcess;
  store: RedisStore;
  /** `n` participants, alternately on A and B; closed after the suite. */
  crowd(code: string, n: number, label: string): Promise<TestClient[]>;
  /** Clients to close after the suite. */
  track(...clients: TestClient[]): void;
}

export function twoProcessesOnRedis(): TwoProcesses {
  const clients: TestClient[] = [];
  const procs = {
    track: (...more: TestClient[]) => void clients.push(...more),
    crowd: async (code: string, n: number, label: string) => {
      const out = await joinCrowd([procs.a.url, procs.b.url], code, n, label);
      clients.push(...out);
      return out;
    },
  } as TwoProcesses;
  beforeAll(async () => {
    const prefix = uniquePrefix();
    // Hundreds of joins from one address within a minute: above the default join budget per address.
    const env = { REDIS_URL: inject('redisUrl'), REDIS_PREFIX: prefix, JOIN_RATE_PER_MINUTE: '1000' };
    [procs.a, procs.b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    procs.store = await RedisStore.connect({ url: inject('redisUrl'), prefix });
  }, 60_000);
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await Promise.all([procs.a?.stop(), procs.b?.stop(), procs.store?.close()]);
  });
  return procs;
}
