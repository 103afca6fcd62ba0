/**
 * Lobbies with small video tables: "Social Eating" at lunch, the evening
 * "Get-together" (PROTOCOL section 12). One lobby is one stored document with
 * its tables and who sits where, so taking a seat is one compare-and-set and
 * capacity holds across server processes (rule L3). Where a person is follows
 * from the open lobby like it does from a live round (rules B1, L2).
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';

const id = z.string().min(1).max(64);

export const LOBBY_KINDS = ['social-eating', 'get-together', 'other'] as const;
/** What the client names and decorates the lobby as; the title is free text either way. */
export const LobbyKind = z.enum(LOBBY_KINDS);
export type LobbyKind = z.infer<typeof LobbyKind>;

export const Table = z.object({
  id: z.string(),
  name: z.string(),
  /** What the table talks about ("Datenplattformen", "Radverkehr"); empty when none. */
  topic: z.string(),
  capacity: z.number().int().min(LIMITS.tableSeatsMin).max(LIMITS.tableSeatsMax),
  /** Nobody new sits down; who sits there stays (rule L4). */
  locked: z.boolean(),
  /** Participant ids in the order they sat down. */
  seated: z.array(z.string()),
});
export type Table = z.infer<typeof Table>;

export const Lobby = z.object({
  id: z.string(),
  title: z.string(),
  kind: LobbyKind,
  /** Order of lobbies in the event (creation order). */
  createdAt: z.number(),
  /** Server time of the latest opening; null: never opened. */
  openedAt: z.number().nullable(),
  /** Server time of the latest closing; a lobby is open while openedAt is set and closedAt is null. */
  closedAt: z.number().nullable(),
  tables: z.array(Table),
});
export type Lobby = z.infer<typeof Lobby>;

export const TableInput = z
  .object({
    /** Pass the id of an existing table to keep who sits there. */
    id: id.optional(),
    name: z.string().trim().min(1).max(LIMITS.tableNameMax),
    topic: z.string().trim().max(LIMITS.tableTopicMax).default(''),
    capacity: z.number().int().min(LIMITS.tableSeatsMin).max(LIMITS.tableSeatsMax).default(LIMITS.tableSeatsDefault),
    locked: z.boolean().default(false),
  })
  .strict();
export type TableInput = z.input<typeof TableInput>;

export const LobbyInput = z
  .object({
    /** Absent: a new lobby. Present: replaces that lobby's title and tables (also while it is open). */
    lobbyId: id.optional(),
    title: z.string().trim().min(1).max(LIMITS.titleMax),
    kind: LobbyKind.default('social-eating'),
    tables: z.array(TableInput).min(1).max(LIMITS.tablesMax),
  })
  .strict();
export type LobbyInput = z.input<typeof LobbyInput>;
