/**
 * The gateway's side of the SFU plane (PROTOCOL section 11): with an SFU
 * plane the join reply carries the router's capabilities and the room's
 * producers, `media:sfu:*` requests reach the plane for the tab that sent
 * them, the room's rights apply to producing (rule M2), and producers opening
 * are told to the other peers of the room. The plane here is a recording
 * double of the SfuPlane port (mediasoup's own signalling is tested in
 * media/sfu); on the mesh the same requests get media.unavailable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MEDIA_OFF, PLENARY_ROOM, type SfuProducerPush } from '@mashup/shared';
import { refuse } from '../domain/errors.js';
import type { SfuPlane } from '../media/plane.js';
import { okData as ok } from '../test-support/outcomes.js';
import { createEvent, joinAndConnect, startServer, type TestClient, type TestServer } from '../test-support/harness.js';

/**
 * Records every call; answers as a router would, with made-up ids. Like the
 * real plane it knows whose transport is whose: a transport id names its peer.
 */
function recordingSfu() {
  const calls: Array<[string, ...unknown[]]> = [];
  const listeners: Array<(roomKey: string, push: SfuProducerPush) => void> = [];
  const lostListeners: Array<(roomKey: string, peerIds: string[]) => void> = [];
  const producers = new Map<string, SfuProducerPush[]>();
  const rooms = new Map<string, string>();
  const plane: SfuPlane = {
    kind: 'sfu',
    async join({ roomKey, peerId }) {
      calls.push(['join', roomKey, peerId]);
      rooms.set(peerId, roomKey);
      return { routerRtpCapabilities: { codecs: ['opus'] } };
    },
    async leave(peerId) {
      calls.push(['leave', peerId]);
    },
    async createTransport(peerId, direction) {
      calls.push(['createTransport', peerId, direction]);
      return { id: `t-${direction}-${peerId}`, iceParameters: {}, iceCandidates: [], dtlsParameters: {} };
    },
    async connectTransport(peerId, transportId) {
      calls.push(['connectTransport', peerId, transportId]);
    },
    async produce(peerId, _transportId, kind, _rtp, source) {
      const push = { producerId: `p-${source}-${peerId}`, peerId, kind, source, closed: false };
      const key = rooms.get(peerId)!;
      producers.set(key, [...(producers.get(key) ?? []), push]);
      for (const l of listeners) l(key, push);
      return { producerId: push.producerId };
    },
    async closeProducer(peerId, producerId) {
      calls.push(['closeProducer', peerId, producerId]);
    },
    async consume(peerId, producerId) {
      calls.push(['consume', peerId, producerId]);
      return { consumerId: `c-${producerId}`, producerId, peerId: 'owner', kind: 'video', source: 'camera', rtpParameters: {} };
    },
    async resume(peerId, consumerId) {
      calls.push(['resume', peerId, consumerId]);
    },
    async pause(peerId, consumerId) {
      calls.push(['pause', peerId, consumerId]);
    },
    async setLayers(peerId, consumerId, layer) {
      calls.push(['setLayers', peerId, consumerId, layer]);
    },
    async restartIce(peerId, transportId) {
      if (!transportId.endsWith(`-${peerId}`)) refuse('media.not_found', `no transport ${transportId} of this tab`);
      calls.push(['restartIce', peerId, transportId]);
      return { iceParameters: { usernameFragment: `u2-${transportId}`, password: 'p2', iceLite: true } };
    },
    producers: (roomKey) => producers.get(roomKey) ?? [],
    onProducer: (l) => void listeners.push(l),
    onPeersLost: (l) => void lostListeners.push(l),
    async close() {},
  };
  /** What the plane does when a worker dies with these peers' media. */
  const loseWorker = (roomKey: string, peerIds: string[]) => lostListeners.forEach((l) => l(roomKey, peerIds));
  return { plane, calls, loseWorker };
}

