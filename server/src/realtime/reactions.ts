/**
 * Reactions are many and ephemeral: 200 people clapping must not become 200
 * broadcasts to 200 people. Each process sums what it receives per room and
 * flushes one `reaction:burst` per room every FLUSH_MS.
 */
import type { ReactionKind } from '@mashup/shared';
import type { Clock } from '../clock.js';
import type { Broadcaster } from './broadcaster.js';
import type { Audience } from './room-routing.js';

// 250 ms: fast enough to feel immediate next to the applause, slow enough to merge a wave of clicks.
export const REACTION_FLUSH_MS = 250;

export interface ReactionAggregator {
  /** `audience`: the room's listeners as the sender's request saw them; the flush uses the latest. */
  add(eventId: string, roomId: string, kind: ReactionKind, audience: Audience): void;
  dispose(): void;
}

export function createReactionAggregator(clock: Clock, broadcast: Broadcaster): ReactionAggregator {
  const pending = new Map<string, { eventId: string; audience: Audience; counts: Partial<Record<ReactionKind, number>> }>();
  let cancel: (() => void) | null = null;

  const flush = () => {
    cancel = null;
    for (const { eventId, audience, counts } of pending.values()) broadcast.reactions(eventId, counts, audience);
    pending.clear();
  };

  return {
    add(eventId, roomId, kind, audience) {
      const key = `${eventId}\u0000${roomId}`;
      let entry = pending.get(key);
      if (!entry) pending.set(key, (entry = { eventId, audience, counts: {} }));
      entry.audience = audience;
      entry.counts[kind] = (entry.counts[kind] ?? 0) + 1;
      cancel ??= clock.setTimeout(flush, REACTION_FLUSH_MS);
    },
    dispose() {
      cancel?.();
      cancel = null;
      pending.clear();
    },
  };
}
