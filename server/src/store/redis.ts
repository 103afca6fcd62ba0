/**
 * The production store. Atomicity comes from one tiny compare-and-set script
 * (CAS_SCRIPT): the rules stay in TypeScript (cas.ts), Redis only guarantees
 * that "write if unchanged, and take the next sequence number" is one step,
 * across every server process.
 */
import { createHash } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import { LIMITS, type ChatHistory, type ChatMessage, type MediaPeer } from '@mashup/shared';
import type { ChatDraft } from '../domain/chat.js';
import type { EventRecord, ParticipantRecord } from '../domain/records.js';
import type { Unchanged } from '../domain/context.js';
import type { SpeedDatingMarks } from '../domain/speed-dating/session.js';
import { casUpdate, knownHint, type CasOps } from './cas.js';
import { guardError, type GuardRefusal } from './guard.js';
import { redisKeys, type RedisKeys } from './keys.js';
import { RecentItems } from './recent-items.js';
import { DOC_NAMES, FamilyChanged, ITEM_KINDS, type Change, type ItemKind, type Items, type ConnectionRef, type DocName, type Docs, type EventState, type EventStore, type ItemFamily, type ItemWrite, type Update } from './types.js';

/**
 * The compare-and-set. KEYS: target key, seq key. ARGV: mode ('s' string key |
 * 'h' hash field), field, expected-present ('1'|'0'), expected value,
 * next-present ('1'|'0'), next value. Returns the new event seq, or -1 when the
 * stored value is no longer `expected`.
 */
const CAS_SCRIPT = `
local cur
if ARGV[1] == 'h' then cur = redis.call('HGET', KEYS[1], ARGV[2]) else cur = redis.call('GET', KEYS[1]) end
if ARGV[3] == '1' then
  if cur ~= ARGV[4] then return -1 end
elseif cur ~= false then
  return -1
end
if ARGV[5] == '1' then
  if ARGV[1] == 'h' then redis.call('HSET', KEYS[1], ARGV[2], ARGV[6]) else redis.call('SET', KEYS[1], ARGV[6]) end
else
  if ARGV[1] == 'h' then redis.call('HDEL', KEYS[1], ARGV[2]) else redis.call('DEL', KEYS[1]) end
end
return redis.call('INCR', KEYS[2])
`;

/**
 * The compare-and-set of one item of a family (a hash field), which also counts
 * the family's version, with the checks of ItemWrite before it, in one atomic step.
 * KEYS: family hash, event seq, family version, then with a guard the people
 * hash and optionally the rate-limit counter.
 * ARGV: field, expected-present ('1'|'0'), expected, next-present ('1'|'0'), next,
 * family version required ('' = any), guard's participant id ('' = no guard),
 * host-only ('1'|'0'), the counter's maximum.
 * Returns {event seq, family version} after the write, or {code} without
 * writing: -1 the item is no longer `expected`, -2 unknown or removed writer,
 * -3 not a host, -4 over budget, -5 the family is at another version.
 * The guard is guard.ts's checks. The counter is the one rate-limiter-flexible
 * keeps (consumed points, expiring with the window), only read: the funnel's
 * own consumption is queued before this script on the same connection.
 */
const ITEM_CAS_SCRIPT = `
if ARGV[7] ~= '' then
  local p = redis.call('HGET', KEYS[4], ARGV[7])
  if not p then return {-2} end
  local actor = cjson.decode(p)
  if actor.removed == true then return {-2} end
  if ARGV[8] == '1' and actor.role ~= 'host' then return {-3} end
  if KEYS[5] and tonumber(redis.call('GET', KEYS[5]) or '0') > tonumber(ARGV[9]) then return {-4} end
end
if ARGV[6] ~= '' and tonumber(redis.call('GET', KEYS[3]) or '0') ~= tonumber(ARGV[6]) then return {-5} end
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if ARGV[2] == '1' then
  if cur ~= ARGV[3] then return {-1} end
elseif cur ~= false then
  return {-1}
end
if ARGV[4] == '1' then redis.call('HSET', KEYS[1], ARGV[1], ARGV[5]) else redis.call('HDEL', KEYS[1], ARGV[1]) end
return {redis.call('INCR', KEYS[2]), redis.call('INCR', KEYS[3])}
`;
const GUARD_REFUSALS: Record<number, GuardRefusal> = { [-2]: 'removed', [-3]: 'forbidden', [-4]: 'limited' };

