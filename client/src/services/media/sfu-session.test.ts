/**
 * The SFU session end to end on mediasoup-client's own FakeHandler (no
 * browser): what it asks the server when the tab turns audio only on and off
 * (rule M6) and when a transport's connection fails (rule M7).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Device, type types } from 'mediasoup-client';
import { FakeHandler } from 'mediasoup-client/handlers/FakeHandler';
import * as fakeParameters from 'mediasoup-client/fakeParameters';
import { MEDIA_OFF, type ClientEventName, type MediaPeer, type SfuProducerPush } from '@mashup/shared';
import { FakeClock } from '../../test-support/fake-clock.js';
import { FakeTransport } from '../../test-support/fake-transport.js';
import { SfuSession } from './sfu-session.js';

const NEW_ICE = { usernameFragment: 'u-after-restart', password: 'p-after-restart', iceLite: true };

const peer = (peerId: string): MediaPeer => ({
  peerId,
  participantId: `person-${peerId}`,
  roomId: 'ws-a',
  mayPublish: true,
  mayShare: true,
  state: { ...MEDIA_OFF, audio: true, video: true },
  joinedAt: 0,
});

const producer = (producerId: string, peerId: string, source: 'mic' | 'camera'): SfuProducerPush => ({
  producerId,
  peerId,
  kind: source === 'mic' ? 'audio' : 'video',
  source,
  closed: false,
});

/** A stand-in for MediaStream (node has none): only what the session reads. */
const stream = (tracks: MediaStreamTrack[]) =>
  ({ getTracks: () => tracks, getAudioTracks: () => tracks.filter((t) => t.kind === 'audio') }) as unknown as MediaStream;

const sessions: SfuSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

/** A session joined to a room with these producers, on a server that answers every request at once. */
async function start(producers: SfuProducerPush[]) {
  const signal = new FakeTransport();
  const sent: Array<{ name: ClientEventName; payload: Record<string, unknown> }> = [];
  const kinds = new Map(producers.map((p) => [p.producerId, p]));
  signal.autoReply = (name, payload) => {
    const body = payload as Record<string, unknown>;
    sent.push({ name, payload: body });
    switch (name) {
      case 'media:sfu:transport': {
        const t = fakeParameters.generateTransportRemoteParameters();
        return { ok: true, data: { ...t, id: `t-${String(body['direction'])}` } };
      }
      case 'media:sfu:consume': {
        const p = kinds.get(String(body['producerId']))!;
        const codecMimeType = p.kind === 'audio' ? 'audio/opus' : 'video/VP8';
        const { rtpParameters } = fakeParameters.generateConsumerRemoteParameters({ codecMimeType });
        return { ok: true, data: { consumerId: `c-${p.producerId}`, producerId: p.producerId, peerId: p.peerId, kind: p.kind, source: p.source, rtpParameters } };
      }
      case 'media:sfu:restartIce':
        return { ok: true, data: { iceParameters: NEW_ICE } };
      default:
        return { ok: true, data: {} };
    }
  };
  // Every handler mediasoup-client makes (one per transport), to drive its connection state.
  const handlers = new Map<'send' | 'recv', FakeHandler>();
  const base = FakeHandler.createFactory(fakeParameters);
  const handlerFactory: types.HandlerFactory = {
    ...base,
    factory: (options) => {
      const handler = base.factory(options) as FakeHandler;
      handlers.set(options.direction, handler);
      return handler;
    },
  };
  const clock = new FakeClock();
  const session = await SfuSession.start(
    {
      plane: 'sfu',
      self: peer('me'),
      peers: [...new Set(producers.map((p) => p.peerId))].map(peer),
      iceServers: [],
      maxPublishers: 6,
      routerRtpCapabilities: { ...fakeParameters.generateRouterRtpCapabilities() },
      producers,
    },
    signal,
    { createDevice: () => new Device({ handlerFactory }), createStream: stream, clock, log: { warn: () => undefined } },
  );
  sessions.push(session);
  /** Adds a producer the server will know when it is consumed, and announces it. */
  const announce = (p: SfuProducerPush) => {
    kinds.set(p.producerId, p);
    signal.push('media:sfu:producer', p);
  };
  const asked = (name: ClientEventName) => sent.filter((r) => r.name === name).map((r) => r.payload);
  return { session, signal, handlers, clock, asked, announce };
}

