/** A started SFU plane on the mediasoup double, with helpers that act like a tab's requests. */
import type { SfuProducerPush, MediaSource } from '@mashup/shared';
import type { MediaLog } from '../../log.js';
import { startSfuPlane, type MediasoupSfuPlane } from '../index.js';
import type { SfuSettings } from '../settings.js';
import { FakeMediasoup } from './fake-mediasoup.js';

export const SETTINGS: SfuSettings = {
  workers: 2,
  listenIp: '0.0.0.0',
  announcedAddress: 'media.example.org',
  rtcMinPort: 40000,
  rtcMaxPort: 40100,
  consumersPerWorker: 500,
};

/** What a browser's mediasoup-client sends (the double checks only the shape mediasoup checks first). */
export const DTLS = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'BB:CC' }] };
export const CAPS = { codecs: [], headerExtensions: [] };
export const OPUS = { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }] };
export const SIMULCAST_VP8 = {
  codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 }],
  encodings: [{ rid: 'r0' }, { rid: 'r1' }, { rid: 'r2' }],
};
export const VP8 = { codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000 }] };

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

export function recordingLog(): MediaLog & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
}

export interface Fixture {
  ms: FakeMediasoup;
  plane: MediasoupSfuPlane;
  pushes: Array<{ roomKey: string } & SfuProducerPush>;
  lost: Array<{ roomKey: string; peerIds: string[] }>;
  log: ReturnType<typeof recordingLog>;
  /** join + send transport + connect + one producer per source. */
  publish(peerId: string, roomKey: string, sources: MediaSource[]): Promise<{ transportId: string; producers: Record<string, string> }>;
  /** join + receive transport + connect. */
  receive(peerId: string, roomKey: string): Promise<{ transportId: string }>;
}

export async function startFixture(overrides: Partial<SfuSettings> = {}): Promise<Fixture> {
  const ms = new FakeMediasoup();
  const log = recordingLog();
  const plane = await startSfuPlane(ms, { ...SETTINGS, ...overrides }, log);
  const pushes: Fixture['pushes'] = [];
  const lost: Fixture['lost'] = [];
  plane.onProducer((roomKey, push) => pushes.push({ roomKey, ...push }));
  plane.onPeersLost((roomKey, peerIds) => lost.push({ roomKey, peerIds }));
  return {
    ms,
    plane,
    pushes,
    lost,
    log,
    async publish(peerId, roomKey, sources) {
      await plane.join({ peerId, roomKey });
      const t = await plane.createTransport(peerId, 'send');
      await plane.connectTransport(peerId, t.id, DTLS);
      const producers: Record<string, string> = {};
      for (const source of sources) {
        const kind = source === 'mic' ? 'audio' : 'video';
        const rtp = source === 'mic' ? OPUS : source === 'camera' ? SIMULCAST_VP8 : VP8;
        producers[source] = (await plane.produce(peerId, t.id, kind, rtp, source)).producerId;
      }
      return { transportId: t.id, producers };
    },
    async receive(peerId, roomKey) {
      await plane.join({ peerId, roomKey });
      const t = await plane.createTransport(peerId, 'recv');
      await plane.connectTransport(peerId, t.id, DTLS);
      return { transportId: t.id };
    },
  };
}
