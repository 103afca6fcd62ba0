/**
 * In-memory store for a single process (`npm start` on a laptop, most tests).
 * It keeps serialized values, like Redis, so both stores hand out copies and
 * pass the same contract suite.
 */
import { LIMITS, type ChatHistory, type ChatMessage, type MediaPeer } from '@mashup/shared';
import type { ChatDraft } from '../domain/chat.js';
import type { EventRecord, ParticipantRecord } from '../domain/records.js';
import { casUpdate, knownHint, type CasOps } from './cas.js';
import { guardError, guardRefusal } from './guard.js';
import type { Unchanged } from '../domain/context.js';
import type { SpeedDatingMarks } from '../domain/speed-dating/session.js';
import { DOC_NAMES, FamilyChanged, ITEM_KINDS, type Change, type ItemKind, type Items, type ConnectionRef, type DocName, type Docs, type EventState, type EventStore, type ItemFamily, type ItemWrite, type Update } from './types.js';

interface EventData {
  record: string;
  seq: number;
  people: Map<string, string>;
  docs: Map<string, string>;
  items: Record<ItemKind, Map<string, string>>;
  /** Writes to any item of a family (ItemWrite.familyAt). */
  versions: Record<ItemKind, number>;
  chats: Map<string, { seq: number; messages: string[] }>;
  /** peer id → MediaPeer JSON (the room is inside). */
  media: Map<string, string>;
  /** speed-dating id → participant id → SpeedDatingMarks JSON (private, no seq). */
  marks: Map<string, Map<string, string>>;
}

