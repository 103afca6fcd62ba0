/**
 * Audio and video signalling over real sockets against the real server (mesh
 * plane), on the in-memory store and on Redis. Rule ids refer to
 * docs/PROTOCOL.md section 11.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { MEDIA_OFF, PLENARY_ROOM, type MediaPeersPush } from '@mashup/shared';
import { okData as ok } from '../test-support/outcomes.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { createEvent, joinAndConnect, startServer, type TestClient, type TestServer } from '../test-support/harness.js';

const MIN = 60_000;
const on = { ...MEDIA_OFF, audio: true, video: true };

describe.each(['memory', 'redis'] as const)('media on the %s store', (kind) => {
  let server: TestServer;
  let clock: FakeClock;
  let code: string;
  let hostKey: string;
  const clients: TestClient[] = [];

  const person = async (name: string, asHost = false) => {
    const c = await joinAndConnect(server.url, code, { name, org: 'Ulm', ...(asHost ? { hostKey } : {}) });
    clients.push(c);
    return c;
  };
  const peerIdOf = (c: TestClient) => c.socket.id!;

  beforeEach(async () => {
    clock = new FakeClock(Date.now());
    server = await startServer({
      clock,
      env: { MESH_MAX_PUBLISHERS: '2' },
      ...(kind === 'redis' ? { redisUrl: inject('redisUrl') } : {}),
    });
    ({ code, hostKey } = await createEvent(server.url));
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await server.close();
  });

  it('media:join in the plenary: a host sends, a participant only receives and hears about the host alone (rules M2, M3)', async () => {
    const host = await person('Hanna', true);
    const a = await person('Alex');
    const b = await person('Bea');
    const hostJoin = ok(await host.request('media:join', { roomId: PLENARY_ROOM, state: on }));
    expect(hostJoin).toMatchObject({ plane: 'mesh', maxPublishers: 2, iceServers: [], peers: [] });
    expect(hostJoin.self).toMatchObject({ peerId: peerIdOf(host), mayPublish: true, mayShare: true, state: on });

    // A joins asking to send: the plenary does not let it, so it joins receiving only and sees the host.
    const hostHearsA = host.next('media:peers', (p) => p.upsert.some((x) => x.participantId === a.participantId));
    const aJoin = ok(await a.request('media:join', { roomId: PLENARY_ROOM, state: on }));
    expect(aJoin.self).toMatchObject({ mayPublish: false, state: MEDIA_OFF });
    expect(aJoin.peers.map((p) => p.peerId)).toEqual([peerIdOf(host)]);
    await hostHearsA;

    // B joins too: A (a viewer) is not told about another viewer; the host is.
    let aHeardB = false;
    a.socket.on('media:peers', (p: MediaPeersPush) => (aHeardB ||= p.upsert.some((x) => x.participantId === b.participantId)));
    const hostHearsB = host.next('media:peers', (p) => p.upsert.some((x) => x.participantId === b.participantId));
    const bJoin = ok(await b.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    expect(bJoin.peers.map((p) => p.peerId)).toEqual([peerIdOf(host)]);
    await hostHearsB;
    // A ping round trip after B's join: anything for A would have arrived before its reply.
    ok(await a.request('clock:ping', { t0: 0 }));
    expect(aHeardB).toBe(false);

    // Turning on in the plenary without the floor is refused and nothing changes.
    expect(await a.request('media:state', { state: on })).toMatchObject({ ok: false, error: { code: 'media.not_allowed' } });
  });

  it('media:signal reaches the named peer with the sender id and the room; an unknown or other-room peer is refused (rule M3)', async () => {
    const host = await person('Hanna', true);
    const a = await person('Alex');
    ok(await host.request('media:join', { roomId: PLENARY_ROOM, state: on }));
    ok(await a.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    const got = host.next('media:signal');
    ok(await a.request('media:signal', { to: peerIdOf(host), description: { type: 'offer', sdp: 'v=0\r\n' } }));
    expect(await got).toEqual({ from: peerIdOf(a), roomId: PLENARY_ROOM, description: { type: 'offer', sdp: 'v=0\r\n' } });
    const cand = a.next('media:signal');
    ok(await host.request('media:signal', { to: peerIdOf(a), candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0 } }));
    expect((await cand).from).toBe(peerIdOf(host));
    // A receiver's preference for the sender's camera travels the same way (rule M5).
    const prefer = host.next('media:signal');
    ok(await a.request('media:signal', { to: peerIdOf(host), prefer: 'high' }));
    expect(await prefer).toEqual({ from: peerIdOf(a), roomId: PLENARY_ROOM, prefer: 'high' });
    expect(await a.request('media:signal', { to: peerIdOf(host), prefer: 'huge' } as never)).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });

    expect(await a.request('media:signal', { to: 'nobody', candidate: null })).toMatchObject({ ok: false, error: { code: 'media.peer_not_found' } });
    // Not joined at all.
    const b = await person('Bea');
    expect(await b.request('media:signal', { to: peerIdOf(host), candidate: null })).toMatchObject({ ok: false, error: { code: 'media.not_joined' } });
    // Malformed and oversized descriptions are refused at the edge.
    expect(await a.request('media:signal', { to: peerIdOf(host), description: { type: 'bogus' } } as never)).toMatchObject({
      ok: false,
      error: { code: 'payload.invalid' },
    });
    expect(await a.request('media:signal', { to: peerIdOf(host), description: { type: 'offer', sdp: 'x'.repeat(50_000) } })).toMatchObject({
      ok: false,
      error: { code: 'payload.too_large' },
    });
  });

  it('a host gives the floor: the participant may send in the plenary, and loses it again (rule M2)', async () => {
    const host = await person('Hanna', true);
    const a = await person('Alex');
    ok(await host.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    ok(await a.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    const told = a.next('media:peers', (p) => p.upsert.some((x) => x.participantId === a.participantId && x.mayPublish));
    ok(await host.request('media:floor', { participantId: a.participantId, floor: true }));
    await told;
    ok(await a.request('media:state', { state: on }));
    const dropped = host.next('media:peers', (p) => p.upsert.some((x) => x.participantId === a.participantId && !x.mayPublish));
    ok(await host.request('media:floor', { participantId: a.participantId, floor: false }));
    expect((await dropped).upsert[0]!.state).toEqual(MEDIA_OFF);
    expect(await a.request('media:floor', { participantId: a.participantId, floor: true })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });

  it('a workshop room: everyone may send, at most MESH_MAX_PUBLISHERS at once; media:join for another room is refused (rules M1, M4)', async () => {
    const host = await person('Hanna', true);
    const [a, b, c] = [await person('Alex'), await person('Bea'), await person('Carla')];
    const { roundId } = ok(
      await host.request('breakout:save', { title: 'Runde', durationMs: 30 * MIN, mode: 'choose', workshops: [{ title: 'Mobilität', capacity: 5 }] }),
    );
    ok(await host.request('breakout:publish', { roundId }));
    const snapshotRound = async () => ok(await a.request('state:sync', {})).rounds.find((r) => r.id === roundId)!;
    const workshopId = (await snapshotRound()).workshops[0]!.id;
    for (const p of [a, b, c]) ok(await p.request('breakout:choose', { roundId, workshopId }));
    // Before the round opens, everyone is still in the plenary.
    expect(await a.request('media:join', { roomId: workshopId, state: on })).toMatchObject({
      ok: false,
      error: { code: 'media.wrong_room', details: { roomId: PLENARY_ROOM } },
    });
    ok(await host.request('breakout:open', { roundId }));
    expect(ok(await a.request('media:join', { roomId: workshopId, state: on })).self).toMatchObject({ mayPublish: true, state: on });
    expect(ok(await b.request('media:join', { roomId: workshopId, state: on })).self.state).toEqual(on);
    // The third joins receiving only: two send already.
    const third = ok(await c.request('media:join', { roomId: workshopId, state: on }));
    expect(third.self.state).toEqual(MEDIA_OFF);
    expect(third.peers.map((p) => p.participantId).sort()).toEqual([a.participantId, b.participantId].sort());
    expect(await c.request('media:state', { state: on })).toMatchObject({ ok: false, error: { code: 'media.limit', details: { max: 2 } } });
    // One stops sending: now the third may.
    ok(await b.request('media:state', { state: MEDIA_OFF }));
    ok(await c.request('media:state', { state: on }));
  });

  it('leaving, closing the tab or moving rooms takes the tab out of its room’s media (rule M1)', async () => {
    const host = await person('Hanna', true);
    const a = await person('Alex');
    ok(await host.request('media:join', { roomId: PLENARY_ROOM, state: on }));
    ok(await a.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    const left = host.next('media:peers', (p) => p.remove.includes(peerIdOf(a)));
    ok(await a.request('media:leave', {}));
    await left;
    expect(await server.store.mediaPeers((await server.store.findEventByCode(code))!.id, PLENARY_ROOM)).toHaveLength(1);
    ok(await a.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    const aPeer = peerIdOf(a); // a closed socket forgets its id
    const closed = host.next('media:peers', (p) => p.remove.includes(aPeer));
    a.close();
    expect((await closed).remove).toEqual([aPeer]);
    expect(await host.request('media:signal', { to: aPeer, candidate: null })).toMatchObject({ ok: false, error: { code: 'media.peer_not_found' } });
  });
});
