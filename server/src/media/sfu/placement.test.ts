import { describe, expect, it } from 'vitest';
import { leastLoadedWorker, placeReceiver, type WorkerLoad } from './placement.js';

const load = (worker: number, consumers: number, routers = 1, alive = true): WorkerLoad => ({
  worker,
  consumers,
  routers,
  alive,
});

describe('which worker opens a room', () => {
  it('the live worker with the fewest consumers, then the fewest routers', () => {
    expect(leastLoadedWorker([load(0, 10), load(1, 3), load(2, 3, 0)])).toBe(2);
    expect(leastLoadedWorker([load(0, 0, 0, false), load(1, 50)])).toBe(1);
  });

  it('none when every worker is dead', () => {
    expect(leastLoadedWorker([load(0, 0, 0, false)])).toBeNull();
  });
});

describe('which router serves a new receiver of a room', () => {
  const origin = { routerId: 'r0', worker: 0 };

  it('the origin while its worker is below the threshold', () => {
    expect(placeReceiver([origin], [load(0, 499), load(1, 0)], 500)).toEqual({ kind: 'existing', routerId: 'r0' });
  });

  it('a new router on the least-loaded other worker once the origin’s worker reaches the threshold', () => {
    expect(placeReceiver([origin], [load(0, 500), load(1, 300), load(2, 20)], 500)).toEqual({ kind: 'new', worker: 2 });
  });

  it('an existing overflow router that still has room before opening another', () => {
    const overflow = { routerId: 'r1', worker: 1 };
    expect(placeReceiver([origin, overflow], [load(0, 500), load(1, 10), load(2, 0)], 500)).toEqual({
      kind: 'existing',
      routerId: 'r1',
    });
  });

  it('the room’s least-loaded router when every worker is full (overcommit rather than refuse a viewer)', () => {
    const overflow = { routerId: 'r1', worker: 1 };
    expect(placeReceiver([origin, overflow], [load(0, 700), load(1, 600)], 500)).toEqual({
      kind: 'existing',
      routerId: 'r1',
    });
  });

  it('never a router on a dead worker', () => {
    const overflow = { routerId: 'r1', worker: 1 };
    expect(placeReceiver([origin, overflow], [load(0, 500), load(1, 0, 1, false), load(2, 0, 0)], 500)).toEqual({
      kind: 'new',
      worker: 2,
    });
  });

  it('nothing when no worker lives', () => {
    expect(placeReceiver([origin], [load(0, 0, 1, false)], 500)).toBeNull();
  });
});
