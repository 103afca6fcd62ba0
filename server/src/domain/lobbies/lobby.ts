/**
 * Lobby rules ("Social Eating", "Get-together"). One lobby is one stored
 * document, tables and seats included, so every rule here runs inside one
 * compare-and-set: a seat is never given twice, a switch of tables is never
 * half done (rules L1–L6 in docs/PROTOCOL.md). Pure: time as `now`, ids from
 * `ctx`, chance from a seeded `Random`.
 */
import { freeSeats, isLobbyOpen, LIMITS, tableOf, type Lobby, type LobbyInput, type Table } from '@mashup/shared';
import type { z } from 'zod';
import { UNCHANGED, type DomainContext, type Unchanged } from '../context.js';
import { refuse } from '../errors.js';
import { assignBalanced } from '../breakouts/assignment.js';
import type { Random } from '../breakouts/random.js';

export type LobbyDefinition = z.output<typeof LobbyInput>;

export function requireLobby(lobby: Lobby | null): Lobby {
  return lobby ?? refuse('lobby.not_found', 'This lobby does not exist.');
}

export function requireTable(lobby: Lobby, tableId: string): Table {
  return lobby.tables.find((t) => t.id === tableId) ?? refuse('lobby.table_not_found', 'This table is not part of the lobby.');
}

function requireOpen(current: Lobby | null): Lobby {
  const lobby = requireLobby(current);
  if (!isLobbyOpen(lobby)) refuse('lobby.not_open', 'This lobby is not open.');
  return lobby;
}

export function checkLobbyCount(existing: number): void {
  if (existing >= LIMITS.lobbiesMax) refuse('lobby.too_many', `An event holds at most ${LIMITS.lobbiesMax} lobbies.`);
}

/**
 * Creates a lobby or replaces its title and tables, also while it is open
 * (a host adds a table when lunch gets crowded). Tables passed with their id
 * keep who sits there; a table left out sends its people to the floor.
 */
export function define(current: Lobby | null, input: LobbyDefinition & { lobbyId: string }, ctx: DomainContext): Lobby {
  const previous = new Map((current?.tables ?? []).map((t) => [t.id, t]));
  const tables = input.tables.map((t): Table => {
    const before = t.id === undefined ? undefined : previous.get(t.id);
    if (t.id !== undefined && !before) refuse('lobby.table_not_found', `No table ${t.id} in this lobby.`);
    const seated = before?.seated ?? [];
    if (seated.length > t.capacity) {
      refuse('lobby.capacity_below_seated', 'More people sit at this table than the new capacity.', {
        seated: seated.length,
        capacity: t.capacity,
      });
    }
    return { id: t.id ?? ctx.newId(), name: t.name, topic: t.topic, capacity: t.capacity, locked: t.locked, seated };
  });
  return {
    id: input.lobbyId,
    title: input.title,
    kind: input.kind,
    createdAt: current?.createdAt ?? ctx.now,
    openedAt: current?.openedAt ?? null,
    closedAt: current?.closedAt ?? null,
    tables,
  };
}

/** Opens the lobby (rule L1: refused while another one is open). Opening an open lobby changes nothing. */
export function open(current: Lobby | null, others: readonly Lobby[], now: number): Lobby | Unchanged {
  const lobby = requireLobby(current);
  if (isLobbyOpen(lobby)) return UNCHANGED;
  if (others.some((l) => l.id !== lobby.id && isLobbyOpen(l))) refuse('lobby.another_open', 'Another lobby is open.');
  return { ...lobby, openedAt: now, closedAt: null };
}

/**
 * Everyone back to the plenary: the tables are emptied, so the next opening
 * starts with free tables. Closing a closed lobby changes nothing.
 */
export function close(current: Lobby | null, now: number): Lobby | Unchanged {
  const lobby = requireLobby(current);
  if (lobby.openedAt === null) refuse('lobby.not_open', 'This lobby has never been opened.');
  if (lobby.closedAt !== null) return UNCHANGED;
  return { ...lobby, closedAt: now, tables: lobby.tables.map((t) => ({ ...t, seated: [] })) };
}

