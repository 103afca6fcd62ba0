/**
 * Workshop rounds over real sockets against the real server (port 0), once on
 * the in-memory store and once on a real Redis. Time is the server's fake
 * clock: the tests move it to the end of the closing warning instead of
 * waiting. Rule ids refer to docs/PROTOCOL.md ("Workshop rounds").
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { PLENARY_ROOM, ROUND_CLOSING_MS, roundPhase, type PayloadOf } from '@mashup/shared';
import { EventMirror } from '../test-support/event-mirror.js';
import { RoomPeople } from '../test-support/room-people.js';
import { okData as ok } from '../test-support/outcomes.js';
import { FakeClock } from '../test-support/fake-clock.js';
import {
  connectWithToken,
  createEvent,
  startServer,
  type TestClient,
  type TestServer,
} from '../test-support/harness.js';

const MIN = 60_000;

describe.each(['memory', 'redis'] as const)('workshop rounds on the %s store', (kind) => {
  let server: TestServer;
  let clock: FakeClock;
  let code: string;
  let hostKey: string;
  const people = new RoomPeople();
  const { clients, heard } = people;

  const person = (name: string, asHost = false) => people.join(server.url, code, name, asHost ? hostKey : undefined);

  /** A round with two workshops of two seats in choose mode; `moderatorId` runs the first. */
  const roundInput = (moderatorId: string | null, over: Partial<PayloadOf<'breakout:save'>> = {}): PayloadOf<'breakout:save'> => ({
    title: 'Runde 1',
    durationMs: 30 * MIN,
    mode: 'choose',
    workshops: [
      { title: 'Mobilität', capacity: 2, moderatorId },
      { title: 'Energie', capacity: 2 },
    ],
    ...over,
  });

  beforeEach(async () => {
    clock = new FakeClock(Date.now());
    server = await startServer({ clock, ...(kind === 'redis' ? { redisUrl: inject('redisUrl') } : {}) });
    ({ code, hostKey } = await createEvent(server.url));
  });
  afterEach(async () => {
    people.closeAll();
    await server.close();
  });

  /**
   * Host, moderator, four participants. A and B sit in "Mobilität" with the
   * moderator, C in "Energie", D waits for "Mobilität".
   */
  async function seatedRound() {
    const host = await person('Hanna', true);
    const mod = await person('Moritz');
    const [a, b, cc, d] = [await person('Alex'), await person('Bea'), await person('Carla'), await person('Dana')];
    const everyone = [host, mod, a, b, cc, d];

    const { roundId } = ok(await host.c.request('breakout:save', roundInput(mod.c.participantId)));
    await Promise.all(everyone.map((p) => p.view.until((v) => v.round(roundId) !== undefined)));
    const round = a.view.round(roundId)!;
    const [w1, w2] = round.workshops.map((w) => w.id) as [string, string];
    ok(await host.c.request('breakout:publish', { roundId }));
    expect(ok(await a.c.request('breakout:choose', { roundId, workshopId: w1 }))).toEqual({ seated: true, position: 0 });
    expect(ok(await b.c.request('breakout:choose', { roundId, workshopId: w1 }))).toEqual({ seated: true, position: 0 });
    expect(ok(await cc.c.request('breakout:choose', { roundId, workshopId: w2 }))).toEqual({ seated: true, position: 0 });
    expect(ok(await d.c.request('breakout:choose', { roundId, workshopId: w1 }))).toEqual({ seated: false, position: 1 });
    return { host, mod, a, b, cc, d, everyone, roundId, w1, w2 };
  }

  it('saving a round reaches everyone with the id the host got back; choosing patches only the seats (rule B3)', async () => {
    const host = await person('Hanna', true);
    const a = await person('Alex');
    const { roundId } = ok(await host.c.request('breakout:save', roundInput(null)));
    await a.view.until((v) => v.round(roundId) !== undefined);
    expect(a.view.round(roundId)).toMatchObject({ id: roundId, title: 'Runde 1', mode: 'choose', publishedAt: null });
    const w1 = a.view.round(roundId)!.workshops[0]!.id;
    // Not published yet: choosing is refused.
    expect(await a.c.request('breakout:choose', { roundId, workshopId: w1 })).toMatchObject({
      ok: false,
      error: { code: 'breakout.not_published' },
    });
    ok(await host.c.request('breakout:publish', { roundId }));
    const seatsPatch = host.c.next('state:patch', (p) => p.patch.type === 'seats');
    ok(await a.c.request('breakout:choose', { roundId, workshopId: w1 }));
    expect((await seatsPatch).patch).toEqual({ type: 'seats', roundId, seats: { [w1]: { seated: [a.c.participantId], waitlist: [] } } });
    await host.view.until((v) => v.round(roundId)!.seats[w1]!.seated.includes(a.c.participantId));
  });

  it('full with waitlist:false → breakout.full and the old seat kept; another choice frees the seat for the waitlist (rules B3, B4)', async () => {
    const { a, b, cc, d, roundId, w1, w2 } = await seatedRound();
    const full = await cc.c.request('breakout:choose', { roundId, workshopId: w1, waitlist: false });
    expect(full).toMatchObject({ ok: false, error: { code: 'breakout.full', details: { capacity: 2, waitlist: 1 } } });
    // D waits for w1; when A moves to w2's free seat, D moves up.
    const promoted = d.view.until((v) => v.round(roundId)!.seats[w1]!.seated.includes(d.c.participantId));
    ok(await a.c.request('breakout:choose', { roundId, workshopId: w2 }));
    await promoted;
    const r = d.view.round(roundId)!;
    expect(r.seats[w1]).toEqual({ seated: [b.c.participantId, d.c.participantId], waitlist: [] });
    expect(r.seats[w2]!.seated.sort()).toEqual([a.c.participantId, cc.c.participantId].sort());
    expect(cc.view.round(roundId)!.seats[w2]!.seated).toContain(cc.c.participantId);
  });

  it('a host move never exceeds capacity, also while live (rule B4)', async () => {
    const { host, d, roundId, w1 } = await seatedRound();
    expect(await host.c.request('breakout:move', { roundId, participantId: d.c.participantId, workshopId: w1 })).toMatchObject({
      ok: false,
      error: { code: 'breakout.full' },
    });
  });

  it('opening puts everyone in their room, computed by each client from its own state; chat stays in the room (rules B1, B7)', async () => {
    const { host, mod, a, b, cc, d, everyone, roundId, w1, w2 } = await seatedRound();
    ok(await host.c.request('breakout:open', { roundId }));
    await Promise.all(everyone.map((p) => p.view.until((v) => v.round(roundId)?.openedAt != null)));
    const now = clock.now();
    expect(everyone.map((p) => p.view.roomAt(now))).toEqual([PLENARY_ROOM, w1, w1, w1, w2, PLENARY_ROOM]);
    // Opening twice, or another round while this one is live, is refused (rule B2).
    expect(await host.c.request('breakout:open', { roundId })).toMatchObject({ ok: false, error: { code: 'breakout.round_live' } });
    const { roundId: second } = ok(await host.c.request('breakout:save', roundInput(null, { title: 'Runde 2' })));
    expect(await host.c.request('breakout:open', { roundId: second })).toMatchObject({ ok: false, error: { code: 'breakout.another_live' } });

    // Chat in w1 reaches exactly w1's members; the plenary's chat does not reach them (rule B7).
    const inRoom = ok(await a.c.request('chat:send', { text: 'Hallo Mobilität' })).message;
    expect(inRoom.roomId).toBe(w1);
    ok(await host.c.request('chat:send', { text: 'Hallo Plenum' }));
    ok(await cc.c.request('chat:send', { text: 'Hallo Energie' }));
    // Pushes to one socket keep their order: once everyone has the announcement, every chat sent before it has arrived.
    const barrier = host.c.next('state:patch', (x) => x.patch.type === 'announcement');
    ok(await host.c.request('announcement:post', { text: 'Barriere' }));
    const { seq } = await barrier;
    await Promise.all(everyone.map((p) => p.view.until((v) => v.seq >= seq)));
    const texts = (p: { c: TestClient }) => heard.get(p.c)!.map((m) => m.text);
    expect(texts(a)).toEqual(['Hallo Mobilität']);
    expect(texts(b)).toEqual(['Hallo Mobilität']);
    expect(texts(mod)).toEqual(['Hallo Mobilität']);
    expect(texts(cc)).toEqual(['Hallo Energie']);
    expect(texts(host)).toEqual(['Hallo Plenum']);
    expect(texts(d)).toEqual(['Hallo Plenum']);
  });

  it('two hosts open two rounds at the same moment: at most one is live, and the acks say which (rule B2)', async () => {
    const host = await person('Hanna', true);
    const cohost = await person('Henrik', true);
    const a = await person('Alex');
    for (let i = 0; i < 5; i++) {
      const [{ roundId: r1 }, { roundId: r2 }] = [
        ok(await host.c.request('breakout:save', roundInput(null, { title: `A${i}` }))),
        ok(await host.c.request('breakout:save', roundInput(null, { title: `B${i}` }))),
      ];
      const acks = await Promise.all([host.c.request('breakout:open', { roundId: r1 }), cohost.c.request('breakout:open', { roundId: r2 })]);
      const state = ok(await a.c.request('state:sync', {}));
      const live = state.rounds.filter((r) => roundPhase(r, clock.now()) === 'open').map((r) => r.id);
      expect(live.length, `race ${i}`).toBeLessThanOrEqual(1);
      expect(acks.filter((r) => r.ok).length, `race ${i}`).toBe(live.length);
      for (const r of acks) if (!r.ok) expect(r.error.code).toBe('breakout.another_live');
      // Clients end where the store is: nobody is left in the rooms of the round that lost.
      await a.view.until((v) => v.seq >= state.seq);
      expect(a.view.rounds.filter((r) => roundPhase(r, clock.now()) === 'open').map((r) => r.id)).toEqual(live);
      if (live[0]) ok(await host.c.request('breakout:close', { roundId: live[0] }));
      clock.advance(ROUND_CLOSING_MS);
    }
  });

  it('a host move while live changes that person’s room at once, seen from its own state (rules B1, B4)', async () => {
    const { host, cc, d, roundId, w2 } = await seatedRound();
    ok(await host.c.request('breakout:open', { roundId }));
    ok(await host.c.request('breakout:move', { roundId, participantId: d.c.participantId, workshopId: w2 }));
    await d.view.until((v) => v.roomAt(clock.now()) === w2);
    const toD = d.c.next('chat:message', (m) => m.text === 'Willkommen');
    ok(await cc.c.request('chat:send', { text: 'Willkommen' }));
    expect((await toD).roomId).toBe(w2);
    // w2 is full now: the next move there is refused.
    expect(await host.c.request('breakout:move', { roundId, participantId: host.c.participantId, workshopId: w2 })).toMatchObject({
      ok: false,
      error: { code: 'breakout.full' },
    });
  });

  it('assign places everyone connected who is not a host, within capacity; leaving is only for choose rounds (rules B3, B4)', async () => {
    const host = await person('Hanna', true);
    const people = [await person('Alex'), await person('Bea'), await person('Carla'), await person('Dana'), await person('Emil')];
    const { roundId } = ok(await host.c.request('breakout:save', roundInput(null, { mode: 'balanced' })));
    expect(ok(await host.c.request('breakout:assign', { roundId, strategy: 'balanced' }))).toEqual({ placed: 4, unplaced: 1 });
    await host.view.until((v) => Object.values(v.round(roundId)!.seats).every((s) => s.seated.length === 2));
    const seatedNow = Object.values(host.view.round(roundId)!.seats).flatMap((s) => s.seated);
    expect(seatedNow).not.toContain(host.c.participantId);
    const one = people.find((p) => seatedNow.includes(p.c.participantId))!;
    expect(await one.c.request('breakout:leave', { roundId })).toMatchObject({ ok: false, error: { code: 'breakout.wrong_mode' } });
  });

  it('a reconnecting participant lands in its room with that room’s chat (rule B1)', async () => {
    const { host, a, roundId, w1 } = await seatedRound();
    ok(await host.c.request('breakout:open', { roundId }));
    await a.view.until((v) => v.round(roundId)?.openedAt != null);
    ok(await a.c.request('chat:send', { text: 'Vor dem Neuladen' }));
    a.c.close();
    const again = await connectWithToken(server.url, a.c.token, a.c.participantId);
    clients.push(again);
    const view = new EventMirror(again);
    expect(view.roomAt(again.snapshot.serverNow)).toBe(w1);
    expect(again.snapshot.chat.roomId).toBe(w1);
    expect(again.snapshot.chat.messages.map((m) => m.text)).toEqual(['Vor dem Neuladen']);
    expect(ok(await again.request('chat:history', {})).roomId).toBe(w1);
  });

  it('close: a 60-s warning in every room, then everyone is back in the plenary (rule B5)', async () => {
    const { host, a, d, everyone, roundId, w1 } = await seatedRound();
    ok(await host.c.request('breakout:open', { roundId }));
    clock.advance(5 * MIN);
    ok(await host.c.request('breakout:close', { roundId }));
    await Promise.all(everyone.map((p) => p.view.until((v) => v.round(roundId)?.closingAt != null)));
    const closingAt = a.view.round(roundId)!.closingAt!;
    expect(closingAt).toBe(clock.now());
    expect(roundPhase(a.view.round(roundId)!, clock.now())).toBe('closing');
    expect(a.view.roomAt(clock.now())).toBe(w1);
    // Seats are fixed once the warning runs.
    expect(await d.c.request('breakout:leave', { roundId })).toMatchObject({ ok: false, error: { code: 'breakout.closed' } });

    clock.advance(ROUND_CLOSING_MS - 1);
    expect(ok(await a.c.request('chat:send', { text: 'noch im Raum' })).message.roomId).toBe(w1);
    clock.advance(1);
    // No patch needed: the time alone brings everyone back, on the clients and on the server alike.
    expect(everyone.map((p) => p.view.roomAt(clock.now()))).toEqual(everyone.map(() => PLENARY_ROOM));
    const toD = d.c.next('chat:message', (m) => m.text === 'zurück im Plenum');
    expect(ok(await a.c.request('chat:send', { text: 'zurück im Plenum' })).message.roomId).toBe(PLENARY_ROOM);
    await toD;
    expect(ok(await a.c.request('chat:history', {})).roomId).toBe(PLENARY_ROOM);
  });

  it('extend and shorten move the end for everyone; never into the past (rule B5)', async () => {
    const { host, a, roundId } = await seatedRound();
    ok(await host.c.request('breakout:open', { roundId }));
    const endsAt = clock.now() + 30 * MIN;
    ok(await host.c.request('breakout:extend', { roundId, deltaMs: 5 * MIN }));
    await a.view.until((v) => v.round(roundId)!.endsAt === endsAt + 5 * MIN);
    ok(await host.c.request('breakout:extend', { roundId, deltaMs: -120 * MIN }));
    await a.view.until((v) => v.round(roundId)!.endsAt === clock.now());
    expect(roundPhase(a.view.round(roundId)!, clock.now())).toBe('closing');
  });

  it('help from a room appears in the round for the hosts; a host clears it (rule B1: "your room" is computed)', async () => {
    const { host, cc, d, roundId, w2 } = await seatedRound();
    ok(await host.c.request('breakout:open', { roundId }));
    expect(await d.c.request('breakout:help', {})).toMatchObject({ ok: false, error: { code: 'breakout.not_in_room' } });
    ok(await cc.c.request('breakout:help', {}));
    await host.view.until((v) => (v.round(roundId)?.help.length ?? 0) > 0);
    expect(host.view.round(roundId)!.help).toEqual([{ workshopId: w2, by: cc.c.participantId, at: clock.now() }]);
    ok(await host.c.request('breakout:helpDone', { roundId, workshopId: w2 }));
    await host.view.until((v) => v.round(roundId)!.help.length === 0);
  });

  it('a host visits a room and hears its chat (rules B1, B7); the moderator edits the room, others may not', async () => {
    const { host, mod, a, b, roundId, w1, w2 } = await seatedRound();
    ok(await host.c.request('breakout:open', { roundId }));
    ok(await host.c.request('breakout:visit', { roundId, workshopId: w1 }));
    await host.view.until((v) => v.roomAt(clock.now()) === w1);
    const toHost = host.c.next('chat:message', (m) => m.text === 'Besuch');
    ok(await a.c.request('chat:send', { text: 'Besuch' }));
    await toHost;
    ok(await mod.c.request('breakout:editWorkshop', { roundId, workshopId: w1, title: 'Verkehrswende', description: 'Neu' }));
    await b.view.until((v) => v.round(roundId)!.workshops[0]!.title === 'Verkehrswende');
    expect(await mod.c.request('breakout:editWorkshop', { roundId, workshopId: w2, title: 'X', description: '' })).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
    expect(await a.c.request('breakout:editWorkshop', { roundId, workshopId: w1, title: 'X', description: '' })).toMatchObject({
      ok: false,
      error: { code: 'auth.forbidden' },
    });
  });

  it('results: two adds at once both land; a stale edit → results.conflict; non-members → auth.forbidden; spotlight (rule B6)', async () => {
    const { host, mod, a, b, cc, d, everyone, roundId, w1 } = await seatedRound();
    ok(await host.c.request('breakout:open', { roundId }));
    const key = { roundId, workshopId: w1 };
    const [fromA, fromB] = await Promise.all([
      a.c.request('results:add', { ...key, section: 'insights', text: 'Radwege fehlen' }),
      b.c.request('results:add', { ...key, section: 'next', text: 'Workshop mit der Stadt' }),
    ]);
    const ids = [ok(fromA).itemId, ok(fromB).itemId];
    await d.view.until((v) => (v.board(roundId, w1)?.items.length ?? 0) === 2);
    expect(d.view.board(roundId, w1)!.items.map((i) => i.id).sort()).toEqual([...ids].sort());

    const itemId = ids[0]!;
    ok(await a.c.request('results:edit', { ...key, itemId, text: 'Radwege fehlen überall', baseVersion: 1 }));
    const stale = await b.c.request('results:edit', { ...key, itemId, text: 'Radwege sind gut', baseVersion: 1 });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'results.conflict', details: { version: 2, text: 'Radwege fehlen überall' } },
    });
    await host.view.until((v) => v.board(roundId, w1)!.items.find((i) => i.id === itemId)?.text === 'Radwege fehlen überall');

    // Not in this room: C sits elsewhere, D waits in the plenary.
    for (const outsider of [cc, d]) {
      expect(await outsider.c.request('results:add', { ...key, section: 'questions', text: 'Ich auch?' })).toMatchObject({
        ok: false,
        error: { code: 'auth.forbidden' },
      });
    }
    // Pinning: the moderator may, a participant may not.
    ok(await mod.c.request('results:pin', { ...key, itemId, pinned: true }));
    expect(await a.c.request('results:pin', { ...key, itemId, pinned: false })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    ok(await b.c.request('results:remove', { ...key, itemId: ids[1]! }));
    await a.view.until((v) => v.board(roundId, w1)!.items.length === 1 && v.board(roundId, w1)!.items[0]!.pinned);

    ok(await host.c.request('results:spotlight', { spotlight: key }));
    await Promise.all(everyone.map((p) => p.view.until((v) => v.spotlight?.workshopId === w1)));
    expect(await host.c.request('results:spotlight', { spotlight: { roundId, workshopId: 'nope' } })).toMatchObject({
      ok: false,
      error: { code: 'breakout.workshop_not_found' },
    });
    ok(await host.c.request('results:spotlight', { spotlight: null }));
    await d.view.until((v) => v.spotlight === null);
  });

  it('a round that opened stays with the event: deleting it is refused; a draft can be deleted (rule B6)', async () => {
    const { host, a, roundId } = await seatedRound();
    const { roundId: draft } = ok(await host.c.request('breakout:save', roundInput(null, { title: 'Entwurf' })));
    await a.view.until((v) => v.round(draft) !== undefined);
    ok(await host.c.request('breakout:delete', { roundId: draft }));
    await a.view.until((v) => v.round(draft) === undefined);
    ok(await host.c.request('breakout:open', { roundId }));
    expect(await host.c.request('breakout:delete', { roundId })).toMatchObject({ ok: false, error: { code: 'breakout.round_live' } });
  });
});
