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
  const rounds = await store.listItems(eventId, 'rounds');
  const roomId = roomOf(participantId, rounds, now);
  return { roomId, audience: audienceOf(rounds, roomId, now) };
}
