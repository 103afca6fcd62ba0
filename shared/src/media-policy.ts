/**
 * Who may send audio, video and a screen in which room (rule M2). Server and
 * client run the same functions: the server enforces, the client shows only
 * the controls a person can use and stops sending when the answer changes
 * (a talk ends, a host takes the floor back).
 *
 * Room kinds are pluggable: a room id maps to a kind, and each kind has a
 * policy. Workshops are `group` rooms, lobby tables `table` rooms, a lobby's
 * floor is a stage like the plenary; speed-dating pairs are `table` rooms
 * too (everyone sends), and the session's floor is a stage.
 */
import { PLENARY_ROOM } from './protocol/model.js';
import type { PechaKuchaBlock } from './protocol/pechakucha.js';
import type { Round } from './protocol/breakouts.js';
import { liveRound } from './breakout-schedule.js';
import { pkPresenterOnStage } from './pechakucha-schedule.js';
import { isLobbyRoom, isTableRoom } from './lobby-rooms.js';
import { isDatingFloorRoom, isPairRoom } from './speed-dating-schedule.js';

export type MediaRoomKind = 'stage' | 'group' | 'table';

/** Everyone in a group room may share a screen while it has at most this many people (UI.md: "in small rooms everyone"). */
export const SMALL_ROOM_MAX = 6;

export interface MediaActor {
  participantId: string;
  role: string;
}

/** What the policies read: the state both sides have. */
export interface MediaContext {
  pechakucha: PechaKuchaBlock | null;
  rounds: readonly Round[];
  /** Participants a host gave the floor in the plenary. */
  floor: readonly string[];
  /** How many participants are in the room now (for "small rooms"). */
  roomSize: number;
  now: number;
}

export interface MediaRights {
  mayPublish: boolean;
  mayShare: boolean;
}

export interface MediaRoomPolicy {
  rights(actor: MediaActor, roomId: string, ctx: MediaContext): MediaRights;
}

/** The plenary is a stage: hosts, the presenter of the talk now showing and whoever has the floor; everyone else receives. */
const stagePolicy: MediaRoomPolicy = {
  rights(actor, _roomId, ctx) {
    const host = actor.role === 'host';
    const presenter = pkPresenterOnStage(ctx.pechakucha, ctx.now) === actor.participantId;
    const floor = ctx.floor.includes(actor.participantId);
    return { mayPublish: host || presenter || floor, mayShare: host || presenter };
  },
};

/** A working room: everyone sends; hosts and the room's moderator share a screen, everyone does in small rooms. */
const groupPolicy: MediaRoomPolicy = {
  rights(actor, roomId, ctx) {
    const round = liveRound(ctx.rounds, ctx.now);
    const moderator = round?.workshops.some((w) => w.id === roomId && w.moderatorId === actor.participantId) ?? false;
    return { mayPublish: true, mayShare: actor.role === 'host' || moderator || ctx.roomSize <= SMALL_ROOM_MAX };
  },
};

/** A lobby table: at most 12 people who sit down to talk, so everyone sends and may share a screen (rule L2). */
const tablePolicy: MediaRoomPolicy = {
  rights() {
    return { mayPublish: true, mayShare: true };
  },
};

export const MEDIA_ROOM_POLICIES: Record<MediaRoomKind, MediaRoomPolicy> = { stage: stagePolicy, group: groupPolicy, table: tablePolicy };

/**
 * The floor of a lobby or of a speed-dating session is a stage: hosts (and
 * whoever has the floor) speak to everyone not seated or paired. A pair talks
 * like a table: both (or all three) send.
 */
export function mediaRoomKind(roomId: string): MediaRoomKind {
  if (roomId === PLENARY_ROOM || isLobbyRoom(roomId) || isDatingFloorRoom(roomId)) return 'stage';
  return isTableRoom(roomId) || isPairRoom(roomId) ? 'table' : 'group';
}

export function mediaRights(actor: MediaActor, roomId: string, ctx: MediaContext): MediaRights {
  return MEDIA_ROOM_POLICIES[mediaRoomKind(roomId)].rights(actor, roomId, ctx);
}
