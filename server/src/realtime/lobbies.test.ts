/**
 * Lobby tables over real sockets against the real server (port 0), once on
 * the in-memory store and once on a real Redis. Rule ids refer to
 * docs/PROTOCOL.md ("Lobbies and tables").
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { lobbyRoomId, MEDIA_OFF, PLENARY_ROOM, tableRoomId, type PayloadOf } from '@mashup/shared';
import { RoomPeople } from '../test-support/room-people.js';
import { okData as ok } from '../test-support/outcomes.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { createEvent, startServer, type TestServer } from '../test-support/harness.js';

describe.each(['memory', 'redis'] as const)('lobby tables on the %s store', (kind) => {
  let server: TestServer;
  let clock: FakeClock;
  let code: string;
  let hostKey: string;
  const people = new RoomPeople();
  const { clients, heard } = people;

  const person = (name: string, asHost = false) => people.join(server.url, code, name, asHost ? hostKey : undefined);
  type Person = Awaited<ReturnType<typeof person>>;

  const lunch = (over: Partial<PayloadOf<'lobby:save'>> = {}): PayloadOf<'lobby:save'> => ({
    title: 'Social Eating',
    kind: 'social-eating',
    tables: [
      { name: 'Tisch 1', capacity: 2 },
      { name: 'Tisch 2', topic: 'Datenplattformen', capacity: 3 },
    ],
    ...over,
  });

  /** A saved and opened lobby that everyone has seen open. */
  async function openLunch(host: Person, everyone: Person[]) {
    const { lobbyId } = ok(await host.c.request('lobby:save', lunch()));
    ok(await host.c.request('lobby:open', { lobbyId }));
    await Promise.all(everyone.map((p) => p.view.until((v) => v.lobby(lobbyId)?.openedAt != null)));
    const [t1, t2] = everyone[0]!.view.lobby(lobbyId)!.tables.map((t) => t.id) as [string, string];
    return { lobbyId, t1, t2 };
  }

  /** Waits until every client has every patch up to now (a barrier through the event's sequence). */
  async function settle(host: Person, everyone: Person[]) {
    const barrier = host.c.next('state:patch', (x) => x.patch.type === 'announcement');
    ok(await host.c.request('announcement:post', { text: `Barriere ${clock.now()}` }));
    const { seq } = await barrier;
    await Promise.all(everyone.map((p) => p.view.until((v) => v.seq >= seq)));
  }

  beforeEach(async () => {
    clock = new FakeClock(Date.now());
    server = await startServer({ clock, ...(kind === 'redis' ? { redisUrl: inject('redisUrl') } : {}) });
    ({ code, hostKey } = await createEvent(server.url));
  });
  afterEach(async () => {
    people.closeAll();
    await server.close();
  });

  it('saving reaches everyone; sitting needs an open lobby; opening puts everyone on the floor (rules L1, L2)', async () => {
    const host = await person('Hanna', true);
    const a = await person('Alex');
    const { lobbyId } = ok(await host.c.request('lobby:save', lunch()));
    await a.view.until((v) => v.lobby(lobbyId) !== undefined);
    const lobby = a.view.lobby(lobbyId)!;
    expect(lobby).toMatchObject({ title: 'Social Eating', kind: 'social-eating', openedAt: null, closedAt: null });
    expect(lobby.tables.map((t) => [t.name, t.topic, t.capacity, t.locked, t.seated])).toEqual([
      ['Tisch 1', '', 2, false, []],
      ['Tisch 2', 'Datenplattformen', 3, false, []],
    ]);
    expect(await a.c.request('lobby:sit', { lobbyId, tableId: lobby.tables[0]!.id })).toMatchObject({ ok: false, error: { code: 'lobby.not_open' } });
    expect(a.view.roomAt(clock.now())).toBe(PLENARY_ROOM);

    ok(await host.c.request('lobby:open', { lobbyId }));
    await a.view.until((v) => v.lobby(lobbyId)?.openedAt != null);
    expect(a.view.roomAt(clock.now())).toBe(lobbyRoomId(lobbyId));
    // A second lobby cannot open while this one is (rule L1).
    clock.advance(1000); // creation order decides the order of lobbies in the snapshot
    const { lobbyId: evening } = ok(await host.c.request('lobby:save', lunch({ title: 'Get-together', kind: 'get-together' })));
    expect(await host.c.request('lobby:open', { lobbyId: evening })).toMatchObject({ ok: false, error: { code: 'lobby.another_open' } });
    // A late joiner's snapshot already holds the lobby and its room.
    const late = await person('Lena');
    expect(late.c.snapshot.lobbies.map((l) => l.id)).toEqual([lobbyId, evening]);
    expect(late.c.snapshot.chat.roomId).toBe(lobbyRoomId(lobbyId));
  });

  it('sit, switch, full, locked, leave: one lobby patch each, capacity kept, rooms follow (rules L2–L4)', async () => {
    const host = await person('Hanna', true);
    const [a, b, cc] = [await person('Alex'), await person('Bea'), await person('Carla')];
    const everyone = [host, a, b, cc];
    const { lobbyId, t1, t2 } = await openLunch(host, everyone);

    const patch = host.c.next('state:patch', (p) => p.patch.type === 'lobby');
    ok(await a.c.request('lobby:sit', { lobbyId, tableId: t1 }));
    expect((await patch).patch).toMatchObject({ type: 'lobby', lobby: { id: lobbyId, tables: [{ seated: [a.c.participantId] }, { seated: [] }] } });
    ok(await b.c.request('lobby:sit', { lobbyId, tableId: t1 }));
    expect(await cc.c.request('lobby:sit', { lobbyId, tableId: t1 })).toMatchObject({ ok: false, error: { code: 'lobby.table_full', details: { capacity: 2 } } });
    // A switches: t1 frees a seat in the same step, so C gets it.
    ok(await a.c.request('lobby:sit', { lobbyId, tableId: t2 }));
    ok(await cc.c.request('lobby:sit', { lobbyId, tableId: t1 }));
    await settle(host, everyone);
    const now = clock.now();
    expect(everyone.map((p) => p.view.roomAt(now))).toEqual([lobbyRoomId(lobbyId), tableRoomId(t2), tableRoomId(t1), tableRoomId(t1)]);

    // Locked: nobody new, who sits there stays.
    ok(await host.c.request('lobby:lock', { lobbyId, tableId: t2, locked: true }));
    expect(await b.c.request('lobby:sit', { lobbyId, tableId: t2 })).toMatchObject({ ok: false, error: { code: 'lobby.table_locked' } });
    ok(await a.c.request('lobby:leave', { lobbyId }));
    await a.view.until((v) => v.roomAt(clock.now()) === lobbyRoomId(lobbyId));
    expect(await a.c.request('lobby:sit', { lobbyId, tableId: 'nope' })).toMatchObject({ ok: false, error: { code: 'lobby.table_not_found' } });
    expect(await a.c.request('lobby:sit', { lobbyId: 'nope', tableId: t1 })).toMatchObject({ ok: false, error: { code: 'lobby.not_found' } });
  });

  it('chat and media follow the table: a table hears only itself, the floor only the unseated; everyone at a table may send (rules L2, M1, M2)', async () => {
    const host = await person('Hanna', true);
    const [a, b, cc] = [await person('Alex'), await person('Bea'), await person('Carla')];
    const everyone = [host, a, b, cc];
    const { lobbyId, t1 } = await openLunch(host, everyone);
    ok(await a.c.request('lobby:sit', { lobbyId, tableId: t1 }));
    ok(await b.c.request('lobby:sit', { lobbyId, tableId: t1 }));

    expect(ok(await a.c.request('chat:send', { text: 'Guten Appetit' })).message.roomId).toBe(tableRoomId(t1));
    expect(ok(await cc.c.request('chat:send', { text: 'Wo ist noch frei?' })).message.roomId).toBe(lobbyRoomId(lobbyId));
    await settle(host, everyone);
    const texts = (p: Person) => heard.get(p.c)!.map((m) => m.text);
    expect([texts(a), texts(b), texts(cc), texts(host)]).toEqual([['Guten Appetit'], ['Guten Appetit'], ['Wo ist noch frei?'], ['Wo ist noch frei?']]);

    const on = { ...MEDIA_OFF, audio: true, video: true, screen: true };
    const joined = ok(await b.c.request('media:join', { roomId: tableRoomId(t1), state: on }));
    expect(joined.self).toMatchObject({ roomId: tableRoomId(t1), mayPublish: true, mayShare: true, state: on });
    expect(await cc.c.request('media:join', { roomId: tableRoomId(t1), state: MEDIA_OFF })).toMatchObject({
      ok: false,
      error: { code: 'media.wrong_room', details: { roomId: lobbyRoomId(lobbyId) } },
    });
    // The floor is a stage: a participant joins receiving only.
    const floor = ok(await cc.c.request('media:join', { roomId: lobbyRoomId(lobbyId), state: on }));
    expect(floor.self).toMatchObject({ mayPublish: false, state: MEDIA_OFF });
    // Given the floor there, Carla's tab is told at once that it may send (rule M2), as in the plenary.
    const told = cc.c.next('media:peers', (p) => p.upsert.some((x) => x.participantId === cc.c.participantId && x.mayPublish));
    ok(await host.c.request('media:floor', { participantId: cc.c.participantId, floor: true }));
    expect((await told).roomId).toBe(lobbyRoomId(lobbyId));
  });

  it('surprise me: a free table with the fewest people met, else lobby.full (rule L6)', async () => {
    const host = await person('Hanna', true);
    const [a, b, cc] = [await person('Alex'), await person('Bea'), await person('Carla')];
    const { lobbyId, t1, t2 } = await openLunch(host, [host, a, b, cc]);
    // Nobody has met anyone: the table with the most free seats (t2, three).
    expect(ok(await a.c.request('lobby:surprise', { lobbyId }))).toEqual({ tableId: t2 });
    ok(await b.c.request('lobby:sit', { lobbyId, tableId: t1 }));
    ok(await cc.c.request('lobby:sit', { lobbyId, tableId: t1 }));
    // A sits at t2 and t1 is full: no other table has a free seat.
    expect(await a.c.request('lobby:surprise', { lobbyId })).toMatchObject({ ok: false, error: { code: 'lobby.full' } });
  });

  it('shuffle re-seats everyone present in the lobby, balanced and within capacity, locked tables untouched (rule L5)', async () => {
    const host = await person('Hanna', true);
    const guests = [await person('A'), await person('B'), await person('C'), await person('D'), await person('E')];
    const everyone = [host, ...guests];
    const { lobbyId } = ok(
      await host.c.request('lobby:save', lunch({ tables: [{ name: 'Eins', capacity: 3 }, { name: 'Zwei', capacity: 3 }, { name: 'Privat', capacity: 2 }] })),
    );
    ok(await host.c.request('lobby:open', { lobbyId }));
    await Promise.all(everyone.map((p) => p.view.until((v) => v.lobby(lobbyId)?.openedAt != null)));
    const [t1, t2, t3] = host.view.lobby(lobbyId)!.tables.map((t) => t.id) as [string, string, string];
    ok(await guests[0]!.c.request('lobby:sit', { lobbyId, tableId: t3 }));
    ok(await host.c.request('lobby:lock', { lobbyId, tableId: t3, locked: true }));

    // Present: the host and four guests not at the locked table; six seats at the two open tables.
    expect(ok(await host.c.request('lobby:shuffle', { lobbyId }))).toEqual({ placed: 5, unplaced: 0 });
    await settle(host, everyone);
    const tables = host.view.lobby(lobbyId)!.tables;
    expect(tables.find((t) => t.id === t3)!.seated).toEqual([guests[0]!.c.participantId]);
    const sizes = [t1, t2].map((id) => tables.find((t) => t.id === id)!.seated.length).sort();
    expect(sizes).toEqual([2, 3]);
    const now = clock.now();
    for (const p of everyone) expect(p.view.roomAt(now)).toMatch(/^table:/);
    expect(await guests[1]!.c.request('lobby:shuffle', { lobbyId })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('two hosts open two lobbies at the same moment: at most one is open, and the acks say which (rule L1)', async () => {
    const host = await person('Hanna', true);
    const cohost = await person('Henrik', true);
    const a = await person('Alex');
    const { lobbyId: l1 } = ok(await host.c.request('lobby:save', lunch({ title: 'Mittag' })));
    const { lobbyId: l2 } = ok(await host.c.request('lobby:save', lunch({ title: 'Abend' })));
    for (let i = 0; i < 5; i++) {
      const acks = await Promise.all([host.c.request('lobby:open', { lobbyId: l1 }), cohost.c.request('lobby:open', { lobbyId: l2 })]);
      const state = ok(await a.c.request('state:sync', {}));
      const open = state.lobbies.filter((l) => l.openedAt !== null && l.closedAt === null).map((l) => l.id);
      expect(open.length, `race ${i}`).toBeLessThanOrEqual(1);
      expect(acks.filter((r) => r.ok).length, `race ${i}`).toBe(open.length);
      for (const r of acks) if (!r.ok) expect(r.error.code).toBe('lobby.another_open');
      await a.view.until((v) => v.seq >= state.seq);
      expect(a.view.roomAt(clock.now())).toBe(open[0] ? lobbyRoomId(open[0]) : PLENARY_ROOM);
      if (open[0]) ok(await host.c.request('lobby:close', { lobbyId: open[0] }));
    }
  });

  it('a participant removed by a host frees their seat (rule L3)', async () => {
    const host = await person('Hanna', true);
    const [a, b] = [await person('Alex'), await person('Bea')];
    const { lobbyId, t1 } = await openLunch(host, [host, a, b]);
    ok(await a.c.request('lobby:sit', { lobbyId, tableId: t1 }));
    ok(await b.c.request('lobby:sit', { lobbyId, tableId: t1 }));
    ok(await host.c.request('participant:remove', { participantId: a.c.participantId }));
    await host.view.until((v) => v.lobby(lobbyId)!.tables[0]!.seated.join() === b.c.participantId);
    ok(await host.c.request('lobby:sit', { lobbyId, tableId: t1 }));
  });

  it('closing sends everyone back to the plenary and empties the tables; deleting an open lobby does too', async () => {
    const host = await person('Hanna', true);
    const a = await person('Alex');
    const { lobbyId, t1 } = await openLunch(host, [host, a]);
    ok(await a.c.request('lobby:sit', { lobbyId, tableId: t1 }));
    await a.view.until((v) => v.roomAt(clock.now()) === tableRoomId(t1));
    ok(await host.c.request('lobby:close', { lobbyId }));
    await a.view.until((v) => v.lobby(lobbyId)?.closedAt != null);
    expect(a.view.roomAt(clock.now())).toBe(PLENARY_ROOM);
    expect(a.view.lobby(lobbyId)!.tables.every((t) => t.seated.length === 0)).toBe(true);
    expect(await a.c.request('lobby:sit', { lobbyId, tableId: t1 })).toMatchObject({ ok: false, error: { code: 'lobby.not_open' } });

    ok(await host.c.request('lobby:open', { lobbyId }));
    ok(await a.c.request('lobby:sit', { lobbyId, tableId: t1 }));
    ok(await host.c.request('lobby:delete', { lobbyId }));
    await a.view.until((v) => v.lobby(lobbyId) === undefined);
    expect(a.view.roomAt(clock.now())).toBe(PLENARY_ROOM);
    expect(await host.c.request('lobby:close', { lobbyId })).toMatchObject({ ok: false, error: { code: 'lobby.not_found' } });
  });
});