/** KEYS: chat list, chat seq. ARGV: message JSON without seq, history length. Stored as "<seq>|<json>". */
const CHAT_SCRIPT = `
local seq = redis.call('INCR', KEYS[2])
redis.call('RPUSH', KEYS[1], seq .. '|' .. ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
return seq
`;

/**
 * KEYS: index hash, the target room's hash. ARGV: peer id, room id, peer JSON, key of a room
 * hash without the room id (prefix). Moves a media peer into a room in one step: out of the
 * room the index names, into the new one.
 */
const MEDIA_PUT_SCRIPT = `
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old and old ~= ARGV[2] then redis.call('HDEL', ARGV[4] .. old, ARGV[1]) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return 1
`;

/** KEYS: index hash. ARGV: peer id, room hash prefix. Returns the removed peer's JSON or false. */
const MEDIA_REMOVE_SCRIPT = `
local room = redis.call('HGET', KEYS[1], ARGV[1])
if not room then return false end
redis.call('HDEL', KEYS[1], ARGV[1])
local peer = redis.call('HGET', ARGV[2] .. room, ARGV[1])
redis.call('HDEL', ARGV[2] .. room, ARGV[1])
return peer
`;

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

export interface RedisStoreOptions {
  url: string;
  /** Key prefix, so several deployments (or test runs) can share one Redis. */
  prefix?: string;
  connectTimeoutMs?: number;
  onError?: (err: Error) => void;
}

export type AnyRedisClient = RedisClientType;

export class RedisStore implements EventStore {
  readonly kind = 'redis' as const;
  readonly keys: RedisKeys;
  private readonly recent = new RecentItems();

  private constructor(
    readonly client: AnyRedisClient,
    prefix: string,
  ) {
    this.keys = redisKeys(prefix);
  }

