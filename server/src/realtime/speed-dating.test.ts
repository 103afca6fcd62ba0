/**
 * Speed dating over real sockets against the real server (port 0), once on
 * the in-memory store and once on a real Redis. Rule ids refer to
 * docs/PROTOCOL.md ("Speed dating"). Time is a fake clock: a round begins
 * when the test advances it, as it would for every client at once.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { datingFloorRoomId, MEDIA_OFF, partnersIn, SPEED_DATING_LEAD_MS, type PayloadOf, type SpeedDating } from '@mashup/shared';
import { RoomPeople } from '../test-support/room-people.js';
import { okData as ok } from '../test-support/outcomes.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { createEvent, startServer, type TestServer } from '../test-support/harness.js';

describe.each(['memory', 'redis'] as const)('speed dating on the %s store', (kind) => {
  let server: TestServer;
  let clock: FakeClock;
  let code: string;
  let hostKey: string;
  const people = new RoomPeople();
  const { heard } = people;

  const person = (name: string, org: string, asHost = false) => people.join(server.url, code, name, asHost ? hostKey : undefined, org);
  type Person = Awaited<ReturnType<typeof person>>;

  const evening = (over: Partial<PayloadOf<'speeddating:save'>> = {}): PayloadOf<'speeddating:save'> => ({
    title: 'Speed-Dating',
    roundMs: 60_000,
    breakMs: 10_000,
    rounds: 3,
    starters: ['Woran arbeiten Sie gerade?'],
    ...over,
  });

  /** Waits until every client has every patch up to now (a barrier through the event's sequence). */
  async function settle(host: Person, everyone: Person[]) {
    const barrier = host.c.next('state:patch', (x) => x.patch.type === 'announcement');
    ok(await host.c.request('announcement:post', { text: `Barriere ${clock.now()}` }));
    const { seq } = await barrier;
    await Promise.all(everyone.map((p) => p.view.until((v) => v.seq >= seq)));
    return seq;
  }

  /** A host, four participants from four municipalities, and a started session everyone has seen. */
  async function started(over: Partial<PayloadOf<'speeddating:save'>> = {}) {
    const host = await person('Hanna', 'Ulm', true);
    const four = [await person('Alex', 'Kiel'), await person('Bea', 'Jena'), await person('Carla', 'Bamberg'), await person('Dana', 'Wolfsburg')];
    const everyone = [host, ...four];
    const { speedDatingId: id } = ok(await host.c.request('speeddating:save', evening(over)));
    const { startAt } = ok(await host.c.request('speeddating:start', { speedDatingId: id }));
    await Promise.all(everyone.map((p) => p.view.until((v) => v.speedDating(id)?.startAt === startAt)));
    return { host, four, everyone, id, startAt };
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

  it('start pairs the connected participants for every round; all pairs switch at the same server time (rules S1–S3)', async () => {
    const { host, four, id, startAt } = await started();
    expect(startAt).toBe(clock.now() + SPEED_DATING_LEAD_MS);
    const sd = four[0]!.view.speedDating(id)!;
    const ids = four.map((p) => p.c.participantId).sort();
    expect(sd.takers).toEqual(ids); // hosts run the session, they are not paired
    expect(sd.pairings).toHaveLength(3);
    const seen = new Set<string>();
    for (const round of sd.pairings) {
      expect(round.groups.flat().sort()).toEqual(ids);
      for (const g of round.groups) {
        const key = [...g].sort().join('|');
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    // The lead: everyone where they were. Round 1: each in their pair, the host on the floor.
    expect(four[0]!.view.roomAt(clock.now())).toBe('plenary');
    clock.advance(SPEED_DATING_LEAD_MS);
    const roomOfId = new Map(four.map((p) => [p.c.participantId, p.view.roomAt(clock.now())]));
    for (const p of four) {
      const [partner] = partnersIn(sd, 0, p.c.participantId);
      expect(roomOfId.get(partner!)).toBe(roomOfId.get(p.c.participantId));
      expect(roomOfId.get(p.c.participantId)).toMatch(new RegExp(`^pair:${id}:0:[01]$`));
    }
    expect(host.view.roomAt(clock.now())).toBe(datingFloorRoomId(id));
    // The break after round 1: everyone on the floor; round 2: new pairs.
    clock.advance(60_000);
    expect(four.map((p) => p.view.roomAt(clock.now()))).toEqual(four.map(() => datingFloorRoomId(id)));
    clock.advance(10_000);
    expect(four[0]!.view.roomAt(clock.now())).toMatch(new RegExp(`^pair:${id}:1:`));
  });

  it('chat and media follow the pair: a pair hears only itself, both send (rules S2, M1, M2)', async () => {
    const { host, four, everyone, id, startAt } = await started();
    clock.advance(startAt - clock.now());
    const sd = four[0]!.view.speedDating(id)!;
    const a = four[0]!;
    const partner = four.find((p) => p.c.participantId === partnersIn(sd, 0, a.c.participantId)[0])!;
    const others = four.filter((p) => p !== a && p !== partner);
    const pairRoom = a.view.roomAt(clock.now());

    expect(ok(await a.c.request('chat:send', { text: 'Hallo aus Kiel' })).message.roomId).toBe(pairRoom);
    expect(ok(await host.c.request('chat:send', { text: 'Viel Spaß!' })).message.roomId).toBe(datingFloorRoomId(id));
    await settle(host, everyone);
    const texts = (p: Person) => heard.get(p.c)!.map((m) => m.text);
    expect(texts(partner)).toEqual(['Hallo aus Kiel']);
    expect(texts(others[0]!)).toEqual([]);
    expect(texts(host)).toEqual(['Viel Spaß!']);

    const on = { ...MEDIA_OFF, audio: true, video: true };
    const joined = ok(await partner.c.request('media:join', { roomId: pairRoom, state: on }));
    expect(joined.self).toMatchObject({ roomId: pairRoom, mayPublish: true, state: on });
    expect(await others[0]!.c.request('media:join', { roomId: pairRoom, state: MEDIA_OFF })).toMatchObject({
      ok: false,
      error: { code: 'media.wrong_room' },
    });
    // The floor is a stage: a host sends there, a participant would only receive.
    const floor = ok(await host.c.request('media:join', { roomId: datingFloorRoomId(id), state: on }));
    expect(floor.self).toMatchObject({ mayPublish: true });
  });

  it('a late joiner is paired from the next round on; who leaves is not paired again (rule S3)', async () => {
    const { host, four, everyone, id, startAt } = await started();
    clock.advance(startAt - clock.now() + 1000); // round 1 runs
    const before = four[0]!.view.speedDating(id)!;
    const late = await person('Emil', 'Erfurt');
    await Promise.all(everyone.map((p) => p.view.until((v) => v.speedDating(id)?.takers.includes(late.c.participantId) ?? false)));
    // The newcomer's planning patch may beat its mirror's listener: a barrier closes that gap.
    await settle(host, [late]);
    const after = late.view.speedDating(id)!;
    expect(after.pairings[0]).toEqual(before.pairings[0]); // a begun round never changes
    expect(after.pairings[1]!.groups.flat()).toContain(late.c.participantId);
    expect(after.pairings[1]!.groups.filter((g) => g.length === 3)).toHaveLength(1); // five: one trio
    expect(late.view.roomAt(clock.now())).toBe(datingFloorRoomId(id));

    const leaver = four[1]!;
    leaver.c.close();
    await host.view.until((v) => !(v.speedDating(id)?.takers.includes(leaver.c.participantId) ?? true));
    const now = host.view.speedDating(id)!;
    expect(now.pairings[0]).toEqual(before.pairings[0]);
    for (const r of now.pairings.slice(1)) expect(r.groups.flat()).not.toContain(leaver.c.participantId);
  });

  it('a participant made co-host or removed is not paired in rounds not yet begun (rule S3)', async () => {
    const { host, four, id } = await started();
    const [promoted, removed] = [four[0]!, four[1]!];
    ok(await host.c.request('participant:setRole', { participantId: promoted.c.participantId, role: 'host' }));
    ok(await host.c.request('participant:remove', { participantId: removed.c.participantId }));
    const gone = [promoted.c.participantId, removed.c.participantId];
    await host.view.until((v) => v.speedDating(id)!.takers.every((p) => !gone.includes(p)));
    const sd = host.view.speedDating(id)!;
    expect(sd.takers).toEqual([four[2]!.c.participantId, four[3]!.c.participantId].sort());
    for (const r of sd.pairings) expect(r.groups.flat().sort()).toEqual(sd.takers);
  });

  it('a workshop round opened during the session: its people are paired again only from the first round after its rooms close (rule S3)', async () => {
    const { host, four, id, startAt } = await started();
    clock.advance(startAt - clock.now() + 1000); // round 1 (index 0) runs; rounds begin every 70 s
    const [alex, bea] = [four[0]!, four[1]!];
    const both = [alex.c.participantId, bea.c.participantId];
    const { roundId } = ok(
      await host.c.request('breakout:save', { title: 'Kurzer Workshop', durationMs: 60_000, mode: 'manual', workshops: [{ title: 'Datenplattformen', capacity: 4 }] }),
    );
    await host.view.until((v) => v.round(roundId) !== undefined);
    const workshopId = host.view.round(roundId)!.workshops[0]!.id;
    for (const p of both) ok(await host.c.request('breakout:move', { roundId, participantId: p, workshopId }));
    const before = host.view.speedDating(id)!;
    // Open: back in the plenary 60 s + the 60 s closing warning later, after round 2 (index 1) began, before round 3.
    ok(await host.c.request('breakout:open', { roundId }));
    const inRound = (sd: SpeedDating | undefined, round: number) => sd?.pairings[round]?.groups.flat() ?? [];
    await host.view.until((v) => !inRound(v.speedDating(id), 1).some((p) => both.includes(p)));
    const planned = host.view.speedDating(id)!;
    expect(planned.pairings[0]).toEqual(before.pairings[0]); // a begun round never changes
    expect(planned.pairings[1]!.groups.flat().sort()).toEqual([four[2]!.c.participantId, four[3]!.c.participantId].sort());
    expect(planned.pairings[2]!.groups.flat()).toEqual(expect.arrayContaining(both));
    expect(planned.takers).toEqual(expect.arrayContaining(both)); // still taking part
    // Closed at once: back after the closing warning, before round 2 begins — in it again.
    ok(await host.c.request('breakout:close', { roundId }));
    await host.view.until((v) => both.every((p) => inRound(v.speedDating(id), 1).includes(p)));
    expect(host.view.speedDating(id)!.pairings[0]).toEqual(before.pairings[0]);
    await settle(host, [alex]);
    clock.advance(startAt + 70_000 - clock.now() + 1000); // round 2 runs, the workshop has closed
    expect(alex.view.roomAt(clock.now())).toMatch(/^pair:/);
  });

  it('sitting out a round that has not begun; a begun round is refused (rule S4)', async () => {
    const { host, four, id, startAt } = await started();
    const a = four[0]!;
    ok(await a.c.request('speeddating:sitOut', { speedDatingId: id, round: 1, out: true }));
    await host.view.until((v) => (v.speedDating(id)?.sitOut[a.c.participantId] ?? []).includes(1));
    const sd = host.view.speedDating(id)!;
    expect(sd.pairings[1]!.groups.flat()).not.toContain(a.c.participantId);
    expect(sd.pairings[2]!.groups.flat()).toContain(a.c.participantId);
    clock.advance(startAt - clock.now());
    expect(await a.c.request('speeddating:sitOut', { speedDatingId: id, round: 0, out: true })).toMatchObject({
      ok: false,
      error: { code: 'speeddating.round_begun' },
    });
    clock.advance(70_000); // round 2 (index 1): Alex waits on the floor
    expect(a.view.roomAt(clock.now())).toBe(datingFloorRoomId(id));
  });

  it('marks stay private; contact details and the vCard only for mutual marks (rules S6, S7)', async () => {
    const { host, four, everyone, id, startAt } = await started({ rounds: 2 });
    clock.advance(startAt - clock.now() + 1000);
    const sd = four[0]!.view.speedDating(id)!;
    const byId = new Map(four.map((p) => [p.c.participantId, p]));
    const a = four[0]!;
    const b = byId.get(partnersIn(sd, 0, a.c.participantId)[0]!)!;
    const c = byId.get(partnersIn(sd, 1, a.c.participantId)[0]!)!;
    // Not yet met in round 2: refused.
    expect(await a.c.request('speeddating:mark', { speedDatingId: id, participantId: c.c.participantId, marked: true })).toMatchObject({
      ok: false,
      error: { code: 'speeddating.not_partner' },
    });
    clock.advance(70_000);
    const seqBefore = await settle(host, everyone);
    ok(await a.c.request('speeddating:contact', { speedDatingId: id, contact: { email: 'alex@kiel.de', phone: '+49 431 1' } }));
    ok(await b.c.request('speeddating:contact', { speedDatingId: id, contact: { email: 'b@example.org', phone: '' } }));
    // Who is told: A once B's mark answers A's; never B of A's one-sided mark, nor C of A's.
    // (Counted from before the first mark: a push goes out before the request's ack.)
    const pushes = new Map<Person, number>(four.map((p) => [p, 0]));
    for (const p of four) p.c.socket.on('speeddating:contacts', ({ speedDatingId }) => speedDatingId === id && pushes.set(p, pushes.get(p)! + 1));
    const bTold = b.c.next('speeddating:contacts');
    ok(await a.c.request('speeddating:mark', { speedDatingId: id, participantId: b.c.participantId, marked: true }));
    const aTold = a.c.next('speeddating:contacts');
    ok(await b.c.request('speeddating:mark', { speedDatingId: id, participantId: a.c.participantId, marked: true }));
    await aTold; // B's mark made the pair mutual: A is told
    ok(await a.c.request('speeddating:mark', { speedDatingId: id, participantId: c.c.participantId, marked: true }));
    let told = a.c.next('speeddating:contacts');
    ok(await b.c.request('speeddating:contact', { speedDatingId: id, contact: { email: 'b@example.org', phone: '030 1' } }));
    await told; // B changed the details A may now see
    told = a.c.next('speeddating:contacts');
    ok(await b.c.request('speeddating:contact', { speedDatingId: id, contact: { email: 'b@example.org', phone: '' } }));
    await told;
    expect(await Promise.race([bTold.then(() => 'told'), settle(host, everyone).then(() => 'not told')])).toBe('not told');
    expect([pushes.get(b), pushes.get(c), pushes.get(a)]).toEqual([0, 0, 3]);
    // Private writes take no event seq: the next public change follows the last one directly.
    expect(await settle(host, everyone)).toBe(seqBefore + 2);

    const forA = ok(await a.c.request('speeddating:contacts', { speedDatingId: id }));
    expect(forA.contact).toEqual({ email: 'alex@kiel.de', phone: '+49 431 1' });
    const { participants } = ok(await a.c.request('state:sync', {}));
    const profile = (p: Person) => participants.find((x) => x.id === p.c.participantId)!;
    expect(forA.partners).toEqual([
      { participantId: b.c.participantId, name: profile(b).name, org: profile(b).org, marked: true, mutual: true, email: 'b@example.org', phone: '' },
      { participantId: c.c.participantId, name: profile(c).name, org: profile(c).org, marked: true, mutual: false, email: '', phone: '' },
    ]);
    expect(forA.vcard).toContain(`FN:${profile(b).name}\r\n`);
    expect(forA.vcard).toContain('EMAIL:b@example.org\r\n');
    expect(forA.vcard.match(/BEGIN:VCARD/g)).toHaveLength(1);
    // C was marked by A but did not mark back: no details of A, no vCard.
    const forC = ok(await c.c.request('speeddating:contacts', { speedDatingId: id }));
    expect(forC.partners.find((p) => p.participantId === a.c.participantId)).toMatchObject({ marked: false, mutual: false, email: '', phone: '' });
    expect(forC.vcard).toBe('');
    // Nothing of it is in anyone's snapshot.
    const snap = ok(await c.c.request('state:sync', {}));
    expect(JSON.stringify(snap)).not.toContain('alex@kiel.de');
    expect(JSON.stringify(snap)).not.toContain('b@example.org');
    // Unmarking ends the sharing.
    ok(await b.c.request('speeddating:mark', { speedDatingId: id, participantId: a.c.participantId, marked: false }));
    expect(ok(await a.c.request('speeddating:contacts', { speedDatingId: id })).vcard).toBe('');
  });

  it('bad input: wrong role, unknown ids, invalid contact, a second session, editing after the start', async () => {
    const { host, four, id } = await started();
    const a = four[0]!;
    expect(await a.c.request('speeddating:start', { speedDatingId: id })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
    expect(await a.c.request('speeddating:mark', { speedDatingId: 'nope', participantId: 'x', marked: true })).toMatchObject({
      ok: false,
      error: { code: 'speeddating.not_found' },
    });
    expect(await a.c.request('speeddating:contact', { speedDatingId: id, contact: { email: 'kein-at', phone: '' } })).toMatchObject({
      ok: false,
      error: { code: 'payload.invalid' },
    });
    expect(await a.c.request('speeddating:contact', { speedDatingId: id, contact: { email: '', phone: 'ruf mich an' } })).toMatchObject({
      ok: false,
      error: { code: 'payload.invalid' },
    });
    expect(await host.c.request('speeddating:save', { ...evening(), roundMs: 1000 })).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
    expect(await host.c.request('speeddating:save', { ...evening(), speedDatingId: id })).toMatchObject({ ok: false, error: { code: 'speeddating.started' } });
    const { speedDatingId: second } = ok(await host.c.request('speeddating:save', evening({ title: 'Zweite Runde' })));
    expect(await host.c.request('speeddating:start', { speedDatingId: second })).toMatchObject({
      ok: false,
      error: { code: 'speeddating.another_running' },
    });
    expect(await a.c.request('speeddating:topics', { speedDatingId: id, topics: ['Raumfahrt'] })).toMatchObject({
      ok: false,
      error: { code: 'speeddating.unknown_topic' },
    });
    // Running, it cannot be deleted; a stop during the lead makes it prepared again (rule S1).
    expect(await host.c.request('speeddating:delete', { speedDatingId: id })).toMatchObject({ ok: false, error: { code: 'speeddating.started' } });
    ok(await host.c.request('speeddating:stop', { speedDatingId: id }));
    await a.view.until((v) => v.speedDating(id)?.startAt === null);
    expect(a.view.speedDating(id)).toMatchObject({ stoppedAt: null, pairings: [], takers: [] });
    clock.advance(SPEED_DATING_LEAD_MS);
    expect(a.view.roomAt(clock.now())).toBe('plenary');
    // Started again and stopped in round 1: everyone back where they were; then it can be deleted.
    ok(await host.c.request('speeddating:start', { speedDatingId: id }));
    clock.advance(SPEED_DATING_LEAD_MS + 1000);
    await a.view.until((v) => v.speedDating(id)?.startAt !== null);
    expect(a.view.roomAt(clock.now())).toMatch(/^pair:/);
    ok(await host.c.request('speeddating:stop', { speedDatingId: id }));
    await a.view.until((v) => v.speedDating(id)?.stoppedAt !== null);
    expect(a.view.roomAt(clock.now())).toBe('plenary');
    ok(await host.c.request('speeddating:delete', { speedDatingId: id }));
    await a.view.until((v) => v.speedDating(id) === undefined);
  });
});
