/**
 * The store port, shaped by what the domain needs (STYLE 7). Two implementations
 * (memory.ts, redis.ts) pass the same contract suite (contract.test.ts).
 *
 * Every write to event-wide state returns the event's next sequence number, taken
 * in the same atomic step as the write, so `state:patch` numbers match the order
 * in which changes really happened (rule O1).
 */
import type {
  Announcement,
  MediaPeer,
  ChatHistory,
  ChatMessage,
  Countdown,
  HandEntry,
  PechaKuchaBlock,
  ResultsBoard,
  ResultsSpotlight,
  Round,
  Lobby,
  SpeedDating,
  VideoAsset,
  VideoPlayback,
} from '@mashup/shared';
import type { Unchanged } from '../domain/context.js';
import type { SpeedDatingMarks } from '../domain/speed-dating/session.js';
import type { ChatDraft } from '../domain/chat.js';
import type { EventRecord, ParticipantRecord } from '../domain/records.js';

export interface Docs {
  hands: HandEntry[];
  countdown: Countdown;
  announcement: Announcement;
  pechakucha: PechaKuchaBlock;
  videos: VideoAsset[];
  video: VideoPlayback;
  spotlight: ResultsSpotlight;
  /** Participants with the floor in the plenary (rule M2). */
  floor: string[];
}
/** Every document, in the order loadState reads them. */
export const DOC_NAMES = ['hands', 'countdown', 'announcement', 'pechakucha', 'videos', 'video', 'spotlight', 'floor'] as const satisfies readonly (keyof Docs)[];
export type DocName = keyof Docs;

/**
 * Families of documents with ids: each item is its own compare-and-set unit, so
 * a choice in one round does not contend with a results edit in another room.
 */
export interface Items {
  /** One document per workshop round, seats included (rule B1). */
  rounds: Round;
  /** One results board per workshop, keyed by `resultsKey`. */
  results: ResultsBoard;
  /** One document per lobby, tables and who sits where included (rule L3). */
  lobbies: Lobby;
  /** One document per speed-dating session, every round's pairs included (rule S3). */
  speedDatings: SpeedDating;
}
export const ITEM_KINDS = ['rounds', 'results', 'lobbies', 'speedDatings'] as const satisfies readonly (keyof Items)[];
export type ItemKind = keyof Items;
export const resultsKey = (roundId: string, workshopId: string) => `${roundId}:${workshopId}`;

/** `seq` is null when the update function returned UNCHANGED (nothing written). */
export interface Change<T> {
  seq: number | null;
  value: T | null;
}

export interface EventState {
  seq: number;
  participants: ParticipantRecord[];
  docs: { [K in DocName]: Docs[K] | null };
  items: { [K in ItemKind]: Items[K][] };
}

export type Update<T> = (current: T | null) => T | null | Unchanged;

/**
 * Who writes, checked in the same atomic step as the write (rules A2, R1), so a
 * command's checks need not wait for a read of their own before it writes. A
 * refused guard writes nothing and throws `auth.removed` (unknown or removed
 * participant), `auth.forbidden` (not a host, where one is required) or
 * `rate.limited`.
 */
export interface WriteGuard {
  participantId: string;
  hostOnly: boolean;
  /**
   * A rate-limit counter that lives in this store and must not be over `max`
   * (the command's own consumption already counted). Only the Redis store keeps
   * such counters; the in-process limiter of the memory store answers before
   * any write, so it is never given one.
   */
  counter?: { key: string; max: number };
}

export interface ItemWrite<T> {
  /** The item as the caller just read it (saves a read; a stale one only costs a retry, see casUpdate). */
  known?: T | null;
  guard?: WriteGuard;
  /**
   * Write only if the item's family is still at this version (ItemFamily): a
   * rule over the whole family (one live round, one open lobby) then holds in
   * the same atomic step as the write. Otherwise nothing is written and
   * FamilyChanged is thrown, so the caller reads the family again.
   */
  familyAt?: number;
}

/** A family of items as read at one moment: `version` counts the writes to any of its items. */
export interface ItemFamily<T> {
  version: number;
  items: T[];
}

/** The family changed since the version a write was made for (ItemWrite.familyAt): read it again. */
export class FamilyChanged extends Error {
  constructor() {
    super('The item family changed since it was read.');
    this.name = 'FamilyChanged';
  }
}

/** One open socket, as recorded for its server process (for presence after a crash). */
export interface ConnectionRef {
  eventId: string;
  participantId: string;
  socketId: string;
}

export interface EventStore {
  readonly kind: 'memory' | 'redis';
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The secret that signs session tokens, shared by every process on this store: the stored one, or `candidate` if none is stored yet. */
  sessionSecret(candidate: string): Promise<string>;

  /** false when the join code is taken (the caller draws another). */
  createEvent(event: EventRecord): Promise<boolean>;
  getEvent(eventId: string): Promise<EventRecord | null>;
  findEventByCode(code: string): Promise<EventRecord | null>;

