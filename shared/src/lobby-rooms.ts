/**
 * Where people are while a lobby is open (rule L2): at their table, or on the
 * lobby's floor where they see the tables. Like the rounds (rule B1) nothing
 * about rooms is stored: server and clients compute the same room from the
 * lobbies they hold, so sitting down is one write and one patch.
 */
import type { Lobby, Table } from './protocol/lobbies.js';

/**
 * A table's room id. Table ids are unique in the event (server UUIDs), so the
 * lobby id is not needed in it; it would also push room ids past the 64
 * characters every id in a payload may have (`media:join`).
 */
export const tableRoomId = (tableId: string) => `table:${tableId}`;
/** The floor of a lobby: everyone in the event who is not at a table (nor in a workshop). */
export const lobbyRoomId = (lobbyId: string) => `lobby:${lobbyId}`;
export const isTableRoom = (roomId: string) => roomId.startsWith('table:');
export const isLobbyRoom = (roomId: string) => roomId.startsWith('lobby:');

export function isLobbyOpen(lobby: Lobby): boolean {
  return lobby.openedAt !== null && lobby.closedAt === null;
}

/**
 * The open lobby (rule L1: at most one). Should two ever be open after a race,
 * everyone still agrees on one: the earlier opening, then the smaller id.
 */
export function openLobby(lobbies: readonly Lobby[]): Lobby | null {
  let best: Lobby | null = null;
  for (const l of lobbies) {
    if (!isLobbyOpen(l)) continue;
    if (!best || l.openedAt! < best.openedAt! || (l.openedAt === best.openedAt && l.id < best.id)) best = l;
  }
  return best;
}

export function tableOf(lobby: Lobby, participantId: string): Table | null {
  return lobby.tables.find((t) => t.seated.includes(participantId)) ?? null;
}

/** The table or floor room of a participant while a lobby is open; null when none is. */
export function lobbyRoomOf(participantId: string, lobbies: readonly Lobby[]): string | null {
  const lobby = openLobby(lobbies);
  if (!lobby) return null;
  const table = tableOf(lobby, participantId);
  return table ? tableRoomId(table.id) : lobbyRoomId(lobby.id);
}

/** The open lobby's table behind a table room id, if that table exists. */
export function tableOfRoom(lobbies: readonly Lobby[], roomId: string): Table | null {
  const lobby = openLobby(lobbies);
  return lobby?.tables.find((t) => tableRoomId(t.id) === roomId) ?? null;
}

/** Everyone seated at some table of the lobby. */
export function seatedInLobby(lobby: Lobby): Set<string> {
  return new Set(lobby.tables.flatMap((t) => t.seated));
}

export function freeSeats(table: Table): number {
  return Math.max(0, table.capacity - table.seated.length);
}
