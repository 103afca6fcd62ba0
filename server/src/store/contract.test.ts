/**
 * One contract, every store (STYLE 7): the memory and the Redis store must be
 * indistinguishable to the rest of the server.
 */
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { LIMITS, MEDIA_OFF, type Lobby, type MediaPeer } from '@mashup/shared';
import { UNCHANGED } from '../domain/context.js';
import { DomainError } from '../domain/errors.js';
import { emptyMarks } from '../domain/speed-dating/session.js';
import { eventRecord, participantRecord, uniquePrefix } from '../test-support/fixtures.js';
import { MemoryStore } from './memory.js';
import { RecentItems } from './recent-items.js';
import { RedisStore } from './redis.js';
import { FamilyChanged, type EventStore } from './types.js';

const opened: EventStore[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

const factories: Array<[string, () => Promise<EventStore>]> = [
  ['memory', async () => new MemoryStore()],
  [
    'redis',
    async () => {
      const s = await RedisStore.connect({ url: inject('redisUrl'), prefix: uniquePrefix() });
      opened.push(s);
      return s;
    },
  ],
];

describe.each(factories)('%s store', (_name, make) => {
  let store: EventStore;
  beforeEach(async () => {
    store = await make();
  });

  it('creates an event, finds it by id and code, and refuses a taken code', async () => {
    const e = eventRecord();
    expect(await store.createEvent(e)).toBe(true);
    expect(await store.getEvent(e.id)).toEqual(e);
    expect(await store.findEventByCode(e.code)).toEqual(e);
    expect(await store.createEvent(eventRecord({ code: e.code }))).toBe(false);
    expect(await store.findEventByCode('NOPE42')).toBeNull();
    expect(await store.getEvent('missing')).toBeNull();
  });

  it('gives every change to event state the next sequence number', async () => {
    const e = eventRecord();
    await store.createEvent(e);
    const p = participantRecord(e.id);
    expect(await store.addParticipant(p)).toBe(1);
    const c1 = await store.updateParticipant(e.id, p.id, (cur) => ({ ...cur!, connections: 1 }));
    expect(c1.seq).toBe(2);
    const c2 = await store.updateDoc(e.id, 'hands', () => [{ participantId: p.id, raisedAt: 5 }]);
    expect(c2).toEqual({ seq: 3, value: [{ participantId: p.id, raisedAt: 5 }] });
    const state = await store.loadState(e.id);
    expect(state.seq).toBe(3);
    expect(state.participants).toEqual([{ ...p, connections: 1 }]);
    expect(state.docs.hands).toEqual([{ participantId: p.id, raisedAt: 5 }]);
  });

  it('an UNCHANGED update writes nothing and takes no sequence number', async () => {
    const e = eventRecord();
    await store.createEvent(e);
    const r = await store.updateDoc(e.id, 'countdown', () => UNCHANGED);
    expect(r).toEqual({ seq: null, value: null });
    expect((await store.loadState(e.id)).seq).toBe(0);
  });

  it('returning null deletes a document', async () => {
    const e = eventRecord();
    await store.createEvent(e);
    const a = { id: 'a', text: 'Pause', postedAt: 1, by: 'Host' };
    await store.updateDoc(e.id, 'announcement', () => a);
    expect((await store.loadState(e.id)).docs.announcement).toEqual(a);
    await store.updateDoc(e.id, 'announcement', () => null);
    expect((await store.loadState(e.id)).docs.announcement).toBeNull();
  });

  it('a refusal thrown by the update function propagates and writes nothing', async () => {
    const e = eventRecord();
    await store.createEvent(e);
    await expect(
      store.updateDoc(e.id, 'countdown', () => {
        throw new DomainError('countdown.none', 'no');
      }),
    ).rejects.toMatchObject({ code: 'countdown.none' });
    expect((await store.loadState(e.id)).seq).toBe(0);
  });

  it('concurrent updates of one document lose nothing', async () => {
    const e = eventRecord();
    await store.createEvent(e);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.updateDoc(e.id, 'hands', (cur) => [...(cur ?? []), { participantId: `p${i}`, raisedAt: i }]),
      ),
    );
    const state = await store.loadState(e.id);
    expect(state.docs.hands).toHaveLength(50);
    expect(new Set(state.docs.hands!.map((h) => h.participantId)).size).toBe(50);
    expect(state.seq).toBe(50);
  });

  describe('items (rounds, results boards)', () => {
    const board = (text: string, n = 1) => ({
      roundId: 'r1',
      workshopId: 'w1',
      items: Array.from({ length: n }, (_, i) => ({ id: `i${i}`, section: 'insights' as const, text, by: 'p', at: i, version: 1, pinned: false })),
      updatedAt: 1,
    });

    it('updateItem creates, changes and (returning null) deletes one item; listItems sees exactly the stored ones', async () => {
      const e = eventRecord();
      await store.createEvent(e);
      expect(await store.listItems(e.id, 'results')).toEqual([]);
      const created = await store.updateItem(e.id, 'results', 'r1:w1', (cur) => (cur === null ? board('a') : UNCHANGED));
      expect(created).toEqual({ seq: 1, value: board('a') });
      await store.updateItem(e.id, 'results', 'r1:w2', () => ({ ...board('b'), workshopId: 'w2' }));
      const changed = await store.updateItem(e.id, 'results', 'r1:w1', (cur) => ({ ...cur!, updatedAt: 9 }));
      expect(changed.seq).toBe(3);
      expect((await store.listItems(e.id, 'results')).map((b) => [b.workshopId, b.updatedAt]).sort()).toEqual([
        ['w1', 9],
        ['w2', 1],
      ]);
      const gone = await store.updateItem(e.id, 'results', 'r1:w1', () => null);
      expect(gone).toEqual({ seq: 4, value: null });
      expect((await store.listItems(e.id, 'results')).map((b) => b.workshopId)).toEqual(['w2']);
      // Items of one family do not show up in another, nor in another event.
      expect(await store.listItems(e.id, 'rounds')).toEqual([]);
      expect(await store.listItems('other-event', 'results')).toEqual([]);
    });

    it('itemsAt returns a family with its version: writes to any of its items count, writes elsewhere do not', async () => {
      const e = eventRecord();
      await store.createEvent(e);
      expect(await store.itemsAt(e.id, 'results')).toEqual({ version: 0, items: [] });
      await store.updateItem(e.id, 'results', 'r1:w1', () => board('a'));
      await store.updateItem(e.id, 'results', 'r1:w2', () => ({ ...board('b'), workshopId: 'w2' }));
      await store.updateDoc(e.id, 'hands', () => []);
      await store.updateItem(e.id, 'lobbies', 'L', () => ({ id: 'L', title: 'Mittag', kind: 'other', createdAt: 0, openedAt: null, closedAt: null, tables: [] }));
      const read = await store.itemsAt(e.id, 'results');
      expect(read.version).toBe(2);
      expect(read.items.map((b) => b.workshopId).sort()).toEqual(['w1', 'w2']);
      expect(await store.itemsAt('other-event', 'rounds')).toEqual({ version: 0, items: [] });
    });

    it('familyAt: a write made for a family version goes through only while the family is still at it (FamilyChanged, nothing written)', async () => {
      const e = eventRecord();
      await store.createEvent(e);
      await store.updateItem(e.id, 'results', 'r1:w1', () => board('a'));
      const read = await store.itemsAt(e.id, 'results');
      await store.updateItem(e.id, 'results', 'r1:w2', () => ({ ...board('b'), workshopId: 'w2' })); // another item of the family
      const late = store.updateItem(e.id, 'results', 'r1:w1', () => board('late'), { familyAt: read.version });
      await expect(late).rejects.toBeInstanceOf(FamilyChanged);
      expect((await store.listItems(e.id, 'results')).find((b) => b.workshopId === 'w1')).toEqual(board('a'));
      const fresh = await store.itemsAt(e.id, 'results');
      expect(await store.updateItem(e.id, 'results', 'r1:w1', () => board('now'), { familyAt: fresh.version })).toMatchObject({ value: board('now') });
      expect((await store.itemsAt(e.id, 'results')).version).toBe(fresh.version + 1);
    });

    it('a guarded write checks who writes in the same step: unknown or removed → auth.removed, not a host → auth.forbidden, nothing written', async () => {
      const e = eventRecord();
      await store.createEvent(e);
      const host = participantRecord(e.id, { role: 'host' });
      const guest = participantRecord(e.id);
      const gone = participantRecord(e.id, { role: 'host', removed: true });
      for (const p of [host, guest, gone]) await store.addParticipant(p);
      const write = (participantId: string, hostOnly: boolean) =>
        store.updateItem(e.id, 'results', 'r1:w1', () => board(participantId), { guard: { participantId, hostOnly } });
      const codeOf = (p: Promise<unknown>) => p.then(() => 'written', (err: unknown) => (err instanceof DomainError ? err.code : String(err)));
      expect(await codeOf(write(guest.id, true))).toBe('auth.forbidden');
      expect(await codeOf(write(gone.id, false))).toBe('auth.removed');
      expect(await codeOf(write('nobody', false))).toBe('auth.removed');
      expect(await store.listItems(e.id, 'results')).toEqual([]);
      expect((await store.loadState(e.id)).seq).toBe(3); // the three joins, no write
      expect(await write(host.id, true)).toEqual({ seq: 4, value: board(host.id) });
      expect(await write(guest.id, false)).toEqual({ seq: 5, value: board(guest.id) });
    });

    it('recentItems: null before the family was read, then the family and its version as written through this store', async () => {
      const e = eventRecord();
      await store.createEvent(e);
      await store.updateItem(e.id, 'results', 'r1:w1', () => board('a'));
      // The memory store always knows its family; Redis knows it once it has read the whole of it.
      if (store.kind === 'redis') expect(store.recentItems(e.id, 'results')).toBeNull();
      await store.listItems(e.id, 'results');
      await store.updateItem(e.id, 'results', 'r1:w2', () => ({ ...board('b'), workshopId: 'w2' }));
      await store.updateItem(e.id, 'results', 'r1:w1', () => null);
      expect(store.recentItems(e.id, 'results')).toEqual({ version: 3, items: [{ ...board('b'), workshopId: 'w2' }] });
    });

    it('concurrent updates of one item retry until every change is in (CAS under contention)', async () => {
      const e = eventRecord();
      await store.createEvent(e);
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.updateItem(e.id, 'results', 'r1:w1', (cur) => {
            const b = cur ?? { ...board('x'), items: [] };
            return { ...b, items: [...b.items, { id: `i${i}`, section: 'next' as const, text: `t${i}`, by: 'p', at: i, version: 1, pinned: false }] };
          }),
        ),
      );
      const [stored] = await store.listItems(e.id, 'results');
      expect(new Set(stored!.items.map((i) => i.id)).size).toBe(50);
      expect((await store.loadState(e.id)).seq).toBe(50);
    });

    it('updates of different items do not contend and each takes its own sequence number', async () => {
      const e = eventRecord();
      await store.createEvent(e);
      const seqs = await Promise.all(
        ['w1', 'w2', 'w3'].map(async (w) => (await store.updateItem(e.id, 'results', `r1:${w}`, () => ({ ...board(w), workshopId: w }))).seq),
      );
      expect(seqs.sort()).toEqual([1, 2, 3]);
    });

    it('loadState reads the items in the same atomic step as seq', async () => {
      const e = eventRecord();
      await store.createEvent(e);
      await store.updateItem(e.id, 'results', 'r1:w1', () => board('a'));
      // Writers race with the reads: every state read must hold exactly `seq` boards' worth of changes.
      const writers = Promise.all(
        Array.from({ length: 20 }, (_, i) => store.updateItem(e.id, 'results', `r1:x${i}`, () => ({ ...board('b'), workshopId: `x${i}` }))),
      );
      const reads = Promise.all(Array.from({ length: 20 }, () => store.loadState(e.id)));
      const [, states] = await Promise.all([writers, reads]);
      for (const s of states) expect(s.items.results).toHaveLength(s.seq);
      const last = await store.loadState(e.id);
      expect(last.seq).toBe(21);
      expect(last.items.results).toHaveLength(21);
      expect(last.items.rounds).toEqual([]);
    });

    it('lobbies are their own family: 30 people racing for a 6-seat table through updateItem seat exactly 6 (rule L3)', async () => {
      const e = eventRecord();
      await store.createEvent(e);
      const lobby = {
        id: 'L',
        title: 'Social Eating',
        kind: 'social-eating' as const,
        createdAt: 1,
        openedAt: 2,
        closedAt: null,
        tables: [{ id: 't1', name: 'Tisch 1', topic: '', capacity: 6, locked: false, seated: [] as string[] }],
      };
      await store.updateItem(e.id, 'lobbies', 'L', () => lobby);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) =>
          store.updateItem(e.id, 'lobbies', 'L', (cur) => {
            const t = cur!.tables[0]!;
            if (t.seated.length >= t.capacity) throw new DomainError('lobby.table_full', 'full');
            return { ...cur!, tables: [{ ...t, seated: [...t.seated, `p${i}`] }] };
          }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(6);
      const [stored] = await store.listItems(e.id, 'lobbies');
      expect(stored!.tables[0]!.seated).toHaveLength(6);
      const state = await store.loadState(e.id);
      expect(state.items.lobbies).toEqual([stored]);
      expect(state.seq).toBe(7);
      expect(await store.listItems(e.id, 'rounds')).toEqual([]);
    });
  });

  it('keeps per-room chat in order with its own sequence, trimmed to the history length', async () => {
    const e = eventRecord();
    await store.createEvent(e);
    const draft = (i: number, roomId = 'plenary') => ({
      id: `m${i}`,
      roomId,
      participantId: 'p',
      name: 'Alex',
      org: 'Ulm',
      text: `Nachricht ${i} <b>bleibt Text</b> | mit Strich`,
      at: i,
    });
    const first = await store.appendChat(e.id, draft(1));
    expect(first.seq).toBe(1);
    await store.appendChat(e.id, draft(1, 'other'));
    for (let i = 2; i <= LIMITS.chatHistory + 5; i++) await store.appendChat(e.id, draft(i));
    const h = await store.chatHistory(e.id, 'plenary');
    expect(h.seq).toBe(LIMITS.chatHistory + 5);
    expect(h.messages).toHaveLength(LIMITS.chatHistory);
    expect(h.messages.at(-1)).toEqual({ ...draft(LIMITS.chatHistory + 5), seq: LIMITS.chatHistory + 5 });
    expect(h.messages[0]!.seq).toBe(6);
    expect((await store.chatHistory(e.id, 'other')).seq).toBe(1);
    expect(await store.chatHistory(e.id, 'empty')).toEqual({ roomId: 'empty', seq: 0, messages: [] });
    // Chat does not move the event sequence: it has its own per room (rule O3).
    expect((await store.loadState(e.id)).seq).toBe(0);
  });

  it('agrees on one session secret: the first one stored wins', async () => {
    const first = await store.sessionSecret('a'.repeat(40));
    expect(await store.sessionSecret('b'.repeat(40))).toBe(first);
  });

  it('presence bookkeeping: a connection is counted out exactly once', async () => {
    const conn = { eventId: 'e', participantId: 'p', socketId: 's1' };
    await store.heartbeat('proc-a', 60_000);
    await store.trackConnection('proc-a', conn);
    expect(await store.orphanedConnections()).toEqual([]); // proc-a is alive
    const [first, second] = await Promise.all([
      store.untrackConnection('proc-a', conn),
      store.untrackConnection('proc-a', conn),
    ]);
    // Redis: two callers race (a disconnect and a sweeper), exactly one wins. Memory: a single
    // process keeps no records to race over, and every disconnect counts.
    const expected = store.kind === 'redis' ? [false, true] : [true, true];
    expect([first, second].sort()).toEqual(expected);
  });

  describe('media peers (section 11)', () => {
    const peer = (peerId: string, roomId: string, extra: Partial<MediaPeer> = {}): MediaPeer => ({
      peerId,
      participantId: `p-${peerId}`,
      roomId,
      mayPublish: true,
      mayShare: false,
      state: MEDIA_OFF,
      joinedAt: 1,
      ...extra,
    });

    it('keeps one record per tab under its room; a put into another room moves it; remove returns it once', async () => {
      const e = eventRecord();
      await store.createEvent(e);
      await store.putMediaPeer(e.id, peer('a', 'plenary'));
      await store.putMediaPeer(e.id, peer('b', 'plenary'));
      await store.putMediaPeer(e.id, peer('c', 'w1'));
      expect((await store.mediaPeers(e.id, 'plenary')).map((p) => p.peerId).sort()).toEqual(['a', 'b']);
      // An update in place, then a move: the old room no longer lists it.
      await store.putMediaPeer(e.id, peer('a', 'plenary', { state: { ...MEDIA_OFF, audio: true } }));
      expect((await store.mediaPeer(e.id, 'a'))?.state.audio).toBe(true);
      await store.putMediaPeer(e.id, peer('a', 'w1'));
      expect((await store.mediaPeers(e.id, 'plenary')).map((p) => p.peerId)).toEqual(['b']);
      expect((await store.mediaPeers(e.id, 'w1')).map((p) => p.peerId).sort()).toEqual(['a', 'c']);
      expect(await store.removeMediaPeer(e.id, 'a')).toEqual(peer('a', 'w1'));
      expect(await store.removeMediaPeer(e.id, 'a')).toBeNull();
      expect(await store.mediaPeer(e.id, 'a')).toBeNull();
      expect((await store.mediaPeers(e.id, 'w1')).map((p) => p.peerId)).toEqual(['c']);
      // Media presence is not event state: no seq was taken.
      expect((await store.loadState(e.id)).seq).toBe(0);
      expect(await store.mediaPeers('other-event', 'plenary')).toEqual([]);
      // getDoc reads one document as stored.
      expect(await store.getDoc(e.id, 'floor')).toBeNull();
      await store.updateDoc(e.id, 'floor', () => ['p1']);
      expect(await store.getDoc(e.id, 'floor')).toEqual(['p1']);
      expect((await store.loadState(e.id)).seq).toBe(1);
    });
  });

  it('speed-dating marks are private records: no seq, per session, concurrent marks all kept, deleted with the session (rule S7)', async () => {
    const e = eventRecord();
    await store.createEvent(e);
    const record = (who: string, marked: string[]) => ({ ...emptyMarks('sd1', who), marked });
    expect(await store.updateSpeedDatingMarks(e.id, 'sd1', 'a', () => record('a', ['b']))).toEqual(record('a', ['b']));
    // Ten marks racing on one record: every one is in (compare-and-set).
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.updateSpeedDatingMarks(e.id, 'sd1', 'c', (cur) => ({ ...(cur ?? record('c', [])), marked: [...(cur?.marked ?? []), `p${i}`] })),
      ),
    );
    const [c] = await store.speedDatingMarks(e.id, 'sd1', ['c']);
    expect(c!.marked.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `p${i}`).sort());
    expect(await store.updateSpeedDatingMarks(e.id, 'sd1', 'a', () => UNCHANGED)).toEqual(record('a', ['b']));
    await store.updateSpeedDatingMarks(e.id, 'sd2', 'a', () => record('a', ['z']));
    // Asked for several, it answers those that exist; nothing of it is event state.
    expect((await store.speedDatingMarks(e.id, 'sd1', ['a', 'nobody', 'c'])).map((m) => m.participantId)).toEqual(['a', 'c']);
    expect(await store.speedDatingMarks(e.id, 'sd1', [])).toEqual([]);
    expect((await store.loadState(e.id)).seq).toBe(0);
    await store.deleteSpeedDatingMarks(e.id, 'sd1');
    expect(await store.speedDatingMarks(e.id, 'sd1', ['a', 'c'])).toEqual([]);
    expect(await store.speedDatingMarks(e.id, 'sd2', ['a'])).toEqual([record('a', ['z'])]);
  });

  it('reports itself reachable', async () => {
    expect(await store.ping()).toBe(true);
  });
});

