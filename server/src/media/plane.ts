/**
 * The media plane behind `media:*` (docs/PROTOCOL.md section 11). Two real
 * implementations:
 *
 * - mesh (no server media at all): browsers connect peer to peer; the gateway
 *   only relays `media:signal` between peers of one room. Nothing to hold here.
 * - sfu (mediasoup, optional dependency): a router per room on a worker per
 *   core; the `media:sfu:*` requests land on `SfuPlane`.
 *
 * `createMediaPlane()` (media/select.ts) picks the SFU whenever mediasoup loads
 * and its worker starts, else the mesh, and says which at start-up.
 */
import type { MediaSource, SfuConsumerInfo, SfuIceRestartInfo, SfuProducerPush, SfuTransportInfo } from '@mashup/shared';

/** One tab in one room, as the SFU knows it. `roomKey` is unique across events (`<eventId>/<roomId>`). */
export interface SfuPeerRef {
  roomKey: string;
  peerId: string;
}

export interface SfuPlane {
  readonly kind: 'sfu';
  /** Enters a room's router (created on first use); returns its RTP capabilities. */
  join(peer: SfuPeerRef): Promise<{ routerRtpCapabilities: Record<string, unknown> }>;
  /** Closes everything the peer has (transports, producers, consumers); producers' closes are announced. */
  leave(peerId: string): Promise<void>;
  createTransport(peerId: string, direction: 'send' | 'recv'): Promise<SfuTransportInfo>;
  connectTransport(peerId: string, transportId: string, dtlsParameters: Record<string, unknown>): Promise<void>;
  produce(
    peerId: string,
    transportId: string,
    kind: 'audio' | 'video',
    rtpParameters: Record<string, unknown>,
    source: MediaSource,
  ): Promise<{ producerId: string }>;
  closeProducer(peerId: string, producerId: string): Promise<void>;
  /** A consumer on the peer's receive transport, created paused (resume when the client is ready). */
  consume(peerId: string, producerId: string, rtpCapabilities: Record<string, unknown>): Promise<SfuConsumerInfo>;
  resume(peerId: string, consumerId: string): Promise<void>;
  /** Stops forwarding one consumer's RTP to the tab (audio-only mode) until `resume`. */
  pause(peerId: string, consumerId: string): Promise<void>;
  /** Preferred simulcast layer of one consumer (0 = smallest). */
  setLayers(peerId: string, consumerId: string, spatialLayer: number): Promise<void>;
  /** New ICE credentials for one of the peer's transports (its connection failed); DTLS and RTP stay as they are. */
  restartIce(peerId: string, transportId: string): Promise<SfuIceRestartInfo>;
  /** The producers open in a room now (what a joining peer consumes). */
  producers(roomKey: string): SfuProducerPush[];
  /** Called for every producer opened or closed in a room; the gateway tells that room's peers. */
  onProducer(listener: (roomKey: string, push: SfuProducerPush) => void): void;
  /** Called when a worker died and took these peers' media with it: they must join again. */
  onPeersLost(listener: (roomKey: string, peerIds: string[]) => void): void;
  close(): Promise<void>;
}

export type MediaPlaneImpl = { readonly kind: 'mesh' } | SfuPlane;