  /**
   * Connects or fails fast: an unreachable Redis at start-up is a configuration
   * error, so we do not retry forever. Once connected, dropped connections are
   * retried with backoff.
   */
  static async connect(opts: RedisStoreOptions): Promise<RedisStore> {
    let connected = false;
    const client = createClient({
      url: opts.url,
      socket: {
        connectTimeout: opts.connectTimeoutMs ?? 3000,
        reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, 2000) : cause),
      },
    }) as AnyRedisClient;
    client.on('error', (err: Error) => opts.onError?.(err));
    try {
      await client.connect();
    } catch (err) {
      if (client.isOpen) client.destroy();
      throw new Error(`Redis at ${redactUrl(opts.url)} is unreachable: ${(err as Error).message}`);
    }
    connected = true;
    return new RedisStore(client, opts.prefix ?? 'mashup:');
  }

  /** A second connection for blocking reads (the Socket.IO streams adapter uses XREAD BLOCK). */
  async duplicateClient(): Promise<AnyRedisClient> {
    const dup = this.client.duplicate() as AnyRedisClient;
    dup.on('error', () => {}); // errors of the duplicate surface through the main client's health
    await dup.connect();
    return dup;
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }

  async sessionSecret(candidate: string): Promise<string> {
    await this.client.set(this.keys.secret(), candidate, { condition: 'NX' });
    const stored = await this.client.get(this.keys.secret());
    return stored ?? candidate;
  }

  async createEvent(event: EventRecord): Promise<boolean> {
    const claimed = await this.client.set(this.keys.code(event.code), event.id, { condition: 'NX' });
    if (claimed === null) return false;
    await this.client.set(this.keys.event(event.id), JSON.stringify(event));
    return true;
  }

  async getEvent(eventId: string): Promise<EventRecord | null> {
    const raw = await this.client.get(this.keys.event(eventId));
    return raw ? (JSON.parse(raw) as EventRecord) : null;
  }

  async findEventByCode(code: string): Promise<EventRecord | null> {
    const id = await this.client.get(this.keys.code(code));
    return id ? this.getEvent(id) : null;
  }

  async addParticipant(p: ParticipantRecord): Promise<number> {
    const seq = await this.cas(this.keys.people(p.eventId), this.keys.seq(p.eventId), 'h', p.id).write(
      null,
      JSON.stringify(p),
    );
    if (seq === null) throw new Error(`participant ${p.id} exists already`);
    return seq;
  }

  async getParticipant(eventId: string, participantId: string): Promise<ParticipantRecord | null> {
    const raw = await this.client.hGet(this.keys.people(eventId), participantId);
    return raw ? (JSON.parse(raw) as ParticipantRecord) : null;
  }

  updateParticipant(
    eventId: string,
    participantId: string,
    fn: Update<ParticipantRecord>,
  ): Promise<Change<ParticipantRecord>> {
    return casUpdate(this.cas(this.keys.people(eventId), this.keys.seq(eventId), 'h', participantId), fn);
  }

  updateDoc<K extends DocName>(eventId: string, name: K, fn: Update<Docs[K]>): Promise<Change<Docs[K]>> {
    return casUpdate(this.cas(this.keys.doc(eventId, name), this.keys.seq(eventId), 's', ''), fn);
  }

  async getDoc<K extends DocName>(eventId: string, name: K): Promise<Docs[K] | null> {
    const raw = await this.client.get(this.keys.doc(eventId, name));
    return raw ? (JSON.parse(raw) as Docs[K]) : null;
  }

  updateItem<K extends ItemKind>(
    eventId: string,
    kind: K,
    itemId: string,
    fn: Update<Items[K]>,
    opts: ItemWrite<Items[K]> = {},
  ): Promise<Change<Items[K]>> {
    const family = this.keys.items(eventId, kind);
    const seen = this.recent.get(family, itemId);
    const hint = knownHint(opts.known) ?? (seen === undefined ? undefined : { raw: seen, trusted: false });
    const { guard, familyAt } = opts;
    const keys = [family, this.keys.seq(eventId), this.keys.itemsVersion(eventId, kind)];
    if (guard) keys.push(this.keys.people(eventId), ...(guard.counter ? [guard.counter.key] : []));
    const ops: CasOps = {
      read: async () => {
        const raw = (await this.client.hGet(family, itemId)) ?? null;
        this.recent.read(family, itemId, raw);
        return raw;
      },
      write: async (expected, next) => {
        const reply = (await this.script(ITEM_CAS_SCRIPT, keys, [
          itemId,
          expected === null ? '0' : '1',
          expected ?? '',
          next === null ? '0' : '1',
          next ?? '',
          familyAt === undefined ? '' : String(familyAt),
          guard?.participantId ?? '',
          guard?.hostOnly ? '1' : '0',
          String(guard?.counter?.max ?? 0),
        ])) as number[];
        const [seq, version] = reply.map(Number) as [number, number | undefined];
        if (version !== undefined) {
          this.recent.wrote(family, itemId, next, version);
          return seq;
        }
        const refusal = GUARD_REFUSALS[seq];
        if (refusal) throw guardError(refusal);
        if (seq === -5) throw new FamilyChanged();
        return null;
      },
    };
    return casUpdate(ops, fn, hint);
  }

  recentItems<K extends ItemKind>(eventId: string, kind: K): ItemFamily<Items[K]> | null {
    const seen = this.recent.all(this.keys.items(eventId, kind));
    return seen ? { version: seen.version, items: seen.raws.map((raw) => JSON.parse(raw) as Items[K]) } : null;
  }

  async listItems<K extends ItemKind>(eventId: string, kind: K): Promise<Items[K][]> {
    return (await this.itemsAt(eventId, kind)).items;
  }

  async itemsAt<K extends ItemKind>(eventId: string, kind: K): Promise<ItemFamily<Items[K]>> {
    // MULTI: the version and the items from one moment.
    const family = this.keys.items(eventId, kind);
    const [version, all] = (await this.client
      .multi()
      .get(this.keys.itemsVersion(eventId, kind))
      .hGetAll(family)
      .exec()) as unknown as [string | null, Record<string, string>];
    const entries = Object.entries(all);
    this.recent.replace(family, entries, Number(version ?? 0));
    return { version: Number(version ?? 0), items: entries.map(([, raw]) => JSON.parse(raw) as Items[K]) };
  }

  // The room hashes are named from a prefix inside the scripts: a room id is only known once the
  // index is read, in the same atomic step. (Single Redis, like the other multi-key scripts.)
  async putMediaPeer(eventId: string, peer: MediaPeer): Promise<void> {
    await this.script(MEDIA_PUT_SCRIPT, [this.keys.mediaIndex(eventId), this.keys.mediaRoom(eventId, peer.roomId)], [
      peer.peerId,
      peer.roomId,
      JSON.stringify(peer),
      this.keys.mediaRoom(eventId, ''),
    ]);
  }

  async removeMediaPeer(eventId: string, peerId: string): Promise<MediaPeer | null> {
    const raw = await this.script(MEDIA_REMOVE_SCRIPT, [this.keys.mediaIndex(eventId)], [peerId, this.keys.mediaRoom(eventId, '')]);
    return typeof raw === 'string' ? (JSON.parse(raw) as MediaPeer) : null;
  }

  async mediaPeer(eventId: string, peerId: string): Promise<MediaPeer | null> {
    const room = await this.client.hGet(this.keys.mediaIndex(eventId), peerId);
    if (room === null || room === undefined) return null;
    const raw = await this.client.hGet(this.keys.mediaRoom(eventId, room), peerId);
    return raw ? (JSON.parse(raw) as MediaPeer) : null;
  }

  async mediaPeers(eventId: string, roomId: string): Promise<MediaPeer[]> {
    const all = await this.client.hVals(this.keys.mediaRoom(eventId, roomId));
    return all.map((raw) => JSON.parse(raw) as MediaPeer);
  }

  async appendChat(eventId: string, draft: ChatDraft): Promise<ChatMessage> {
    const seq = Number(
      await this.script(CHAT_SCRIPT, [this.keys.chat(eventId, draft.roomId), this.keys.chatSeq(eventId, draft.roomId)], [
        JSON.stringify(draft),
        String(LIMITS.chatHistory),
      ]),
    );
    return { ...draft, seq };
  }

  async chatHistory(eventId: string, roomId: string): Promise<ChatHistory> {
    const [seq, items] = (await this.client
      .multi()
      .get(this.keys.chatSeq(eventId, roomId))
      .lRange(this.keys.chat(eventId, roomId), 0, -1)
      .exec()) as unknown as [string | null, string[]];
    return { roomId, seq: Number(seq ?? 0), messages: items.map(parseChatEntry) };
  }

  async speedDatingMarks(eventId: string, speedDatingId: string, participantIds: readonly string[]): Promise<SpeedDatingMarks[]> {
    if (participantIds.length === 0) return [];
    const all = await this.client.hmGet(this.keys.speedDatingMarks(eventId, speedDatingId), [...participantIds]);
    return all.flatMap((raw) => (raw ? [JSON.parse(raw) as SpeedDatingMarks] : []));
  }

  async updateSpeedDatingMarks(
    eventId: string,
    speedDatingId: string,
    participantId: string,
    fn: (current: SpeedDatingMarks | null) => SpeedDatingMarks | Unchanged,
  ): Promise<SpeedDatingMarks | null> {
    // The same compare-and-set, counting on a key of its own: a private write must not take an
    // event seq, since no patch would carry it and every client would see a gap (rule S7).
    const k = this.keys;
    const change = await casUpdate(this.cas(k.speedDatingMarks(eventId, speedDatingId), k.privateRev(eventId), 'h', participantId), fn);
    return change.value;
  }

  async deleteSpeedDatingMarks(eventId: string, speedDatingId: string): Promise<void> {
    await this.client.del(this.keys.speedDatingMarks(eventId, speedDatingId));
  }

  async loadState(eventId: string): Promise<EventState> {
    const k = this.keys;
    // MULTI makes the reads one atomic step: `seq` describes exactly these contents.
    const multi = this.client.multi().get(k.seq(eventId)).hGetAll(k.people(eventId));
    for (const name of DOC_NAMES) multi.get(k.doc(eventId, name));
    for (const kind of ITEM_KINDS) multi.hVals(k.items(eventId, kind));
    const [seq, people, ...rest] = (await multi.exec()) as unknown as [
      string | null,
      Record<string, string>,
      ...Array<string | null | string[]>,
    ];
    const docs = rest.slice(0, DOC_NAMES.length) as Array<string | null>;
    const items = rest.slice(DOC_NAMES.length) as string[][];
    return {
      seq: Number(seq ?? 0),
      participants: Object.values(people).map((p) => JSON.parse(p) as ParticipantRecord),
      docs: Object.fromEntries(
        DOC_NAMES.map((name, i) => [name, docs[i] ? (JSON.parse(docs[i]) as unknown) : null]),
      ) as EventState['docs'],
      items: Object.fromEntries(
        ITEM_KINDS.map((kind, i) => [kind, (items[i] ?? []).map((raw) => JSON.parse(raw) as unknown)]),
      ) as EventState['items'],
    };
  }

  async heartbeat(processId: string, ttlMs: number): Promise<void> {
    await this.client.set(this.keys.processAlive(processId), '1', { expiration: { type: 'PX', value: ttlMs } });
  }

  async trackConnection(processId: string, conn: ConnectionRef): Promise<void> {
    await this.client.sAdd(this.keys.processConnections(processId), connMember(conn));
  }

  async untrackConnection(processId: string, conn: ConnectionRef): Promise<boolean> {
    return (await this.client.sRem(this.keys.processConnections(processId), connMember(conn))) === 1;
  }

  async orphanedConnections(): Promise<Array<{ processId: string; conn: ConnectionRef }>> {
    const found: Array<{ processId: string; conn: ConnectionRef }> = [];
    const pattern = this.keys.processConnectionsPattern();
    const [head, tail] = pattern.split('*') as [string, string];
    for await (const keys of this.client.scanIterator({ MATCH: pattern, COUNT: 100 })) {
      for (const key of keys) {
        const processId = key.slice(head.length, key.length - tail.length);
        if ((await this.client.exists(this.keys.processAlive(processId))) === 1) continue;
        const members = await this.client.sMembers(key);
        if (members.length === 0) continue;
        for (const m of members) found.push({ processId, conn: parseConnMember(m) });
      }
    }
    return found;
  }

  private cas(key: string, seqKey: string, mode: 's' | 'h', field: string): CasOps {
    return {
      read: () => (mode === 'h' ? this.client.hGet(key, field) : this.client.get(key)).then((v) => v ?? null),
      write: async (expected, next) => {
        const r = Number(
          await this.script(CAS_SCRIPT, [key, seqKey], [
            mode,
            field,
            expected === null ? '0' : '1',
            expected ?? '',
            next === null ? '0' : '1',
            next ?? '',
          ]),
        );
        return r < 0 ? null : r;
      },
    };
  }

  /** EVALSHA with a one-time EVAL fallback when Redis does not know the script yet (restart, flush). */
  private async script(source: string, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.client.evalSha(sha1(source), { keys, arguments: args });
    } catch (err) {
      if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
      return this.client.eval(source, { keys, arguments: args });
    }
  }
}

const connMember = (c: ConnectionRef) => JSON.stringify([c.eventId, c.participantId, c.socketId]);
function parseConnMember(m: string): ConnectionRef {
  const [eventId, participantId, socketId] = JSON.parse(m) as [string, string, string];
  return { eventId, participantId, socketId };
}

function parseChatEntry(entry: string): ChatMessage {
  const bar = entry.indexOf('|');
  return { ...(JSON.parse(entry.slice(bar + 1)) as Omit<ChatMessage, 'seq'>), seq: Number(entry.slice(0, bar)) };
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}