describe('media on the SFU plane (gateway side)', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.close());
    await server.close();
  });

  /** A server on a recording SFU, an event, a host and a participant connected. */
  const sfuEvent = async () => {
    const sfu = recordingSfu();
    server = await startServer({ media: sfu.plane });
    const { code, hostKey } = await createEvent(server.url);
    const host = await joinAndConnect(server.url, code, { name: 'Hanna', hostKey });
    const ada = await joinAndConnect(server.url, code, { name: 'Ada' });
    clients.push(host, ada);
    return { sfu, code, host, ada };
  };

  it('join gives the router capabilities and the producers; sfu requests reach the plane; a viewer may not produce (rule M2)', async () => {
    const { sfu, code, host, ada } = await sfuEvent();
    const on = { ...MEDIA_OFF, audio: true, video: true };

    const hostJoin = ok(await host.request('media:join', { roomId: PLENARY_ROOM, state: on }));
    expect(hostJoin).toMatchObject({ plane: 'sfu', routerRtpCapabilities: { codecs: ['opus'] }, producers: [] });
    const send = ok(await host.request('media:sfu:transport', { direction: 'send' }));
    expect(send.id).toBe(`t-send-${host.socket.id}`);
    ok(await host.request('media:sfu:connect', { transportId: send.id, dtlsParameters: { role: 'client' } }));

    ok(await ada.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    // The host produces its camera: Ada, in the same room, is told.
    const told = ada.next('media:sfu:producer');
    const { producerId } = ok(await host.request('media:sfu:produce', { transportId: send.id, kind: 'video', rtpParameters: {}, source: 'camera' }));
    expect(await told).toEqual({ producerId, peerId: host.socket.id, kind: 'video', source: 'camera', closed: false });
    // A later joiner finds it in its reply.
    const ben = await joinAndConnect(server.url, code, { name: 'Ben' });
    clients.push(ben);
    expect(ok(await ben.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF })).producers).toEqual([
      { producerId, peerId: host.socket.id, kind: 'video', source: 'camera', closed: false },
    ]);
    ok(await ada.request('media:sfu:consume', { producerId, rtpCapabilities: {} }));
    ok(await ada.request('media:sfu:resume', { consumerId: `c-${producerId}` }));
    ok(await ada.request('media:sfu:layers', { consumerId: `c-${producerId}`, spatialLayer: 2 }));
    expect(sfu.calls.filter(([name]) => ['consume', 'resume', 'setLayers'].includes(name)).map((c) => [c[0], c[1]])).toEqual([
      ['consume', ada.socket.id],
      ['resume', ada.socket.id],
      ['setLayers', ada.socket.id],
    ]);

    // In the plenary Ada only receives: producing is refused before it reaches the plane.
    const adaSend = ok(await ada.request('media:sfu:transport', { direction: 'send' }));
    expect(await ada.request('media:sfu:produce', { transportId: adaSend.id, kind: 'audio', rtpParameters: {}, source: 'mic' })).toMatchObject({
      ok: false,
      error: { code: 'media.not_allowed' },
    });
    // Leaving tells the plane, so it closes the tab's transports.
    ok(await ada.request('media:leave', {}));
    expect(sfu.calls).toContainEqual(['leave', ada.socket.id]);
    // Without a join, SFU requests are refused.
    expect(await ada.request('media:sfu:transport', { direction: 'recv' })).toMatchObject({ ok: false, error: { code: 'media.not_joined' } });
  });

  it('audio-only (rule M6): media:sfu:pause and media:sfu:resume reach the plane for the tab that sent them', async () => {
    const { sfu, host, ada } = await sfuEvent();
    ok(await host.request('media:join', { roomId: PLENARY_ROOM, state: { ...MEDIA_OFF, video: true } }));
    const send = ok(await host.request('media:sfu:transport', { direction: 'send' }));
    const { producerId } = ok(await host.request('media:sfu:produce', { transportId: send.id, kind: 'video', rtpParameters: {}, source: 'camera' }));
    ok(await ada.request('media:join', { roomId: PLENARY_ROOM, state: { ...MEDIA_OFF, audioOnly: true } }));
    ok(await ada.request('media:sfu:transport', { direction: 'recv' }));
    const { consumerId } = ok(await ada.request('media:sfu:consume', { producerId, rtpCapabilities: {} }));

    ok(await ada.request('media:sfu:pause', { consumerId }));
    ok(await ada.request('media:sfu:resume', { consumerId }));
    expect(sfu.calls.filter(([name]) => name === 'pause' || name === 'resume')).toEqual([
      ['pause', ada.socket.id, consumerId],
      ['resume', ada.socket.id, consumerId],
    ]);
    expect(await ada.request('media:sfu:pause', { consumerId: '' })).toMatchObject({ ok: false, error: { code: 'payload.invalid' } });
    ok(await ada.request('media:leave', {}));
    expect(await ada.request('media:sfu:pause', { consumerId })).toMatchObject({ ok: false, error: { code: 'media.not_joined' } });
  });

  it('ICE restart (rule M7): the tab gets its transport’s new ICE parameters; another tab’s transport → media.not_found', async () => {
    const { sfu, host, ada } = await sfuEvent();
    ok(await host.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    ok(await ada.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    const recv = ok(await ada.request('media:sfu:transport', { direction: 'recv' }));

    expect(ok(await ada.request('media:sfu:restartIce', { transportId: recv.id }))).toEqual({
      iceParameters: { usernameFragment: `u2-${recv.id}`, password: 'p2', iceLite: true },
    });
    expect(await host.request('media:sfu:restartIce', { transportId: recv.id })).toMatchObject({
      ok: false,
      error: { code: 'media.not_found' },
    });
    expect(sfu.calls.filter(([name]) => name === 'restartIce')).toEqual([['restartIce', ada.socket.id, recv.id]]);
  });

  it('a worker dies: its tabs are taken out of the room, and each is told so it joins again', async () => {
    const { sfu, code, host, ada } = await sfuEvent();
    ok(await host.request('media:join', { roomId: PLENARY_ROOM, state: { ...MEDIA_OFF, audio: true } }));
    ok(await ada.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    const hostToldOwn = host.next('media:peers', (p) => p.remove.includes(host.socket.id!));
    const adaToldOfHost = ada.next('media:peers', (p) => p.remove.includes(host.socket.id!));
    const eventId = (await server.store.findEventByCode(code))!.id;
    sfu.loseWorker(`${eventId}/${PLENARY_ROOM}`, [host.socket.id!]);
    await Promise.all([hostToldOwn, adaToldOfHost]);
    expect(await host.request('media:sfu:transport', { direction: 'send' })).toMatchObject({ ok: false, error: { code: 'media.not_joined' } });
    expect(ok(await host.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF })).plane).toBe('sfu');
  });

  it('on the mesh plane the SFU requests get media.unavailable', async () => {
    server = await startServer();
    const { code, hostKey } = await createEvent(server.url);
    const host = await joinAndConnect(server.url, code, { name: 'Hanna', hostKey });
    clients.push(host);
    ok(await host.request('media:join', { roomId: PLENARY_ROOM, state: MEDIA_OFF }));
    expect(await host.request('media:sfu:transport', { direction: 'send' })).toMatchObject({ ok: false, error: { code: 'media.unavailable' } });
    expect(await host.request('media:sfu:pause', { consumerId: 'c1' })).toMatchObject({ ok: false, error: { code: 'media.unavailable' } });
    expect(await host.request('media:sfu:restartIce', { transportId: 't1' })).toMatchObject({ ok: false, error: { code: 'media.unavailable' } });
  });
});
