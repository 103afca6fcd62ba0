/**
 * Lobbies with tables ("Social Eating", "Get-together") as the views need
 * them: where in the open lobby a room id is (floor or table), what each
 * table offers (free seats, "voll", "gesperrt", the one button it shows),
 * who sits there, where one may switch to, and for hosts a lobby's phase and
 * occupancy. Pure functions over the EventView; where someone *is* always
 * comes from shared's `roomOf` (rule L2), never from here.
 */
import {
  freeSeats,
  isLobbyOpen,
  isTableRoom,
  lobbyRoomId,
  openLobby,
  tableOf,
  tableRoomId,
  type Lobby,
  type ParticipantView,
  type Table,
} from '@mashup/shared';
import type { EventView } from './plenary-state.js';

/** Where a room id is in the open lobby: its floor (`table` null) or one of its tables. */
export interface LobbyPlace {
  lobby: Lobby;
  table: Table | null;
}

/** The open lobby's floor or table behind a room id; null outside the lobby (plenary, a workshop). */
export function lobbyPlace(view: Pick<EventView, 'lobbies'>, roomId: string): LobbyPlace | null {
  const lobby = openLobby(view.lobbies);
  if (!lobby) return null;
  if (roomId === lobbyRoomId(lobby.id)) return { lobby, table: null };
  if (!isTableRoom(roomId)) return null;
  const table = lobby.tables.find((t) => tableRoomId(t.id) === roomId);
  return table ? { lobby, table } : null;
}

/**
 * What a table's button does for one person: nothing at the own table
 * (`mine`), nothing at a locked or full one (rule L4, L3: the state is shown
 * in words instead), else sit down — or switch, for someone seated elsewhere.
 * Locked wins over full: unlocking is what would help there.
 */
export type SeatAction = 'mine' | 'sit' | 'switch' | 'full' | 'locked';

export function seatAction(table: Table, myTableId: string | null): SeatAction {
  if (table.id === myTableId) return 'mine';
  if (table.locked) return 'locked';
  if (freeSeats(table) === 0) return 'full';
  return myTableId === null ? 'sit' : 'switch';
}

/** One table as a card or list row shows it. */
export interface TableInfo {
  table: Table;
  free: number;
  full: boolean;
  locked: boolean;
  mine: boolean;
  action: SeatAction;
  /** Who sits there, in the order they sat down (people no longer in the event are left out). */
  people: ParticipantView[];
}

/** The people at a table in seat order. */
export function seatedPeople(view: Pick<EventView, 'participants'>, table: Table): ParticipantView[] {
  const byId = new Map(view.participants.map((p) => [p.id, p]));
  return table.seated.flatMap((id) => {
    const p = byId.get(id);
    return p ? [p] : [];
  });
}

/** The table this participant sits at in the lobby (null on the floor). */
export function myTableId(lobby: Lobby, participantId: string): string | null {
  return tableOf(lobby, participantId)?.id ?? null;
}

export function tableInfo(view: Pick<EventView, 'participants'>, table: Table, mine: string | null): TableInfo {
  const free = freeSeats(table);
  return {
    table,
    free,
    full: free === 0,
    locked: table.locked,
    mine: table.id === mine,
    action: seatAction(table, mine),
    people: seatedPeople(view, table),
  };
}

/** Every table of the lobby as seen by the view's own participant, in the lobby's order. */
export function tableInfos(view: Pick<EventView, 'participants' | 'self'>, lobby: Lobby): TableInfo[] {
  const mine = myTableId(lobby, view.self.participantId);
  return lobby.tables.map((t) => tableInfo(view, t, mine));
}

/** Tables one can sit down at or switch to from `mine` (the compact switch at a table). */
export function switchTargets(lobby: Lobby, mine: string | null): Table[] {
  return lobby.tables.filter((t) => {
    const a = seatAction(t, mine);
    return a === 'sit' || a === 'switch';
  });
}

/**
 * Whether "Überraschen Sie mich" can find a seat: an unlocked table with a free
 * seat other than one's own (rule L6; otherwise the server answers
 * `lobby.full`). Who one has met only decides which of them.
 */
export function canSurprise(lobby: Lobby, mine: string | null): boolean {
  return switchTargets(lobby, mine).length > 0;
}

export interface Occupancy {
  seated: number;
  seats: number;
}

export function lobbyOccupancy(lobby: Lobby): Occupancy {
  return lobby.tables.reduce((o, t) => ({ seated: o.seated + t.seated.length, seats: o.seats + t.capacity }), { seated: 0, seats: 0 });
}

/** A lobby for hosts: prepared (never opened), open, or closed (was open; may open again). */
export type LobbyPhase = 'prepared' | 'open' | 'closed';

export function lobbyPhase(lobby: Lobby): LobbyPhase {
  if (isLobbyOpen(lobby)) return 'open';
  return lobby.openedAt === null ? 'prepared' : 'closed';
}

/** Another lobby is open: this one cannot open before that one closes (rule L1). */
export function anotherOpen(lobbies: readonly Lobby[], lobbyId: string): boolean {
  return lobbies.some((l) => l.id !== lobbyId && isLobbyOpen(l));
}
