import { describe, expect, it } from 'vitest';
import { CAPS, DTLS, OPUS, startFixture } from './test-support/plane-fixture.js';

const ROOM = 'ev1/plenary';
const OTHER = 'ev1/ws-a';

describe('SFU plane: joining and transports', () => {
  it('media:join by several tabs of a room → one router for the room; the reply carries its RTP capabilities', async () => {
    const f = await startFixture();
    const [a, b] = await Promise.all([
      f.plane.join({ peerId: 'a', roomKey: ROOM }),
      f.plane.join({ peerId: 'b', roomKey: ROOM }),
    ]);
    expect(f.ms.routers).toHaveLength(1);
    expect(a.routerRtpCapabilities).toEqual(f.ms.routers[0]?.rtpCapabilities);
    expect(b.routerRtpCapabilities).toEqual(a.routerRtpCapabilities);
    const codecs = (f.ms.routers[0]?.options.mediaCodecs ?? []).map((c) => c.mimeType);
    expect(codecs).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8']));
  });

  it('a second room opens on the other, less loaded worker', async () => {
    const f = await startFixture();
    await f.plane.join({ peerId: 'a', roomKey: ROOM });
    await f.plane.join({ peerId: 'b', roomKey: OTHER });
    expect(f.ms.workers.map((w) => w.routers.length)).toEqual([1, 1]);
  });

  it('media:sfu:transport → a WebRTC transport on the configured address and ports, UDP preferred, TCP as fallback', async () => {
    const f = await startFixture();
    await f.plane.join({ peerId: 'a', roomKey: ROOM });
    const info = await f.plane.createTransport('a', 'send');
    expect(info).toMatchObject({
      id: expect.any(String),
      iceParameters: { usernameFragment: 'u' },
      dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] },
    });
    expect(info.iceCandidates).toHaveLength(1);
    const options = f.ms.transport(info.id).options;
    expect(options).toMatchObject({ enableUdp: true, enableTcp: true, preferUdp: true });
    expect('listenInfos' in options ? options.listenInfos : []).toEqual([
      { protocol: 'udp', ip: '0.0.0.0', announcedAddress: 'media.example.org', portRange: { min: 40000, max: 40100 } },
      { protocol: 'tcp', ip: '0.0.0.0', announcedAddress: 'media.example.org', portRange: { min: 40000, max: 40100 } },
    ]);
  });

  it('media:sfu:connect hands the browser’s DTLS parameters to its transport; malformed ones → payload.invalid', async () => {
    const f = await startFixture();
    await f.plane.join({ peerId: 'a', roomKey: ROOM });
    const t = await f.plane.createTransport('a', 'send');
    await expect(f.plane.connectTransport('a', t.id, { role: 'client' })).rejects.toMatchObject({
      code: 'payload.invalid',
    });
    await f.plane.connectTransport('a', t.id, DTLS);
    expect(f.ms.transport(t.id).connectedWith).toEqual(DTLS);
  });

  it('any media:sfu:* request before media:join → media.not_joined', async () => {
    const f = await startFixture();
    await expect(f.plane.createTransport('nobody', 'recv')).rejects.toMatchObject({ code: 'media.not_joined' });
    await expect(f.plane.connectTransport('nobody', 'x', DTLS)).rejects.toMatchObject({ code: 'media.not_joined' });
    await expect(f.plane.consume('nobody', 'x', CAPS)).rejects.toMatchObject({ code: 'media.not_joined' });
    await expect(f.plane.resume('nobody', 'x')).rejects.toMatchObject({ code: 'media.not_joined' });
  });
});