export function lock(current: Lobby | null, tableId: string, locked: boolean): Lobby | Unchanged {
  const lobby = requireLobby(current);
  if (requireTable(lobby, tableId).locked === locked) return UNCHANGED;
  return { ...lobby, tables: lobby.tables.map((t) => (t.id === tableId ? { ...t, locked } : t)) };
}

/**
 * Sits down at a table (rule L3): the old seat is given up in the same step,
 * and a refusal keeps it. Capacity is checked against the stored document, so
 * it holds however many people race for the last seat.
 */
export function sit(current: Lobby | null, person: string, tableId: string): Lobby | Unchanged {
  const lobby = requireOpen(current);
  const table = requireTable(lobby, tableId);
  if (table.seated.includes(person)) return UNCHANGED;
  if (table.locked) refuse('lobby.table_locked', 'This table is locked.');
  if (freeSeats(table) === 0) refuse('lobby.table_full', 'This table is full.', { capacity: table.capacity });
  return seat(lobby, person, tableId);
}

function seat(lobby: Lobby, person: string, tableId: string): Lobby {
  return {
    ...lobby,
    tables: lobby.tables.map((t) => {
      const others = t.seated.filter((p) => p !== person);
      return t.id === tableId ? { ...t, seated: [...others, person] } : others.length === t.seated.length ? t : { ...t, seated: others };
    }),
  };
}

/** Gets up from one's table (back to the floor); not sitting anywhere changes nothing. */
export function leave(current: Lobby | null, person: string): Lobby | Unchanged {
  const lobby = requireLobby(current);
  const table = tableOf(lobby, person);
  if (!table) return UNCHANGED;
  return { ...lobby, tables: lobby.tables.map((t) => (t.id === table.id ? { ...t, seated: t.seated.filter((p) => p !== person) } : t)) };
}

/**
 * "Surprise me" (rule L6): among the unlocked tables with a free seat, other
 * than one's own, the one where one has met the fewest of those sitting there;
 * then the one with the most free seats; then the earlier table.
 */
export function surprise(current: Lobby | null, person: string, met: ReadonlySet<string>): { lobby: Lobby; tableId: string } {
  const lobby = requireOpen(current);
  let best: { table: Table; known: number } | null = null;
  for (const table of lobby.tables) {
    if (table.locked || freeSeats(table) === 0 || table.seated.includes(person)) continue;
    const known = table.seated.filter((p) => met.has(p)).length;
    if (!best || known < best.known || (known === best.known && freeSeats(table) > freeSeats(best.table))) best = { table, known };
  }
  if (!best) return refuse('lobby.full', 'No other table has a free seat.');
  return { lobby: seat(lobby, person, best.table.id), tableId: best.table.id };
}

/**
 * Re-seats everyone `present` who does not sit at a locked table, at random and
 * balanced within ±1 where capacities allow (rule L5, the breakout rounds'
 * `assignBalanced`). Locked tables keep their people and take nobody; whoever
 * does not fit stays on the floor; someone seated but not present gets up.
 */
export function shuffle(
  current: Lobby | null,
  present: readonly string[],
  random: Random,
): { lobby: Lobby; placed: number; unplaced: number } {
  const lobby = requireOpen(current);
  const atLocked = new Set(lobby.tables.filter((t) => t.locked).flatMap((t) => t.seated));
  const people = [...new Set(present)].filter((p) => !atLocked.has(p));
  const slots = lobby.tables.filter((t) => !t.locked).map((t) => ({ id: t.id, capacity: t.capacity }));
  const { rooms, unplaced } = assignBalanced(people, slots, random);
  const tables = lobby.tables.map((t) => (t.locked ? t : { ...t, seated: rooms.get(t.id) ?? [] }));
  return { lobby: { ...lobby, tables }, placed: people.length - unplaced.length, unplaced: unplaced.length };
}
