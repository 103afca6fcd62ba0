import { describe, expect, it } from 'vitest';
import { FakeClock } from '../test-support/fake-clock.js';
import type { Broadcaster } from './broadcaster.js';
import { createReactionAggregator, REACTION_FLUSH_MS } from './reactions.js';
import type { Audience } from './room-routing.js';

describe('reaction aggregation (rule E1)', () => {
  it('a wave of reactions becomes one burst per room per flush', () => {
    const clock = new FakeClock();
    const bursts: unknown[] = [];
    const broadcast = { reactions: (e: string, c: unknown, a: unknown) => bursts.push([e, c, a]) } as unknown as Broadcaster;
    const plenary: Audience = { kind: 'plenary', except: [] };
    const room2: Audience = { kind: 'members', participantIds: ['p1', 'p2'] };
    const agg = createReactionAggregator(clock, broadcast);
    for (let i = 0; i < 50; i++) agg.add('e', 'plenary', 'applause', plenary);
    agg.add('e', 'plenary', 'heart', plenary);
    agg.add('e', 'room2', 'laugh', room2);
    expect(bursts).toEqual([]);
    clock.advance(REACTION_FLUSH_MS);
    expect(bursts).toEqual([
      ['e', { applause: 50, heart: 1 }, plenary],
      ['e', { laugh: 1 }, room2],
    ]);
    clock.advance(REACTION_FLUSH_MS * 4);
    expect(bursts).toHaveLength(2);
  });

  it('dispose cancels the pending flush', () => {
    const clock = new FakeClock();
    const agg = createReactionAggregator(clock, { reactions: () => {} } as unknown as Broadcaster);
    agg.add('e', 'plenary', 'plusone', { kind: 'plenary', except: [] });
    agg.dispose();
    expect(clock.pending).toBe(0);
  });
});