describe('SFU plane: producing and consuming', () => {
  it('media:sfu:produce → the room hears of the new producer, and a late joiner finds it in the room’s list', async () => {
    const f = await startFixture();
    const { producers } = await f.publish('a', ROOM, ['mic', 'camera']);
    expect(f.pushes).toEqual([
      { roomKey: ROOM, producerId: producers.mic, peerId: 'a', kind: 'audio', source: 'mic', closed: false },
      { roomKey: ROOM, producerId: producers.camera, peerId: 'a', kind: 'video', source: 'camera', closed: false },
    ]);
    expect(f.plane.producers(ROOM).map((p) => p.source)).toEqual(['mic', 'camera']);
    expect(f.plane.producers(OTHER)).toEqual([]);
  });

  it('producing on a receive transport, or a mic as video → payload.invalid, nothing announced', async () => {
    const f = await startFixture();
    const { transportId } = await f.receive('a', ROOM);
    await expect(f.plane.produce('a', transportId, 'audio', OPUS, 'mic')).rejects.toMatchObject({
      code: 'payload.invalid',
    });
    const send = await f.plane.createTransport('a', 'send');
    await expect(f.plane.produce('a', send.id, 'video', OPUS, 'mic')).rejects.toMatchObject({
      code: 'payload.invalid',
    });
    await expect(f.plane.produce('a', send.id, 'audio', { nonsense: true }, 'mic')).rejects.toMatchObject({
      code: 'payload.invalid',
    });
    expect(f.pushes).toEqual([]);
  });

  it('media:sfu:consume → a paused consumer naming the sender and source; media:sfu:resume starts it', async () => {
    const f = await startFixture();
    const { producers } = await f.publish('a', ROOM, ['camera']);
    await f.receive('b', ROOM);
    const info = await f.plane.consume('b', producers.camera ?? '', CAPS);
    expect(info).toMatchObject({ producerId: producers.camera, peerId: 'a', kind: 'video', source: 'camera' });
    expect(f.ms.consumer(info.consumerId).paused).toBe(true);
    await f.plane.resume('b', info.consumerId);
    expect(f.ms.consumer(info.consumerId).paused).toBe(false);
  });

  it('media:sfu:layers sets the preferred simulcast layer of a camera; on audio it is accepted and changes nothing', async () => {
    const f = await startFixture();
    const { producers } = await f.publish('a', ROOM, ['mic', 'camera']);
    await f.receive('b', ROOM);
    const cam = await f.plane.consume('b', producers.camera ?? '', CAPS);
    const mic = await f.plane.consume('b', producers.mic ?? '', CAPS);
    await f.plane.setLayers('b', cam.consumerId, 2);
    await f.plane.setLayers('b', mic.consumerId, 0);
    expect(f.ms.consumer(cam.consumerId).preferredLayers).toEqual({ spatialLayer: 2 });
    expect(f.ms.consumer(mic.consumerId).preferredLayers).toBeUndefined();
  });

  it('consuming a producer of another room, one’s own, or before a receive transport is refused', async () => {
    const f = await startFixture();
    const a = await f.publish('a', ROOM, ['mic']);
    const c = await f.publish('c', OTHER, ['mic']);
    await f.plane.join({ peerId: 'b', roomKey: ROOM });
    await expect(f.plane.consume('b', a.producers.mic ?? '', CAPS)).rejects.toMatchObject({ code: 'payload.invalid' });
    await f.plane.createTransport('b', 'recv');
    await expect(f.plane.consume('b', c.producers.mic ?? '', CAPS)).rejects.toMatchObject({
      code: 'media.peer_not_found',
    });
    await f.plane.createTransport('a', 'recv');
    await expect(f.plane.consume('a', a.producers.mic ?? '', CAPS)).rejects.toMatchObject({ code: 'payload.invalid' });
  });

  it('media:sfu:closeProducer → the room hears it closed, and the receivers’ consumers of it close', async () => {
    const f = await startFixture();
    const { producers } = await f.publish('a', ROOM, ['screen']);
    await f.receive('b', ROOM);
    const info = await f.plane.consume('b', producers.screen ?? '', CAPS);
    await f.plane.closeProducer('a', producers.screen ?? '');
    expect(f.pushes.at(-1)).toMatchObject({ producerId: producers.screen, source: 'screen', closed: true });
    expect(f.ms.consumer.bind(f.ms, info.consumerId)).toThrow();
    await expect(f.plane.resume('b', info.consumerId)).rejects.toMatchObject({ code: 'media.not_found' });
    expect(f.plane.producers(ROOM)).toEqual([]);
  });
});

