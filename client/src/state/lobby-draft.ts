/**
 * The host's lobby set-up form as data (pure): filled from a lobby (or with
 * numbered tables for a new one), edited field by field, checked and turned
 * into the `lobby:save` payload. Existing tables keep their ids, so who sits
 * there stays seated when a host renames a table or adds one during lunch
 * (PROTOCOL section 12, `lobby:save`).
 */
import { LIMITS, type Lobby, type LobbyInput, type LobbyKind } from '@mashup/shared';

export interface TableDraft {
  /** Stable key for the form row (the table id, or a local one for new rows). */
  key: string;
  /** Set for tables that exist on the server. */
  id?: string;
  /** The table's name ("title": what the editable rows call a row). */
  title: string;
  topic: string;
  /** Seats as typed. */
  capacity: string;
  locked: boolean;
  /** People sitting there now: the server refuses fewer seats (lobby.capacity_below_seated). */
  seated: number;
}

export interface LobbyDraft {
  /** Set when editing an existing lobby. */
  lobbyId?: string;
  title: string;
  kind: LobbyKind;
  tables: TableDraft[];
}

export type LobbyDraftProblem = 'title' | 'noTables' | 'tooManyTables' | { table: string; field: 'name' | 'capacity' };

/** A new lobby starts with this many tables, so a host mostly renames rather than adds. */
export const NEW_LOBBY_TABLES = 4;

/** The texts a new draft is filled with (the caller localizes them). */
export interface DraftWords {
  title: string;
  /** The name of table n (from 1), e.g. "Tisch 3". */
  tableName(n: number): string;
}

export function draftFromLobby(lobby: Lobby | null, newKey: () => string, words: DraftWords): LobbyDraft {
  if (!lobby) {
    return {
      title: words.title,
      kind: 'social-eating',
      tables: Array.from({ length: NEW_LOBBY_TABLES }, (_, i) => emptyTable(newKey(), words.tableName(i + 1))),
    };
  }
  return {
    lobbyId: lobby.id,
    title: lobby.title,
    kind: lobby.kind,
    tables: lobby.tables.map((t) => ({
      key: t.id,
      id: t.id,
      title: t.name,
      topic: t.topic,
      capacity: String(t.capacity),
      locked: t.locked,
      seated: t.seated.length,
    })),
  };
}

export function emptyTable(key: string, name = ''): TableDraft {
  return { key, title: name, topic: '', capacity: String(LIMITS.tableSeatsDefault), locked: false, seated: 0 };
}

/** The fewest seats a table row accepts: the protocol's minimum, or the people sitting there. */
export function minTableCapacity(t: TableDraft): number {
  return Math.max(LIMITS.tableSeatsMin, t.seated);
}

function parseCapacity(t: TableDraft): number | null {
  const text = t.capacity.trim();
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= minTableCapacity(t) && n <= LIMITS.tableSeatsMax ? n : null;
}

/**
 * Checks the form and builds the payload. The form does not edit locks (the
 * hosts' panel does): an existing table keeps the lock state it has in
 * `current`, the lobby as it is now, so a lock set while the form was open is
 * not undone by saving it.
 */
export function checkLobbyDraft(
  draft: LobbyDraft,
  current: Lobby | null = null,
): { ok: true; input: LobbyInput } | { ok: false; problems: LobbyDraftProblem[] } {
  const problems: LobbyDraftProblem[] = [];
  const title = draft.title.trim();
  if (title === '' || title.length > LIMITS.titleMax) problems.push('title');
  if (draft.tables.length === 0) problems.push('noTables');
  if (draft.tables.length > LIMITS.tablesMax) problems.push('tooManyTables');
  const tables: LobbyInput['tables'] = [];
  for (const t of draft.tables) {
    const name = t.title.trim();
    const capacity = parseCapacity(t);
    if (name === '' || name.length > LIMITS.tableNameMax) problems.push({ table: t.key, field: 'name' });
    if (capacity === null) problems.push({ table: t.key, field: 'capacity' });
    if (name === '' || capacity === null) continue;
    const locked = current?.tables.find((c) => c.id === t.id)?.locked ?? t.locked;
    tables.push({ ...(t.id ? { id: t.id } : {}), name, topic: t.topic.trim(), capacity, locked });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, input: { ...(draft.lobbyId ? { lobbyId: draft.lobbyId } : {}), title, kind: draft.kind, tables } };
}

/** Whether a problem concerns this table row and field. */
export function tableProblem(problems: readonly LobbyDraftProblem[], key: string, field: 'name' | 'capacity'): boolean {
  return problems.some((p) => typeof p === 'object' && p.table === key && p.field === field);
}
