/**
 * The client side of audio and video, as the views see it. No DOM beyond the
 * WebRTC and media-capture APIs; components subscribe and render.
 *
 *   MediaSession (media-session.ts)   follows the participant's room, joins its media
 *     │                               (`media:join`), holds local tracks and toggles
 *     └─ PlaneSession                 one per room visit: mesh (mesh-session.ts,
 *                                     RTCPeerConnection, perfect negotiation) or
 *                                     sfu (sfu-session.ts, mediasoup-client)
 */
import type { MediaPeer, MediaPlane, MediaSource } from '@mashup/shared';
import type { Disposer } from '../clock.js';

/** The tab's own capture, as it stands. */
export interface LocalTracks {
  mic: MediaStreamTrack | null;
  camera: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
}

/** What one remote peer sends us, per source. */
export interface RemoteMedia {
  peerId: string;
  /** Camera and microphone in one stream (either may be missing). */
  stream: MediaStream | null;
  /** A shared screen, when the peer shares one. */
  screen: MediaStream | null;
}

/** One room visit on one plane: created on `media:join`, closed on leave or room change. */
export interface PlaneSession {
  readonly plane: MediaPlane;
  /** The room's peers changed (`media:peers` push or the join reply). */
  updatePeers(peers: readonly MediaPeer[]): void;
  /** Sends exactly these tracks from now on (null = that source is off: nothing is sent). */
  setLocalTracks(tracks: LocalTracks): Promise<void>;
  /** Stop receiving video (weak connection); audio keeps flowing. On the SFU the server stops sending it too (rule M6). */
  setAudioOnly(on: boolean): void;
  /** Peers shown large (pinned, active speaker): received at a higher quality where the plane can. */
  setEmphasis(peerIds: readonly string[]): void;
  /** peerId → what that peer sends us now. */
  remotes(): ReadonlyMap<string, RemoteMedia>;
  /** Called whenever remotes() changes. */
  onChange(listener: () => void): Disposer;
  /** Open peer connections (mesh) or transports (sfu): 0 after close(). */
  connectionCount(): number;
  close(): void;
}

/** Why the tab does not send although the person asked to (shown next to the controls). */
export type MediaBlock =
  /** The room's policy (plenary: only the stage sends). */
  | { kind: 'notAllowed' }
  /** Mesh: `max` peers of this room send already (rule M4). */
  | { kind: 'limit'; max: number }
  /** The browser refused the camera or microphone, or there is none. */
  | { kind: 'device'; source: MediaSource; name: string };

/** One tile of the grid: a peer (or this tab) with what to show. */
export interface MediaTile {
  peerId: string;
  participantId: string;
  self: boolean;
  stream: MediaStream | null;
  screen: MediaStream | null;
  audio: boolean;
  video: boolean;
  speaking: boolean;
}

/** What the views read from the MediaSession. */
export interface MediaView {
  /** Joined the media of this room (null while joining or outside any). */
  roomId: string | null;
  plane: MediaPlane | null;
  status: 'idle' | 'joining' | 'live' | 'error';
  /** Own toggles (what the person asked for). */
  mic: boolean;
  camera: boolean;
  screen: boolean;
  audioOnly: boolean;
  mayPublish: boolean;
  mayShare: boolean;
  maxPublishers: number;
  block: MediaBlock | null;
  tiles: MediaTile[];
  /** The peer shown largest: pinned, else the active speaker. */
  focusPeerId: string | null;
  pinnedPeerId: string | null;
}

/** The person's device choices, remembered on this device (storage.ts). Off by default (privacy). */
export interface DevicePreferences {
  micOn: boolean;
  cameraOn: boolean;
  micId: string | null;
  cameraId: string | null;
  speakerId: string | null;
  audioOnly: boolean;
}

export const DEFAULT_DEVICE_PREFERENCES: DevicePreferences = {
  micOn: false,
  cameraOn: false,
  micId: null,
  cameraId: null,
  speakerId: null,
  audioOnly: false,
};

/** What the views may do: MediaSession implements it; components get it through @lit/context. */
export interface MediaControls {
  readonly view: MediaView;
  subscribe(listener: () => void): Disposer;
  setMic(on: boolean): Promise<void>;
  setCamera(on: boolean): Promise<void>;
  setScreen(on: boolean): Promise<void>;
  setAudioOnly(on: boolean): Promise<void>;
  /** Pins a tile (null: follow the active speaker). */
  pin(peerId: string | null): void;
  /** Applies device choices from the device check (restarts capture with the chosen devices). */
  applyPreferences(prefs: DevicePreferences): Promise<void>;
  readonly preferences: DevicePreferences;
}
