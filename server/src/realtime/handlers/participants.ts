/** Host moderation of people: remove, promote to co-host, demote. */
import * as participants from '../../domain/participants.js';
import * as hands from '../../domain/hands.js';
import * as rounds from '../../domain/breakouts/round.js';
import { roundPhase, type Round } from '@mashup/shared';
import { UNCHANGED } from '../../domain/context.js';
import { participantView } from '../../domain/records.js';
import type { FeatureDeps } from '../deps.js';
import type { Handler } from '../handler.js';
import { roundWrites } from '../round-writes.js';
import { lobbyWrites } from './lobbies.js';
import * as lobbies from '../../domain/lobbies/lobby.js';

/** `presenceChanged`: who may take part in speed dating changed (rule S3); the feature re-plans. */
export function participantHandlers(deps: FeatureDeps, presenceChanged: (eventId: string) => void) {
  const writes = roundWrites(deps);
  const { applyLobby } = lobbyWrites(deps);
  const remove: Handler<'participant:remove'> = async ({ eventId, actor }, { participantId }) => {
    const change = await deps.store.updateParticipant(eventId, participantId, (cur) =>
      participants.remove(cur, actor.id),
    );
    // Order matters: first the record says "removed" (so the token is refused from now on),
    // then everyone learns it, then the person's sockets are told and closed.
    deps.broadcast.patch(eventId, change.seq!, { type: 'participantRemoved', participantId });
    const handsChange = await deps.store.updateDoc(eventId, 'hands', (cur) => hands.lower(cur, participantId));
    if (handsChange.seq !== null) {
      deps.broadcast.patch(eventId, handsChange.seq, { type: 'hands', hands: handsChange.value ?? [] });
    }
    // A removed person's seats go to the next on each waitlist (rounds that can still change).
    const changeable = (r: Round | null, now: number): r is Round => r !== null && !['closing', 'closed'].includes(roundPhase(r, now));
    for (const round of await deps.store.listItems(eventId, 'rounds')) {
      await writes.applySeats(eventId, round.id, (cur, now) => (changeable(cur, now) ? rounds.leave(cur, participantId, now) : UNCHANGED));
    }
    // A removed person's table seats are freed too (rule L3).
    for (const lobby of await deps.store.listItems(eventId, 'lobbies')) {
      if (!lobby.tables.some((t) => t.seated.includes(participantId))) continue;
      await applyLobby(eventId, lobby.id, (cur) => {
        const out = cur ? lobbies.leave(cur, participantId) : UNCHANGED;
        return out === UNCHANGED ? UNCHANGED : { lobby: out };
      });
    }
    deps.broadcast.endSession(eventId, participantId, 'removed');
    // Nor is a removed person paired in a speed-dating round not yet begun (rule S3).
    presenceChanged(eventId);
    return {};
  };

  const setRole: Handler<'participant:setRole'> = async ({ eventId, actor }, { participantId, role }) => {
    const change = await deps.store.updateParticipant(eventId, participantId, (cur) =>
      participants.setRole(cur, actor.id, role),
    );
    if (change.seq !== null) {
      deps.broadcast.patch(eventId, change.seq, { type: 'participant', participant: participantView(change.value!) });
      // Hosts run a speed-dating session rather than take part in it (rule S3).
      presenceChanged(eventId);
    }
    return {};
  };

  return { 'participant:remove': remove, 'participant:setRole': setRole };
}
