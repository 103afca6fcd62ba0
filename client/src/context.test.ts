import { pkPositionAt, type PechaKuchaBlock } from '@mashup/shared';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describe, expect, it } from 'vitest';
import { WakeController } from './context.js';
import type { Clock, Disposer } from './services/clock.js';
import { pkNextWakeAt } from './state/pechakucha.js';
import { FakeClock } from './test-support/fake-clock.js';

/** A stand-in for a Lit element: update() = what Lit does after requestUpdate (render, then hostUpdated). */
class FakeHost {
  readonly controllers: ReactiveController[] = [];
  isConnected = true;
  constructor(readonly render: () => void) {}
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.render();
    for (const c of this.controllers) c.hostUpdated?.();
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

/** A clock whose timers fire `lateMs` late, or early when negative (browsers do both by a few ms). */
function skewed(clock: FakeClock, lateMs: number): Clock {
  return { now: () => clock.now(), setTimeout: (fn, ms): Disposer => clock.setTimeout(fn, ms + lateMs) };
}

const T = 1_000_000;
const block: PechaKuchaBlock = {
  id: 'b',
  title: 'PK',
  format: { slides: 4, slideMs: 1_000 },
  breakMs: 0,
  talks: [{ id: 'a', title: 'A', presenterId: null, presenterName: '', municipality: '', deck: null }],
  run: { talkIndex: 0, startAt: T, pausedAt: null, hold: false, endedAt: null },
};

function setup(lateMs: number, offsetMs = 0) {
  // Server time starts at T - 300; the local clock is `offsetMs` behind it (as ClockSync would estimate).
  const clock = new FakeClock(T - 300 - offsetMs);
  const serverNow = () => clock.now() + offsetMs;
  let wake: WakeController | null = null;
  /** [server time the render was for, slide shown (-1: not in a talk)]. */
  const renders: Array<[number, number]> = [];
  const host = new FakeHost(() => {
    const now = wake!.now();
    const pos = pkPositionAt(block, now);
    renders.push([now, pos.phase === 'talk' ? pos.slideIndex : -1]);
  });
  wake = new WakeController(host as unknown as ReactiveControllerHost & HTMLElement, {
    clock: skewed(clock, lateMs),
    serverNow,
    nextWakeAt: (now) => pkNextWakeAt(pkPositionAt(block, now), now),
  });
  /** The server time at which each slide (and the end, -1) was first rendered. */
  const firstShown = () => {
    const seen = new Map<number, number>();
    for (const [at, slide] of renders) if (!seen.has(slide)) seen.set(slide, at);
    return seen;
  };
  return { clock, host, wake, serverNow, renders, firstShown };
}

describe('WakeController: lockstep from the synced clock', () => {
  it('re-renders at each slide switch in server time, whatever the local clock says', async () => {
    const { clock, host, firstShown } = setup(0, 5_000);
    host.requestUpdate();
    await clock.advance(5_000);
    expect([...firstShown()]).toEqual([
      [0, T - 300],
      [1, T + 1_000],
      [2, T + 2_000],
      [3, T + 3_000],
      [-1, T + 4_000],
    ]);
  });

  it('a timer that fires early still shows the new slide (it renders for the planned moment)', async () => {
    const { clock, host, wake, renders } = setup(-2);
    host.requestUpdate();
    await clock.advance(1_300 - 2); // the timer for T + 1 000 fires 2 ms early
    expect(wake.now()).toBe(T + 1_000);
    expect(renders.at(-1)).toEqual([T + 1_000, 1]);
  });

  it('late timers do not add up: the 3rd switch is as late as one timer, not three', async () => {
    const { clock, host, firstShown } = setup(15);
    host.requestUpdate();
    await clock.advance(5_000);
    const shown = firstShown();
    expect(shown.get(1)! - (T + 1_000)).toBe(15);
    expect(shown.get(3)! - (T + 3_000)).toBe(15);
  });

  it('a patch re-plans the timer: one timer at a time', async () => {
    const { clock, host } = setup(0);
    host.requestUpdate();
    host.requestUpdate();
    host.requestUpdate();
    expect(clock.pendingTimers).toBe(1);
  });

  it('disconnecting clears the timer', async () => {
    const { clock, host, wake } = setup(0);
    host.requestUpdate();
    expect(clock.pendingTimers).toBe(1);
    wake.hostDisconnected();
    expect(clock.pendingTimers).toBe(0);
  });

  it('a render just short of a switch plans for that switch, even if the clock passes it before planning', async () => {
    const clock = new FakeClock(T + 999.5);
    // Each reading of the synced clock is 0.6 ms later than the one before (a busy page).
    let reads = 0;
    const serverNow = () => clock.now() + 0.6 * reads++;
    let wake: WakeController | null = null;
    const shown: number[] = [];
    const host = new FakeHost(() => {
      const pos = pkPositionAt(block, wake!.now());
      shown.push(pos.phase === 'talk' ? pos.slideIndex : -1);
    });
    wake = new WakeController(host as unknown as ReactiveControllerHost & HTMLElement, {
      clock,
      serverNow,
      nextWakeAt: (now) => pkNextWakeAt(pkPositionAt(block, now), now),
    });
    host.requestUpdate(); // renders slide 0 at T + 999.5; a second reading would be T + 1 000.1
    expect(shown).toEqual([0]);
    await clock.advance(2);
    // Slide 1 comes at its switch, not a whole slide later.
    expect(shown.slice(0, 2)).toEqual([0, 1]);
  });
});
