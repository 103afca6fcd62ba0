/**
 * Who hears what is said in a room. Rooms inside an event are not Socket.IO
 * rooms: membership follows from the rounds at the moment of sending (rule
 * B1), so no process has to move sockets when a round opens or closes, and a
 * process that dies cannot leave anyone subscribed to the wrong room.
 */
import { inWorkshops, liveRound, PLENARY_ROOM, roomOf, workshopMembers, type Round } from '@mashup/shared';
import type { EventStore } from '../store/types.js';

/** A room's listeners: named members (a workshop) or the whole event except those in workshops (the plenary). */
export type Audience = { kind: 'members'; participantIds: string[] } | { kind: 'plenary'; except: string[] };

export function audienceOf(rounds: readonly Round[], roomId: string, now: number): Audience {
  const round = liveRound(rounds, now);
  if (!round) return { kind: 'plenary', except: [] };
  if (roomId === PLENARY_ROOM || !round.workshops.some((w) => w.id === roomId)) {
    return { kind: 'plenary', except: [...inWorkshops(round)] };
  }
  return { kind: 'members', participantIds: workshopMembers(round, roomId) };
}

export interface Location {
  roomId: string;
  audience: Audience;
}

/** Where a participant is now, and who is there with them: one read of the event's rounds. */
export async function locate(store: EventStore, eventId: string, participantId: string, now: number): Promise<Location> {
  return locateIn(await store.listItems(eventId, 'rounds'), participantId, now);
}

function locateIn(rounds: readonly Round[], participantId: string, now: number): Location {
  const roomId = roomOf(participantId, rounds, now);
  return { roomId, audience: audienceOf(rounds, roomId, now) };
}

/**
 * `locate` for reactions: an applause wave of 1,000 people must not become
 * 1,000 reads of every round. Each process reuses an event's rounds for
 * `ttlMs` (the reaction flush interval): a reaction sent in the moment of a
 * room change may still reach the old room, which for an ephemeral burst is
 * harmless. Chat keeps the fresh read.
 */
export function cachedLocator(store: EventStore, ttlMs: number) {
  const cache = new Map<string, { at: number; rounds: Promise<Round[]> }>();
  return (eventId: string, participantId: string, now: number): Promise<Location> => {
    let hit = cache.get(eventId);
    if (!hit || now - hit.at >= ttlMs || now < hit.at) {
      if (cache.size > 10_000) cache.clear(); // bounded: a long-running process sees many events
      const rounds = store.listItems(eventId, 'rounds');
      hit = { at: now, rounds };
      cache.set(eventId, hit);
      // A failed read is not kept: the next reaction reads again.
      rounds.catch(() => cache.get(eventId) === hit && cache.delete(eventId));
    }
    return hit.rounds.then((rounds) => locateIn(rounds, participantId, now));
  };
}