export class MemoryStore implements EventStore {
  readonly kind = 'memory' as const;
  private secret: string | null = null;
  private readonly events = new Map<string, EventData>();
  private readonly codes = new Map<string, string>();

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}

  async sessionSecret(candidate: string): Promise<string> {
    this.secret ??= candidate;
    return this.secret;
  }

  async createEvent(event: EventRecord): Promise<boolean> {
    if (this.codes.has(event.code)) return false;
    this.codes.set(event.code, event.id);
    this.events.set(event.id, {
      record: JSON.stringify(event),
      seq: 0,
      people: new Map(),
      docs: new Map(),
      items: { rounds: new Map(), results: new Map(), lobbies: new Map(), speedDatings: new Map() },
      versions: { rounds: 0, results: 0, lobbies: 0, speedDatings: 0 },
      marks: new Map(),
      chats: new Map(),
      media: new Map(),
    });
    return true;
  }

  async getEvent(eventId: string): Promise<EventRecord | null> {
    const e = this.events.get(eventId);
    return e ? (JSON.parse(e.record) as EventRecord) : null;
  }

  async findEventByCode(code: string): Promise<EventRecord | null> {
    const id = this.codes.get(code);
    return id ? this.getEvent(id) : null;
  }

  async addParticipant(participant: ParticipantRecord): Promise<number> {
    const e = this.mustGet(participant.eventId);
    e.people.set(participant.id, JSON.stringify(participant));
    return ++e.seq;
  }

  async getParticipant(eventId: string, participantId: string): Promise<ParticipantRecord | null> {
    const raw = this.events.get(eventId)?.people.get(participantId);
    return raw ? (JSON.parse(raw) as ParticipantRecord) : null;
  }

  updateParticipant(
    eventId: string,
    participantId: string,
    fn: Update<ParticipantRecord>,
  ): Promise<Change<ParticipantRecord>> {
    const e = this.mustGet(eventId);
    return casUpdate(this.casOn(e, e.people, participantId), fn);
  }

  updateDoc<K extends DocName>(eventId: string, name: K, fn: Update<Docs[K]>): Promise<Change<Docs[K]>> {
    const e = this.mustGet(eventId);
    return casUpdate(this.casOn(e, e.docs, name), fn);
  }

  async getDoc<K extends DocName>(eventId: string, name: K): Promise<Docs[K] | null> {
    const raw = this.events.get(eventId)?.docs.get(name);
    return raw === undefined ? null : (JSON.parse(raw) as Docs[K]);
  }

  updateItem<K extends ItemKind>(
    eventId: string,
    kind: K,
    itemId: string,
    fn: Update<Items[K]>,
    opts: ItemWrite<Items[K]> = {},
  ): Promise<Change<Items[K]>> {
    const e = this.mustGet(eventId);
    const map = e.items[kind];
    const { guard, familyAt } = opts;
    const ops: CasOps = {
      read: async () => map.get(itemId) ?? null,
      write: async (expected, next) => {
        if (guard) {
          // The limiter of this store's processes answers before any write (WriteGuard).
          if (guard.counter) throw new Error('the memory store keeps no rate-limit counters');
          const raw = e.people.get(guard.participantId);
          const refusal = guardRefusal(raw === undefined ? null : (JSON.parse(raw) as ParticipantRecord), guard.hostOnly);
          if (refusal) throw guardError(refusal);
        }
        if (familyAt !== undefined && e.versions[kind] !== familyAt) throw new FamilyChanged();
        if ((map.get(itemId) ?? null) !== expected) return null;
        if (next === null) map.delete(itemId);
        else map.set(itemId, next);
        e.versions[kind]++;
        return ++e.seq;
      },
    };
    return casUpdate(ops, fn, knownHint(opts.known));
  }

  /** Always the stored family: in one process nothing else can have written it. */
  recentItems<K extends ItemKind>(eventId: string, kind: K): ItemFamily<Items[K]> | null {
    const e = this.events.get(eventId);
    return e ? { version: e.versions[kind], items: [...e.items[kind].values()].map((raw) => JSON.parse(raw) as Items[K]) } : null;
  }

  async listItems<K extends ItemKind>(eventId: string, kind: K): Promise<Items[K][]> {
    return this.recentItems(eventId, kind)?.items ?? [];
  }

  async itemsAt<K extends ItemKind>(eventId: string, kind: K): Promise<ItemFamily<Items[K]>> {
    return this.recentItems(eventId, kind) ?? { version: 0, items: [] };
  }

  async putMediaPeer(eventId: string, peer: MediaPeer): Promise<void> {
    this.mustGet(eventId).media.set(peer.peerId, JSON.stringify(peer));
  }

  async removeMediaPeer(eventId: string, peerId: string): Promise<MediaPeer | null> {
    const media = this.events.get(eventId)?.media;
    const raw = media?.get(peerId);
    if (!media || raw === undefined) return null;
    media.delete(peerId);
    return JSON.parse(raw) as MediaPeer;
  }

  async mediaPeer(eventId: string, peerId: string): Promise<MediaPeer | null> {
    const raw = this.events.get(eventId)?.media.get(peerId);
    return raw === undefined ? null : (JSON.parse(raw) as MediaPeer);
  }

  async mediaPeers(eventId: string, roomId: string): Promise<MediaPeer[]> {
    const media = this.events.get(eventId)?.media;
    if (!media) return [];
    return [...media.values()].map((raw) => JSON.parse(raw) as MediaPeer).filter((p) => p.roomId === roomId);
  }

  async appendChat(eventId: string, draft: ChatDraft): Promise<ChatMessage> {
    const e = this.mustGet(eventId);
    let room = e.chats.get(draft.roomId);
    if (!room) e.chats.set(draft.roomId, (room = { seq: 0, messages: [] }));
    const message: ChatMessage = { ...draft, seq: ++room.seq };
    room.messages.push(JSON.stringify(message));
    if (room.messages.length > LIMITS.chatHistory) room.messages.splice(0, room.messages.length - LIMITS.chatHistory);
    return message;
  }

  async chatHistory(eventId: string, roomId: string): Promise<ChatHistory> {
    const room = this.events.get(eventId)?.chats.get(roomId);
    return {
      roomId,
      seq: room?.seq ?? 0,
      messages: (room?.messages ?? []).map((m) => JSON.parse(m) as ChatMessage),
    };
  }

  async speedDatingMarks(eventId: string, speedDatingId: string, participantIds: readonly string[]): Promise<SpeedDatingMarks[]> {
    const session = this.events.get(eventId)?.marks.get(speedDatingId);
    return participantIds.flatMap((p) => {
      const raw = session?.get(p);
      return raw === undefined ? [] : [JSON.parse(raw) as SpeedDatingMarks];
    });
  }

  async updateSpeedDatingMarks(
    eventId: string,
    speedDatingId: string,
    participantId: string,
    fn: (current: SpeedDatingMarks | null) => SpeedDatingMarks | Unchanged,
  ): Promise<SpeedDatingMarks | null> {
    const e = this.mustGet(eventId);
    let session = e.marks.get(speedDatingId);
    if (!session) e.marks.set(speedDatingId, (session = new Map()));
    const map = session;
    // Not casOn: a private write must not take an event seq (no patch would carry it, rule S7).
    const change = await casUpdate<SpeedDatingMarks>(
      {
        read: async () => map.get(participantId) ?? null,
        write: async (expected, next) => {
          if ((map.get(participantId) ?? null) !== expected) return null;
          if (next === null) map.delete(participantId);
          else map.set(participantId, next);
          return 0;
        },
      },
      fn,
    );
    return change.value;
  }

  async deleteSpeedDatingMarks(eventId: string, speedDatingId: string): Promise<void> {
    this.events.get(eventId)?.marks.delete(speedDatingId);
  }

  async loadState(eventId: string): Promise<EventState> {
    const e = this.mustGet(eventId);
    const docs = Object.fromEntries(
      DOC_NAMES.map((name) => {
        const raw = e.docs.get(name);
        return [name, raw ? (JSON.parse(raw) as unknown) : null];
      }),
    ) as EventState['docs'];
    const items = Object.fromEntries(
      ITEM_KINDS.map((kind) => [kind, [...e.items[kind].values()].map((raw) => JSON.parse(raw) as unknown)]),
    ) as EventState['items'];
    return {
      seq: e.seq,
      participants: [...e.people.values()].map((p) => JSON.parse(p) as ParticipantRecord),
      docs,
      items,
    };
  }

  // One process holds everything, so its connections can never outlive it: presence
  // bookkeeping is needed only where several processes share a store.
  async heartbeat(): Promise<void> {}
  async trackConnection(): Promise<void> {}
  async untrackConnection(_processId: string, _conn: ConnectionRef): Promise<boolean> {
    return true;
  }
  async orphanedConnections(): Promise<Array<{ processId: string; conn: ConnectionRef }>> {
    return [];
  }

  private casOn(e: EventData, map: Map<string, string>, key: string): CasOps {
    return {
      read: async () => map.get(key) ?? null,
      write: async (expected, next) => {
        if ((map.get(key) ?? null) !== expected) return null;
        if (next === null) map.delete(key);
        else map.set(key, next);
        return ++e.seq;
      },
    };
  }

  private mustGet(eventId: string): EventData {
    const e = this.events.get(eventId);
    if (!e) throw new Error(`unknown event ${eventId}`);
    return e;
  }
}
