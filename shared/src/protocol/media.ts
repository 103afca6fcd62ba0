/**
 * Audio and video (docs/PROTOCOL.md section 11). Every browser tab that shows a
 * room joins that room's media as one *peer* (its socket id). Two planes sit
 * behind the same events:
 *
 * - `mesh`: peer-to-peer RTCPeerConnections; the server only relays
 *   `media:signal` (perfect negotiation) between peers of one room.
 * - `sfu`: a mediasoup router per room; the `media:sfu:*` requests create
 *   transports, producers and consumers on the server.
 *
 * Who may publish follows the room's kind (rule M2): on the plenary's stage
 * only hosts, the presenter of the talk showing and whoever has the floor; in
 * group rooms (workshops, later tables and pairs) everyone.
 */
import { z } from 'zod';

export const MEDIA_PLANES = ['mesh', 'sfu'] as const;
export type MediaPlane = (typeof MEDIA_PLANES)[number];

/**
 * Sizes of what peers exchange: an SDP with audio, video and a screen is 5–15 KB
 * in Chromium. Socket.IO drops a connection whose frame exceeds 64 KB (the
 * server's frame limit), so a media payload stays well below that.
 */
export const MEDIA_LIMITS = {
  sdpMax: 40_000,
  candidateMax: 2_000,
  /** Serialized size of one media:signal / media:sfu:* payload. */
  payloadMaxBytes: 48 * 1024,
} as const;

/** What a peer sends right now (its own toggles), and whether it wants to receive video at all. */
export const MediaState = z
  .object({
    audio: z.boolean(),
    video: z.boolean(),
    screen: z.boolean(),
    /** Receives audio only (weak connection): senders need not send it video. */
    audioOnly: z.boolean(),
  })
  .strict();
export type MediaState = z.infer<typeof MediaState>;
export const MEDIA_OFF: MediaState = { audio: false, video: false, screen: false, audioOnly: false };

/** One media peer: one browser tab of one participant, in one room. */
export const MediaPeer = z.object({
  peerId: z.string(),
  participantId: z.string(),
  roomId: z.string(),
  /** May send audio and video here (rule M2). */
  mayPublish: z.boolean(),
  /** May share a screen here (rule M2). */
  mayShare: z.boolean(),
  state: MediaState,
  joinedAt: z.number(),
});
export type MediaPeer = z.infer<typeof MediaPeer>;

/** A STUN/TURN server as RTCPeerConnection takes it (configured on the server; none by default). */
export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** The reply to `media:join`: everything a tab needs to start sending and receiving. */
export interface MediaJoinReply {
  plane: MediaPlane;
  self: MediaPeer;
  /** Every other peer in the room. */
  peers: MediaPeer[];
  iceServers: IceServer[];
  /** Mesh only: how many peers of a room may send at once (rule M4). */
  maxPublishers: number;
  /** SFU only: the room router's RTP capabilities (mediasoup `router.rtpCapabilities`). */
  routerRtpCapabilities?: Record<string, unknown>;
  /** SFU only: the producers open in the room now (consume them; later ones arrive as `media:sfu:producer`). */
  producers?: SfuProducerPush[];
}

const sdpType = z.enum(['offer', 'answer', 'pranswer', 'rollback']);
export const SessionDescription = z
  .object({ type: sdpType, sdp: z.string().max(MEDIA_LIMITS.sdpMax).optional() })
  .strict();
export const IceCandidate = z
  .object({
    candidate: z.string().max(MEDIA_LIMITS.candidateMax),
    sdpMid: z.string().max(64).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  })
  .strict();

/** How a receiver shows a sender's camera: large (`high`) or in a small tile (`low`, the default). */
export const VideoPreference = z.enum(['high', 'low']);
export type VideoPreference = z.infer<typeof VideoPreference>;

/**
 * One message between two mesh peers: a perfect-negotiation description or
 * candidate, or the receiver's preference for the sender's camera (rule M5).
 */
export const SignalBody = z.union([
  z.object({ description: SessionDescription }).strict(),
  z.object({ candidate: IceCandidate.nullable() }).strict(),
  z.object({ prefer: VideoPreference }).strict(),
]);
export type SignalBody = z.infer<typeof SignalBody>;

/** `media:signal` server → client. */
/**
 * A relayed signal names the room both tabs were in when the server relayed it:
 * a tab that has moved on (or not arrived yet) tells a stale signal from a
 * current one, since peer ids stay the same from room to room (rule M3).
 */
export type SignalFromPeer = { from: string; roomId: string } & SignalBody;

/**
 * `media:peers` server → client: peers of the tab's room that joined or changed
 * (`upsert`) or left (`remove`). A tab that only receives hears about the
 * peers who may publish; one that may publish hears about everyone (rule M3).
 */
export interface MediaPeersPush {
  roomId: string;
  upsert: MediaPeer[];
  remove: string[];
}

// ------------------------------------------------------------------ SFU

/** mediasoup's own parameter objects travel opaque; mediasoup checks them (size is capped by MEDIA_LIMITS). */
const opaque = z.record(z.string(), z.unknown());
const sfuId = z.string().min(1).max(100);
export const MEDIA_SOURCES = ['mic', 'camera', 'screen'] as const;
export const MediaSource = z.enum(MEDIA_SOURCES);
export type MediaSource = z.infer<typeof MediaSource>;

export const SfuTransportRequest = z.object({ direction: z.enum(['send', 'recv']) }).strict();
export const SfuConnectRequest = z.object({ transportId: sfuId, dtlsParameters: opaque }).strict();
export const SfuProduceRequest = z
  .object({ transportId: sfuId, kind: z.enum(['audio', 'video']), rtpParameters: opaque, source: MediaSource })
  .strict();
export const SfuConsumeRequest = z.object({ producerId: sfuId, rtpCapabilities: opaque }).strict();
/** `media:sfu:pause` and `media:sfu:resume`: the twin requests on one consumer share one shape. */
export const SfuConsumerRequest = z.object({ consumerId: sfuId }).strict();
export const SfuProducerRequest = z.object({ producerId: sfuId }).strict();
/** `media:sfu:restartIce`: one of the tab's transports whose connection failed (rule M7). */
export const SfuRestartIceRequest = z.object({ transportId: sfuId }).strict();
/** The receiver's wish for one consumer's simulcast layer (0 = smallest): pinned and active speaker high. */
export const SfuLayersRequest = z.object({ consumerId: sfuId, spatialLayer: z.number().int().min(0).max(2) }).strict();

export interface SfuTransportInfo {
  id: string;
  iceParameters: Record<string, unknown>;
  iceCandidates: Array<Record<string, unknown>>;
  dtlsParameters: Record<string, unknown>;
}
/** The reply to `media:sfu:restartIce`: the transport's new ICE username fragment and password (mediasoup's `iceParameters`). */
export interface SfuIceRestartInfo {
  iceParameters: Record<string, unknown>;
}
export interface SfuConsumerInfo {
  consumerId: string;
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  rtpParameters: Record<string, unknown>;
}
/** `media:sfu:producer` server → client: a producer in the room opened (or, with `closed`, closed). */
export interface SfuProducerPush {
  producerId: string;
  peerId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  closed: boolean;
}