/** The tracks the tiles would show for a peer. */
const shown = (session: SfuSession, peerId: string) => session.remotes().get(peerId)?.stream?.getTracks().map((t) => t.kind) ?? [];

describe('SFU session: audio only stops the server sending video (rule M6)', () => {
  it('turning audio only on pauses the video consumers on the server, turning it off resumes them; audio flows throughout', async () => {
    const { session, asked } = await start([producer('cam-a', 'a', 'camera'), producer('mic-a', 'a', 'mic')]);
    await vi.waitFor(() => expect(asked('media:sfu:resume')).toHaveLength(2));
    expect(shown(session, 'a').sort()).toEqual(['audio', 'video']);

    session.setAudioOnly(true);
    await vi.waitFor(() => expect(asked('media:sfu:pause')).toEqual([{ consumerId: 'c-cam-a' }]));
    expect(shown(session, 'a')).toEqual(['audio']);

    session.setAudioOnly(false);
    await vi.waitFor(() => expect(asked('media:sfu:resume')).toHaveLength(3));
    expect(asked('media:sfu:resume').at(-1)).toEqual({ consumerId: 'c-cam-a' });
    expect(asked('media:sfu:pause')).toHaveLength(1);
    expect(shown(session, 'a').sort()).toEqual(['audio', 'video']);
  });

  it('a camera that opens while audio only is on is consumed but stays paused on the server until audio only ends', async () => {
    const { session, asked, announce } = await start([producer('mic-a', 'a', 'mic')]);
    await vi.waitFor(() => expect(asked('media:sfu:resume')).toEqual([{ consumerId: 'c-mic-a' }]));
    session.setAudioOnly(true);

    announce(producer('cam-b', 'b', 'camera'));
    // Layers are asked for after the pause state is settled: by then a resume would have been sent.
    await vi.waitFor(() => expect(asked('media:sfu:layers')).toContainEqual({ consumerId: 'c-cam-b', spatialLayer: 0 }));
    expect(asked('media:sfu:resume')).toEqual([{ consumerId: 'c-mic-a' }]);
    expect(asked('media:sfu:pause')).toEqual([]);

    session.setAudioOnly(false);
    await vi.waitFor(() => expect(asked('media:sfu:resume')).toContainEqual({ consumerId: 'c-cam-b' }));
  });
});

describe('SFU session: a failed connection gets new ICE credentials (rule M7)', () => {
  it('the receive transport fails → media:sfu:restartIce for it, and its new ICE parameters reach the transport', async () => {
    const { handlers, clock, asked } = await start([producer('mic-a', 'a', 'mic')]);
    const recv = handlers.get('recv')!;
    const restartIce = vi.spyOn(recv, 'restartIce');
    recv.setConnectionState('connected');

    recv.setConnectionState('failed');
    await clock.advance(0);

    await vi.waitFor(() => expect(restartIce).toHaveBeenCalledWith(NEW_ICE));
    expect(asked('media:sfu:restartIce')).toEqual([{ transportId: 't-recv' }]);
  });

  it('a disconnection that heals in time asks nothing; closing the session leaves no timer behind', async () => {
    const { session, handlers, clock, asked } = await start([producer('mic-a', 'a', 'mic')]);
    const recv = handlers.get('recv')!;
    recv.setConnectionState('connected');
    recv.setConnectionState('disconnected');
    await clock.advance(1_000);
    recv.setConnectionState('connected');
    await clock.advance(60_000);
    expect(asked('media:sfu:restartIce')).toEqual([]);

    recv.setConnectionState('disconnected');
    expect(clock.pendingTimers).toBe(1);
    session.close();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(60_000);
    expect(asked('media:sfu:restartIce')).toEqual([]);
  });
});
