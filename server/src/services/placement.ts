/**
 * Seats a person who joins: a pending CSV row that names them, or a free seat
 * in an open round of an automatic mode (domain/breakouts/join.ts). One
 * compare-and-set per round and one patch; the client then computes its room
 * from the round like everyone else (rule B1).
 */
import type { Round } from '@mashup/shared';
import { UNCHANGED } from '../domain/context.js';
import { placeOnJoin, type Joiner, type JoinPlacement } from '../domain/breakouts/join.js';
import type { Broadcaster } from '../realtime/broadcaster.js';
import type { EventStore } from '../store/types.js';

export interface PlacementDeps {
  store: EventStore;
  broadcast: Broadcaster;
  now: () => number;
}

export async function placeJoiner(deps: PlacementDeps, eventId: string, joiner: Joiner): Promise<void> {
  const rounds = await deps.store.listItems(eventId, 'rounds');
  // Cheap test first: most joins find nothing to do and must not write.
  const candidates = rounds.filter((r) => placeOnJoin(r, joiner, deps.now()) !== UNCHANGED);
  for (const candidate of candidates) {
    let placement: JoinPlacement | null = null;
    const change = await deps.store.updateItem(eventId, 'rounds', candidate.id, (cur) => {
      placement = null;
      if (!cur) return UNCHANGED;
      const r = placeOnJoin(cur, joiner, deps.now());
      if (r === UNCHANGED) return UNCHANGED;
      placement = r;
      return r.round;
    });
    const done = placement as JoinPlacement | null;
    if (change.seq === null || !done || !change.value) continue;
    deps.broadcast.patch(eventId, change.seq, patchFor(change.value, done));
  }
}

/** A pending row's removal changes the round itself; a late seat only the seats of one room. */
function patchFor(round: Round, placement: JoinPlacement) {
  if (placement.how === 'pending') return { type: 'round' as const, round };
  const seats = Object.fromEntries(placement.changed.map((w) => [w, round.seats[w]!]));
  return { type: 'seats' as const, roundId: round.id, seats };
}