describe('redis: what one process saw is a hint, never the truth', () => {
  const twoStores = async () => {
    const prefix = uniquePrefix();
    const [a, b] = await Promise.all([RedisStore.connect({ url: inject('redisUrl'), prefix }), RedisStore.connect({ url: inject('redisUrl'), prefix })]);
    opened.push(a, b);
    return { a, b };
  };
  const counter = (n: number): Lobby => ({ id: 'c', title: String(n), kind: 'other', createdAt: 0, openedAt: null, closedAt: null, tables: [] });

  it('a write by another process makes the recent view stale: a family write made from it fails, an item update still starts from the stored value', async () => {
    const { a, b } = await twoStores();
    const e = eventRecord();
    await a.createEvent(e);
    await a.updateItem(e.id, 'lobbies', 'c', () => counter(1));
    await a.listItems(e.id, 'lobbies');
    await b.updateItem(e.id, 'lobbies', 'c', (cur) => counter(Number(cur!.title) + 1));
    const seen = a.recentItems(e.id, 'lobbies')!;
    expect(seen).toEqual({ version: 1, items: [counter(1)] }); // stale: A has not read since
    await expect(a.updateItem(e.id, 'lobbies', 'c', () => counter(99), { familyAt: seen.version })).rejects.toBeInstanceOf(FamilyChanged);
    // A's update first tries its stale view; the compare-and-set refuses that, and the retry reads 2.
    expect(await a.updateItem(e.id, 'lobbies', 'c', (cur) => counter(Number(cur!.title) + 1))).toMatchObject({ value: counter(3) });
    // A refusal or "nothing to change" on the stale view is asked again of the store, too.
    await b.updateItem(e.id, 'lobbies', 'c', () => counter(10));
    expect(await a.updateItem(e.id, 'lobbies', 'c', (cur) => (cur!.title === '10' ? UNCHANGED : counter(99)))).toEqual({ seq: null, value: counter(10) });
    await b.updateItem(e.id, 'lobbies', 'c', () => counter(20));
    const refuseBelow20 = (cur: Lobby | null) => {
      if (Number(cur!.title) < 20) throw new DomainError('lobby.not_found', 'stale');
      return counter(21);
    };
    expect(await a.updateItem(e.id, 'lobbies', 'c', refuseBelow20)).toMatchObject({ value: counter(21) });
    // What the caller just read (`known`) is trusted: its refusal is final.
    await expect(a.updateItem(e.id, 'lobbies', 'c', refuseBelow20, { known: counter(5) })).rejects.toMatchObject({ code: 'lobby.not_found' });
  });

  it('a guarded write over its rate-limit counter is refused with rate.limited and writes nothing', async () => {
    const { a } = await twoStores();
    const e = eventRecord();
    await a.createEvent(e);
    const host = participantRecord(e.id, { role: 'host' });
    await a.addParticipant(host);
    const key = `${uniquePrefix()}rl`;
    const guard = { participantId: host.id, hostOnly: true, counter: { key, max: 2 } };
    await a.updateItem(e.id, 'lobbies', 'c', () => counter(0), { guard }); // no counter yet: nothing consumed
    await a.client.set(key, '2', { EX: 10 }); // two consumed of two: still allowed
    await a.updateItem(e.id, 'lobbies', 'c', () => counter(1), { guard });
    await a.client.incr(key); // the third consumption
    await expect(a.updateItem(e.id, 'lobbies', 'c', () => counter(2), { guard })).rejects.toMatchObject({ code: 'rate.limited' });
    expect(await a.listItems(e.id, 'lobbies')).toEqual([counter(1)]);
  });

  it('forgets the families seen longest ago once the values kept pass the cap', () => {
    const recent = new RecentItems(100);
    recent.replace('f1', [['a', 'x'.repeat(60)]], 1);
    recent.replace('f2', [['b', 'y'.repeat(30)]], 1);
    recent.wrote('f1', 'a2', 'z'.repeat(20), 2); // f1 seen last now: 110 bytes, over the cap
    expect(recent.all('f2')).toBeNull();
    expect(recent.all('f1')).toEqual({ version: 2, raws: ['x'.repeat(60), 'z'.repeat(20)] });
    expect(recent.size).toBe(80);
    // A write that skips a version (another process wrote between) leaves single items, not a family.
    recent.wrote('f1', 'a', 'w', 4);
    expect(recent.all('f1')).toBeNull();
    expect(recent.get('f1', 'a')).toBe('w');
    expect(recent.get('f1', 'nope')).toBeUndefined();
  });
});

describe('redis presence across processes', () => {
  it('connections of a process whose heartbeat expired are orphaned; those of live ones are not', async () => {
    const store = await RedisStore.connect({ url: inject('redisUrl'), prefix: uniquePrefix() });
    opened.push(store);
    const dead = { eventId: 'e', participantId: 'p1', socketId: 's1' };
    const live = { eventId: 'e', participantId: 'p2', socketId: 's2' };
    await store.heartbeat('dead', 1); // expires at once
    await store.heartbeat('live', 60_000);
    await store.trackConnection('dead', dead);
    await store.trackConnection('live', live);
    // PX 1 has expired once Redis has seen a later command in a later millisecond.
    await expect.poll(() => store.orphanedConnections()).toEqual([{ processId: 'dead', conn: dead }]);
    expect(await store.untrackConnection('dead', dead)).toBe(true);
    expect(await store.orphanedConnections()).toEqual([]);
  });
});

describe('redis store start-up', () => {
  it('fails fast with a clear message when Redis is unreachable', async () => {
    await expect(RedisStore.connect({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 500 })).rejects.toThrow(
      /Redis at redis:\/\/127\.0\.0\.1:1 is unreachable/,
    );
  });
});
