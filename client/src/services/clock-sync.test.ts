import { describe, expect, it } from 'vitest';
import type { ClockReply } from '@mashup/shared';
import { ClockSync } from './clock-sync.js';
import { FakeClock, flush } from '../test-support/fake-clock.js';

/** The server runs `offset` ms ahead; each ping takes `up` ms there and `down` ms back. */
function fakeServer(clock: FakeClock, offset: number, legs: Array<[up: number, down: number]>) {
  let i = 0;
  const calls: number[] = [];
  const ping = async (t0: number): Promise<ClockReply | null> => {
    calls.push(t0);
    const [up, down] = legs[i++ % legs.length]!;
    clock.skip(up);
    const serverNow = clock.now() + offset;
    clock.skip(down);
    return { t0, serverNow };
  };
  return { ping, calls };
}

describe('ClockSync', () => {
  it('takes the offset from the ping with the lowest round trip', async () => {
    const clock = new FakeClock();
    // Slow, asymmetric samples would be off by tens of ms; the 2 ms symmetric one is exact.
    const server = fakeServer(clock, 5_000, [
      [80, 10],
      [1, 1],
      [40, 5],
      [30, 90],
      [15, 3],
    ]);
    const sync = new ClockSync({ ping: server.ping, clock });
    expect(await sync.sample()).toBe(true);
    expect(server.calls).toHaveLength(5);
    expect(sync.estimate).toEqual({ offsetMs: 5_000, rttMs: 2 });
    expect(sync.serverNow()).toBe(clock.now() + 5_000);
  });

  it('uses a seed until the first round succeeds, then ignores further seeds', async () => {
    const clock = new FakeClock();
    const server = fakeServer(clock, -300, [[2, 2]]);
    const sync = new ClockSync({ ping: server.ping, clock });
    sync.seed(clock.now() + 250);
    expect(sync.serverNow()).toBe(clock.now() + 250);
    await sync.sample();
    sync.seed(clock.now() + 999);
    expect(sync.serverNow()).toBe(clock.now() - 300);
  });

  it('keeps the old estimate when no ping is answered', async () => {
    const clock = new FakeClock();
    const sync = new ClockSync({ ping: async () => null, clock });
    sync.seed(clock.now() + 42);
    expect(await sync.sample()).toBe(false);
    expect(sync.serverNow()).toBe(clock.now() + 42);
    expect(sync.measured).toBe(false);
  });

  it('re-samples every interval while quiet, postpones while busy, and stop() clears its timer', async () => {
    const clock = new FakeClock();
    const server = fakeServer(clock, 0, [[1, 1]]);
    let quiet = true;
    const sync = new ClockSync({ ping: server.ping, clock, intervalMs: 60_000, isQuiet: () => quiet });
    sync.start();
    await flush();
    expect(server.calls).toHaveLength(5);
    await clock.advance(60_000);
    expect(server.calls).toHaveLength(10);
    quiet = false;
    await clock.advance(60_000);
    expect(server.calls).toHaveLength(10);
    quiet = true;
    await clock.advance(5_000);
    expect(server.calls).toHaveLength(15);
    sync.stop();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(600_000);
    expect(server.calls).toHaveLength(15);
  });
});