describe('SFU plane: a tab touches only its own objects', () => {
  it('another tab’s transport, producer or consumer → media.not_found, as an unknown id, and it stays as it was', async () => {
    const f = await startFixture();
    const a = await f.publish('a', ROOM, ['mic']);
    const b = await f.receive('b', ROOM);
    const consumer = await f.plane.consume('b', a.producers.mic ?? '', CAPS);
    await f.plane.join({ peerId: 'mallory', roomKey: ROOM });

    await expect(f.plane.connectTransport('mallory', b.transportId, DTLS)).rejects.toMatchObject({
      code: 'media.not_found',
    });
    await expect(f.plane.produce('mallory', a.transportId, 'audio', OPUS, 'mic')).rejects.toMatchObject({
      code: 'media.not_found',
    });
    await expect(f.plane.closeProducer('mallory', a.producers.mic ?? '')).rejects.toMatchObject({
      code: 'media.not_found',
    });
    await expect(f.plane.resume('mallory', consumer.consumerId)).rejects.toMatchObject({ code: 'media.not_found' });
    await expect(f.plane.setLayers('mallory', consumer.consumerId, 2)).rejects.toMatchObject({
      code: 'media.not_found',
    });
    await expect(f.plane.pause('mallory', consumer.consumerId)).rejects.toMatchObject({ code: 'media.not_found' });
    await expect(f.plane.restartIce('mallory', b.transportId)).rejects.toMatchObject({ code: 'media.not_found' });

    expect(f.ms.transport(b.transportId).connectedWith).toEqual(DTLS);
    expect(f.ms.transport(b.transportId).iceParameters.usernameFragment).toBe('u');
    expect(f.plane.producers(ROOM)).toHaveLength(1);
    expect(f.ms.consumer(consumer.consumerId).paused).toBe(true);
  });
});

describe('SFU plane: leaving and moving', () => {
  it('media:leave closes the tab’s transports, announces its producers closed and closes others’ consumers of them', async () => {
    const f = await startFixture();
    const a = await f.publish('a', ROOM, ['mic', 'camera']);
    const b = await f.receive('b', ROOM);
    const consumer = await f.plane.consume('b', a.producers.camera ?? '', CAPS);
    f.pushes.length = 0;

    await f.plane.leave('a');

    expect(f.ms.transport.bind(f.ms, a.transportId)).toThrow();
    expect(f.pushes.map((p) => [p.source, p.closed])).toEqual([
      ['mic', true],
      ['camera', true],
    ]);
    expect(f.ms.consumer.bind(f.ms, consumer.consumerId)).toThrow();
    expect(f.ms.transport(b.transportId).closed).toBe(false);
    await expect(f.plane.createTransport('a', 'send')).rejects.toMatchObject({ code: 'media.not_joined' });
  });

  it('the room’s router closes when its last tab leaves, and a new one opens on the next join', async () => {
    const f = await startFixture();
    await f.publish('a', ROOM, ['mic']);
    await f.plane.leave('a');
    expect(f.ms.routers[0]?.closed).toBe(true);
    await f.plane.join({ peerId: 'a', roomKey: ROOM });
    expect(f.ms.routers.filter((r) => !r.closed)).toHaveLength(1);
  });

  it('media:join of another room moves the tab: its producers in the old room are announced closed', async () => {
    const f = await startFixture();
    await f.publish('a', ROOM, ['mic']);
    await f.plane.join({ peerId: 'a', roomKey: OTHER });
    expect(f.pushes.at(-1)).toMatchObject({ roomKey: ROOM, peerId: 'a', closed: true });
    expect(f.plane.producers(ROOM)).toEqual([]);
  });

  it('media:leave of an unknown tab is a no-op', async () => {
    const f = await startFixture();
    await expect(f.plane.leave('ghost')).resolves.toBeUndefined();
  });
});

