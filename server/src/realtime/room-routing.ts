/**
 * Who hears what is said in a room. Rooms inside an event are not Socket.IO
 * rooms: membership follows from the rounds, the running speed-dating session
 * and the open lobby at the moment of sending (rules B1, S2, L2), so no process has to move sockets when a round
 * opens or someone sits down, and a process that dies cannot leave anyone
 * subscribed to the wrong room.
 */
import {
  datingFloorRoomId,
  inPairsNow,
  inWorkshops,
  liveRound,
  pairMembers,
  runningSpeedDating,
  lobbyRoomId,
  openLobby,
  PLENARY_ROOM,
  roomOf,
  seatedInLobby,
  tableOfRoom,
  workshopMembers,
  type Lobby,
  type Round,
  type SpeedDating,
} from '@mashup/shared';
import type { EventStore } from '../store/types.js';

/** A room's listeners: named members (a workshop, a table) or the whole event except some (the plenary, a lobby's floor). */
export type Audience = { kind: 'members'; participantIds: string[] } | { kind: 'plenary'; except: string[] };

/** What rooms are computed from: the rounds, the lobbies and the speed-dating sessions. */
export interface RoomState {
  rounds: readonly Round[];
  lobbies: readonly Lobby[];
  speedDatings: readonly SpeedDating[];
}

export function audienceOf({ rounds, lobbies, speedDatings }: RoomState, roomId: string, now: number): Audience {
  const round = liveRound(rounds, now);
  const workshops = round ? inWorkshops(round) : new Set<string>();
  if (round && round.workshops.some((w) => w.id === roomId)) {
    return { kind: 'members', participantIds: workshopMembers(round, roomId) };
  }
  // A running session comes before the lobby (roomOf): its pairs, else its floor for everyone else.
  const session = runningSpeedDating(speedDatings, now);
  if (session) {
    const pair = pairMembers(speedDatings, roomId, now);
    if (pair) return { kind: 'members', participantIds: pair.filter((p) => !workshops.has(p)) };
    const away = [...workshops, ...inPairsNow(speedDatings, now)];
    if (roomId === datingFloorRoomId(session.id)) return { kind: 'plenary', except: away };
    return { kind: 'members', participantIds: [] };
  }
  const inRooms = workshops;
  const lobby = openLobby(lobbies);
  if (!lobby) return { kind: 'plenary', except: [...inRooms] };
  const table = tableOfRoom(lobbies, roomId);
  // A seated person in a workshop is in the workshop (roomOf): the table does not hear them.
  if (table) return { kind: 'members', participantIds: table.seated.filter((p) => !inRooms.has(p)) };
  // While a lobby is open, everyone not in a workshop or at a table is on its floor; the plenary is empty.
  if (roomId === lobbyRoomId(lobby.id)) return { kind: 'plenary', except: [...inRooms, ...seatedInLobby(lobby)] };
  return roomId === PLENARY_ROOM ? { kind: 'members', participantIds: [] } : { kind: 'plenary', except: [...inRooms] };
}

export interface Location {
  roomId: string;
  audience: Audience;
}

/** The rounds, lobbies and speed-dating sessions, read in parallel. */
export async function readRooms(store: EventStore, eventId: string): Promise<RoomState> {
  const [rounds, lobbies, speedDatings] = await Promise.all([
    store.listItems(eventId, 'rounds'),
    store.listItems(eventId, 'lobbies'),
    store.listItems(eventId, 'speedDatings'),
  ]);
  return { rounds, lobbies, speedDatings };
}

/** Where a participant is now, and who is there with them: one read of the event's rounds and lobbies. */
export async function locate(store: EventStore, eventId: string, participantId: string, now: number): Promise<Location> {
  return locateIn(await readRooms(store, eventId), participantId, now);
}

function locateIn(rooms: RoomState, participantId: string, now: number): Location {
  const roomId = roomOf(participantId, rooms.rounds, now, rooms.lobbies, rooms.speedDatings);
  return { roomId, audience: audienceOf(rooms, roomId, now) };
}

/**
 * `locate` for reactions: an applause wave of 1,000 people must not become
 * 1,000 reads of every round. Each process reuses an event's rounds and
 * lobbies for `ttlMs` (the reaction flush interval): a reaction sent in the
 * moment of a room change may still reach the old room, which for an
 * ephemeral burst is harmless. Chat keeps the fresh read.
 */
export function cachedLocator(store: EventStore, ttlMs: number) {
  const cache = new Map<string, { at: number; rooms: Promise<RoomState> }>();
  return (eventId: string, participantId: string, now: number): Promise<Location> => {
    let hit = cache.get(eventId);
    if (!hit || now - hit.at >= ttlMs || now < hit.at) {
      if (cache.size > 10_000) cache.clear(); // bounded: a long-running process sees many events
      const rooms = readRooms(store, eventId);
      hit = { at: now, rooms };
      cache.set(eventId, hit);
      // A failed read is not kept: the next reaction reads again.
      rooms.catch(() => cache.get(eventId) === hit && cache.delete(eventId));
    }
    return hit.rooms.then((rooms) => locateIn(rooms, participantId, now));
  };
}
