import { describe, expect, it } from 'vitest';
import { FakeClock, flush } from '../../test-support/fake-clock.js';
import { DISCONNECTED_GRACE_MS, IceRestarter, MAX_RESTARTS, iceRestartDelay } from './ice-restart.js';

/** A restarter on a manual clock whose restarts are counted; `answer` decides how each one ends. */
function setup(answer: () => Promise<boolean> = async () => true) {
  const clock = new FakeClock();
  const out = { restarts: 0, gaveUp: 0, errors: [] as unknown[] };
  const ice = new IceRestarter({
    clock,
    restart: () => {
      out.restarts++;
      return answer();
    },
    onGiveUp: () => out.gaveUp++,
    onError: (err) => out.errors.push(err),
  });
  return { clock, ice, out };
}

describe('ICE restart of an SFU transport (rule M7)', () => {
  it('a failed connection is restarted at once; once connected, nothing more happens', async () => {
    const { clock, ice, out } = setup();
    ice.onState('connected');
    ice.onState('failed');
    await clock.advance(0);
    expect(out.restarts).toBe(1);
    ice.onState('connecting');
    ice.onState('connected');
    await clock.advance(60_000);
    expect(out.restarts).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it(`a disconnection that heals within ${DISCONNECTED_GRACE_MS / 1000} s is left alone; one that lasts is restarted`, async () => {
    const { clock, ice, out } = setup();
    ice.onState('connected');
    ice.onState('disconnected');
    await clock.advance(DISCONNECTED_GRACE_MS - 1);
    ice.onState('connected');
    await clock.advance(60_000);
    expect(out.restarts).toBe(0);

    ice.onState('disconnected');
    await clock.advance(DISCONNECTED_GRACE_MS);
    expect(out.restarts).toBe(1);
  });

  it('restarts that do not help are repeated after 2 s, then 4 s; then the tab stops asking and says so once', async () => {
    const { clock, ice, out } = setup();
    ice.onState('failed');
    await clock.advance(0);
    expect(out.restarts).toBe(1);
    await clock.advance(1_999);
    expect(out.restarts).toBe(1);
    await clock.advance(1);
    expect(out.restarts).toBe(2);
    await clock.advance(4_000);
    expect(out.restarts).toBe(MAX_RESTARTS);
    await clock.advance(60_000);
    ice.onState('failed');
    await clock.advance(60_000);
    expect(out.restarts).toBe(MAX_RESTARTS);
    expect(out.gaveUp).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('reaching connected again starts the count afresh for the next outage', async () => {
    const { clock, ice, out } = setup();
    ice.onState('failed');
    await clock.advance(10_000);
    expect(out.restarts).toBe(MAX_RESTARTS);
    ice.onState('connected');
    ice.onState('failed');
    await clock.advance(0);
    expect(out.restarts).toBe(MAX_RESTARTS + 1);
  });

  it('a request that fails is reported and retried after the backoff', async () => {
    let calls = 0;
    const { clock, ice, out } = setup(async () => {
      if (++calls === 1) throw Object.assign(new Error('no reply'), { code: 'server.unavailable' });
      return true;
    });
    ice.onState('failed');
    await clock.advance(0);
    expect(out.errors).toHaveLength(1);
    await clock.advance(2_000);
    expect(out.restarts).toBe(2);
  });

  it('when the transport is gone (the restart answers false) the restarter stops for good', async () => {
    const { clock, ice, out } = setup(async () => false);
    ice.onState('failed');
    await clock.advance(0);
    ice.onState('failed');
    await clock.advance(60_000);
    expect(out.restarts).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it('dispose (the transport or the session closed) cancels a pending restart and ignores one under way', async () => {
    const pending = setup();
    pending.ice.onState('disconnected');
    expect(pending.clock.pendingTimers).toBe(1);
    pending.ice.dispose();
    expect(pending.clock.pendingTimers).toBe(0);
    await pending.clock.advance(60_000);
    expect(pending.out.restarts).toBe(0);

    let finish: (alive: boolean) => void = () => undefined;
    const running = setup(() => new Promise<boolean>((resolve) => (finish = resolve)));
    running.ice.onState('failed');
    await running.clock.advance(0);
    running.ice.dispose();
    finish(true);
    await flush();
    await running.clock.advance(60_000);
    expect(running.out.restarts).toBe(1);
    expect(running.clock.pendingTimers).toBe(0);
  });

  it('a closed transport needs no restart', async () => {
    const { clock, ice, out } = setup();
    ice.onState('closed');
    ice.onState('failed');
    await clock.advance(60_000);
    expect(out.restarts).toBe(0);
  });

  it('the delays in one table: failed at once, disconnected after the grace period, nothing while connecting or connected', () => {
    expect(iceRestartDelay('failed', 0)).toBe(0);
    expect(iceRestartDelay('failed', 1)).toBe(2_000);
    expect(iceRestartDelay('failed', 2)).toBe(4_000);
    expect(iceRestartDelay('failed', MAX_RESTARTS)).toBeNull();
    expect(iceRestartDelay('disconnected', 0)).toBe(DISCONNECTED_GRACE_MS);
    expect(iceRestartDelay('connecting', 0)).toBeNull();
    expect(iceRestartDelay('connected', 0)).toBeNull();
  });
});
