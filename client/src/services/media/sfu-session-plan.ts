/**
 * The decisions of the SFU session, without mediasoup-client or the DOM: what
 * to consume, which simulcast layer to ask for, which consumers the server
 * should pause, how to send each source, and how received tracks group into a
 * peer's media. Unit-tested in node.
 */
import type { MediaSource, SfuProducerPush } from '@mashup/shared';

/**
 * The camera in three simulcast layers (low first, as mediasoup expects):
 * 1/4, 1/2 and full resolution. A small tile needs the lowest (~100 kbit/s),
 * the active speaker or a pinned tile the highest; the SFU forwards per viewer
 * only the layer that viewer asked for.
 */
export const CAMERA_ENCODINGS: RTCRtpEncodingParameters[] = [
  { scaleResolutionDownBy: 4, maxBitrate: 100_000 },
  { scaleResolutionDownBy: 2, maxBitrate: 300_000 },
  { scaleResolutionDownBy: 1, maxBitrate: 900_000 },
];

/** A shared screen in one layer: text must stay sharp, and everyone shows it large. */
export const SCREEN_ENCODINGS: RTCRtpEncodingParameters[] = [{ maxBitrate: 1_500_000 }];

/** Opus for speech: DTX (no packets in silence) and in-band FEC for lossy office Wi-Fi. */
export const MIC_CODEC_OPTIONS = { opusStereo: false, opusDtx: true, opusFec: true } as const;

export const TOP_LAYER = 2;
export const SMALL_LAYER = 0;

/** Producers of the room now, by id, after one `media:sfu:producer` push. */
export function applyProducerPush(
  known: ReadonlyMap<string, SfuProducerPush>,
  push: SfuProducerPush,
): Map<string, SfuProducerPush> {
  const next = new Map(known);
  if (push.closed) next.delete(push.producerId);
  else next.set(push.producerId, push);
  return next;
}

/** Producers to consume now: other peers' open ones that are neither consumed nor being consumed. */
export function producersToConsume(
  known: Iterable<SfuProducerPush>,
  selfPeerId: string,
  taken: ReadonlySet<string>,
): SfuProducerPush[] {
  return [...known].filter((p) => !p.closed && p.peerId !== selfPeerId && !taken.has(p.producerId));
}

/** Spatial layer for a peer's camera: the top one when shown large (pinned, active speaker), else the smallest. */
export function layerFor(peerId: string, emphasised: ReadonlySet<string>): number {
  return emphasised.has(peerId) ? TOP_LAYER : SMALL_LAYER;
}

export interface LayeredConsumer {
  consumerId: string;
  peerId: string;
  source: MediaSource;
}

/**
 * `media:sfu:layers` requests that change something: camera consumers whose
 * wanted layer differs from the one last asked for (mic and screen have no
 * layers; a screen is sent in one).
 */
export function layerChanges(
  consumers: Iterable<LayeredConsumer>,
  emphasised: ReadonlySet<string>,
  asked: ReadonlyMap<string, number>,
): Array<{ consumerId: string; spatialLayer: number }> {
  const out: Array<{ consumerId: string; spatialLayer: number }> = [];
  for (const c of consumers) {
    if (c.source !== 'camera') continue;
    const spatialLayer = layerFor(c.peerId, emphasised);
    if (asked.get(c.consumerId) !== spatialLayer) out.push({ consumerId: c.consumerId, spatialLayer });
  }
  return out;
}

export interface PausableConsumer {
  consumerId: string;
  kind: 'audio' | 'video';
  /** The server's side as this tab last set it: paused as created, then what the last ack confirmed. */
  serverPaused: boolean;
}

/**
 * `media:sfu:pause` / `media:sfu:resume` requests that bring the server's
 * consumers to what the tab shows (rule M6): in audio-only mode every video
 * consumer (camera and screen) paused, so the server sends the tab no video
 * at all; otherwise everything flowing. A consumer just created is paused on
 * the server, so the same rule decides whether it is resumed at all.
 */
export function pauseChanges(
  consumers: Iterable<PausableConsumer>,
  audioOnly: boolean,
): Array<{ consumerId: string; paused: boolean }> {
  const out: Array<{ consumerId: string; paused: boolean }> = [];
  for (const c of consumers) {
    const paused = audioOnly && c.kind === 'video';
    if (c.serverPaused !== paused) out.push({ consumerId: c.consumerId, paused });
  }
  return out;
}

export type SendStep<T> =
  | { op: 'produce'; source: MediaSource; track: T }
  | { op: 'replace'; source: MediaSource; track: T }
  | { op: 'close'; source: MediaSource };

/** How to get from what is sent to what should be sent, per source (null = off). */
export function sendSteps<T>(
  sending: Readonly<Record<MediaSource, T | null>>,
  wanted: Readonly<Record<MediaSource, T | null>>,
): SendStep<T>[] {
  const steps: SendStep<T>[] = [];
  for (const source of ['mic', 'camera', 'screen'] as const) {
    const now = sending[source];
    const next = wanted[source];
    if (now === next) continue;
    if (next === null) steps.push({ op: 'close', source });
    else if (now === null) steps.push({ op: 'produce', source, track: next });
    else steps.push({ op: 'replace', source, track: next });
  }
  return steps;
}

export interface ReceivedTrack<T> {
  peerId: string;
  source: MediaSource;
  kind: 'audio' | 'video';
  track: T;
}

/**
 * A peer's received tracks as the tiles show them: microphone and camera in one
 * stream, the screen in its own. In audio-only mode video is left out (its
 * consumers are paused: the tile shows the name instead of a frozen frame).
 */
export function groupTracks<T>(
  received: Iterable<ReceivedTrack<T>>,
  audioOnly: boolean,
): Map<string, { media: T[]; screen: T[] }> {
  const byPeer = new Map<string, { media: T[]; screen: T[] }>();
  for (const r of received) {
    const entry = byPeer.get(r.peerId) ?? { media: [], screen: [] };
    byPeer.set(r.peerId, entry);
    if (audioOnly && r.kind === 'video') continue;
    (r.source === 'screen' ? entry.screen : entry.media).push(r.track);
  }
  return byPeer;
}

export const isMediaSource = (v: unknown): v is MediaSource => v === 'mic' || v === 'camera' || v === 'screen';