  /** Adds a new participant; returns the event sequence number of that change. */
  addParticipant(participant: ParticipantRecord): Promise<number>;
  getParticipant(eventId: string, participantId: string): Promise<ParticipantRecord | null>;
  /** Atomically applies `fn` to one participant (compare-and-set; `fn` may run more than once under contention, so it must be pure). */
  updateParticipant(
    eventId: string,
    participantId: string,
    fn: (current: ParticipantRecord | null) => ParticipantRecord | Unchanged,
  ): Promise<Change<ParticipantRecord>>;

  /** One event-wide document as stored now (null when there is none). */
  getDoc<K extends DocName>(eventId: string, name: K): Promise<Docs[K] | null>;
  /** Atomically applies `fn` to one event-wide document; returning null deletes it. Same purity rule as above. */
  updateDoc<K extends DocName>(eventId: string, name: K, fn: Update<Docs[K]>): Promise<Change<Docs[K]>>;

  /**
   * Atomically applies `fn` to one item of a family; returning null deletes it. Same purity rule as above.
   * Without `known`, the store may start from the item as this process last saw it (recentItems).
   */
  updateItem<K extends ItemKind>(
    eventId: string,
    kind: K,
    itemId: string,
    fn: Update<Items[K]>,
    opts?: ItemWrite<Items[K]>,
  ): Promise<Change<Items[K]>>;
  /**
   * A family as this process last saw it, without asking the store: it may be
   * stale (another process may have written since), so it is only fit to
   * compute a write made with `familyAt: version`, which the store then
   * checks. null when this process does not know the whole family as of one version.
   */
  recentItems<K extends ItemKind>(eventId: string, kind: K): ItemFamily<Items[K]> | null;
  /** Every item of a family (unordered). */
  listItems<K extends ItemKind>(eventId: string, kind: K): Promise<Items[K][]>;
  /** Every item of a family and the family's version, in one atomic step. */
  itemsAt<K extends ItemKind>(eventId: string, kind: K): Promise<ItemFamily<Items[K]>>;

  /**
   * Audio/video presence (PROTOCOL section 11): one record per tab that joined a
   * room's media. Not part of the event's state or seq: tabs come and go far more
   * often than anything a patch should announce.
   * `putMediaPeer` stores the record under its room, moving it out of any other.
   */
  putMediaPeer(eventId: string, peer: MediaPeer): Promise<void>;
  /** Removes a tab's record wherever it is; returns it (null when there was none). */
  removeMediaPeer(eventId: string, peerId: string): Promise<MediaPeer | null>;
  mediaPeer(eventId: string, peerId: string): Promise<MediaPeer | null>;
  /** Every peer in one room (unordered). */
  mediaPeers(eventId: string, roomId: string): Promise<MediaPeer[]>;

  /** Appends to a room's chat, keeping the newest `LIMITS.chatHistory`; the message gets the room's next chat sequence number. */
  appendChat(eventId: string, draft: ChatDraft): Promise<ChatMessage>;
  chatHistory(eventId: string, roomId: string): Promise<ChatHistory>;

  /**
   * Speed-dating marks and contact details (rule S7): private to each person, so
   * not event state: no seq, no patch, never in a snapshot. One record per
   * person and session, each its own compare-and-set unit.
   */
  speedDatingMarks(eventId: string, speedDatingId: string, participantIds: readonly string[]): Promise<SpeedDatingMarks[]>;
  /** Atomically applies `fn` to one person's record (same purity rule as above); returns the record as stored after. */
  updateSpeedDatingMarks(
    eventId: string,
    speedDatingId: string,
    participantId: string,
    fn: (current: SpeedDatingMarks | null) => SpeedDatingMarks | Unchanged,
  ): Promise<SpeedDatingMarks | null>;
  /** Forgets a session's marks and contact details (the session was deleted). */
  deleteSpeedDatingMarks(eventId: string, speedDatingId: string): Promise<void>;

  /** Everything event-wide, read in one atomic step so `seq` matches the contents. */
  loadState(eventId: string): Promise<EventState>;

  /**
   * Presence bookkeeping per server process, so that the sockets of a process
   * that died without SIGTERM can be counted out by the survivors (rule P3).
   * `heartbeat` marks the process alive for `ttlMs`.
   */
  heartbeat(processId: string, ttlMs: number): Promise<void>;
  trackConnection(processId: string, conn: ConnectionRef): Promise<void>;
  /** true if this call removed the record (so exactly one caller counts the socket out). */
  untrackConnection(processId: string, conn: ConnectionRef): Promise<boolean>;
  /** Connections recorded for processes whose heartbeat has expired. */
  orphanedConnections(): Promise<Array<{ processId: string; conn: ConnectionRef }>>;
}