describe('SFU plane: the stage beyond one worker', () => {
  it('once the origin’s worker serves the threshold of consumers, new viewers are served by a router on another worker fed by pipeToRouter', async () => {
    const f = await startFixture({ consumersPerWorker: 2 });
    const stage = await f.publish('host', ROOM, ['mic', 'camera']);
    const originRouter = f.ms.routers[0];

    await f.receive('v1', ROOM);
    await f.plane.consume('v1', stage.producers.mic ?? '', CAPS);
    await f.plane.consume('v1', stage.producers.camera ?? '', CAPS);
    expect(originRouter?.pipes).toEqual([]);

    const v2 = await f.receive('v2', ROOM);
    const v3 = await f.receive('v3', ROOM);
    const overflow = f.ms.transport(v2.transportId).router;
    expect(overflow).not.toBe(originRouter);
    expect(overflow.worker).not.toBe(originRouter?.worker);
    expect(f.ms.transport(v3.transportId).router).toBe(overflow);

    const c2 = await f.plane.consume('v2', stage.producers.camera ?? '', CAPS);
    const c3 = await f.plane.consume('v3', stage.producers.camera ?? '', CAPS);
    expect(c2.producerId).toBe(stage.producers.camera);
    // One pipe per producer and router, however many viewers there consume it.
    expect(originRouter?.pipes).toEqual([{ producerId: stage.producers.camera, to: overflow.id }]);

    // Closing the stage's camera reaches the viewers on both workers.
    await f.plane.closeProducer('host', stage.producers.camera ?? '');
    expect(f.ms.consumer.bind(f.ms, c2.consumerId)).toThrow();
    expect(f.ms.consumer.bind(f.ms, c3.consumerId)).toThrow();
  });
});

describe('SFU plane: a worker dies', () => {
  it('its rooms are dropped: their peers are reported lost, producers announced closed, and further requests → media.not_joined', async () => {
    const f = await startFixture();
    const a = await f.publish('a', ROOM, ['mic']);
    await f.receive('b', ROOM);
    await f.publish('c', OTHER, ['mic']);
    const roomWorker = f.ms.routers[0]?.worker;
    f.pushes.length = 0;

    roomWorker?.die();

    expect(f.lost).toEqual([{ roomKey: ROOM, peerIds: ['a', 'b'] }]);
    expect(f.pushes).toEqual([expect.objectContaining({ producerId: a.producers.mic, closed: true })]);
    await expect(f.plane.createTransport('b', 'recv')).rejects.toMatchObject({ code: 'media.not_joined' });
    expect(f.plane.producers(OTHER)).toHaveLength(1);
    expect(f.log.lines.some((l) => l.level === 'error' && /worker died/.test(l.msg))).toBe(true);
  });

  it('after the loss the peers rejoin and the room opens again on a live worker', async () => {
    const f = await startFixture();
    await f.publish('a', ROOM, ['mic']);
    f.ms.routers[0]?.worker.die();
    const again = await f.publish('a', ROOM, ['mic']);
    expect(f.ms.transport(again.transportId).router.worker.died).toBe(false);
  });

  it('an overflow router’s worker dying loses only the viewers served there', async () => {
    const f = await startFixture({ consumersPerWorker: 1 });
    const stage = await f.publish('host', ROOM, ['mic']);
    await f.receive('v1', ROOM);
    await f.plane.consume('v1', stage.producers.mic ?? '', CAPS);
    const v2 = await f.receive('v2', ROOM);
    await f.plane.consume('v2', stage.producers.mic ?? '', CAPS);

    f.ms.transport(v2.transportId).router.worker.die();

    expect(f.lost).toEqual([{ roomKey: ROOM, peerIds: ['v2'] }]);
    expect(f.plane.producers(ROOM)).toHaveLength(1);
    await expect(f.plane.createTransport('v2', 'recv')).rejects.toMatchObject({ code: 'media.not_joined' });
  });
});
