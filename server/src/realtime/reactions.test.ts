import { describe, expect, it } from 'vitest';
import { FakeClock } from '../test-support/fake-clock.js';
import type { Broadcaster } from './broadcaster.js';
import { createReactionAggregator, REACTION_FLUSH_MS } from './reactions.js';

describe('reaction aggregation (rule E1)', () => {
  it('a wave of reactions becomes one burst per room per flush', () => {
    const clock = new FakeClock();
    const bursts: unknown[] = [];
    const broadcast = { reactions: (e: string, r: string, c: unknown) => bursts.push([e, r, c]) } as unknown as Broadcaster;
    const agg = createReactionAggregator(clock, broadcast);
    for (let i = 0; i < 50; i++) agg.add('e', 'plenary', 'applause');
    agg.add('e', 'plenary', 'heart');
    agg.add('e', 'room2', 'laugh');
    expect(bursts).toEqual([]);
    clock.advance(REACTION_FLUSH_MS);
    expect(bursts).toEqual([
      ['e', 'plenary', { applause: 50, heart: 1 }],
      ['e', 'room2', { laugh: 1 }],
    ]);
    clock.advance(REACTION_FLUSH_MS * 4);
    expect(bursts).toHaveLength(2);
  });

  it('dispose cancels the pending flush', () => {
    const clock = new FakeClock();
    const agg = createReactionAggregator(clock, { reactions: () => {} } as unknown as Broadcaster);
    agg.add('e', 'plenary', 'plusone');
    agg.dispose();
    expect(clock.pending).toBe(0);
  });
});
