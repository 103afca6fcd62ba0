/**
 * The mesh plane: one RTCPeerConnection per pair of tabs in a room where at
 * least one of the two may send (rule M3), negotiated with the "perfect
 * negotiation" pattern (W3C WebRTC 1.0, §10.7): both sides may offer at any
 * time; on a collision the polite side rolls back and the impolite side
 * ignores the other's offer. Signals travel as `media:signal` through the
 * server, which checks that both tabs are in the same room.
 *
 * Sending: a tab that may publish adds a send-only transceiver for audio and
 * one for video (in one stream) to every link, and one for a screen when it
 * first shares; turning a source off replaces its track with null, so nothing
 * is sent and nothing needs renegotiating. Receiving: a remote track is the
 * screen when its stream is not the one that carries the peer's audio.
 *
 * Quality (rule M5): each link is encoded on its own, so a sender can send its
 * camera in full to the one receiver who shows it large and at half size to
 * those who show it in a small tile; receivers say which (`prefer`).
 */
import type { IceServer, MediaPeer, SignalBody, SignalFromPeer, VideoPreference } from '@mashup/shared';
import type { Disposer } from '../clock.js';
import { CAMERA_FPS } from './devices.js';
import type { LocalTracks, PlaneSession, RemoteMedia } from './types.js';

export interface MeshOptions {
  selfPeerId: string;
  mayPublish: boolean;
  iceServers: IceServer[];
  /** Sends one signal to another peer (media:signal); resolves when the server took it. */
  signal(to: string, body: SignalBody): Promise<unknown>;
  /** Reports what the person cannot act on (negotiation failures). */
  log?: Pick<Console, 'warn'>;
  /** For tests: the RTCPeerConnection constructor. */
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
}

/**
 * Video bitrate per link: a sender uploads once per peer, so the budget of an
 * office uplink (~2.5 Mbit/s) is shared; small tiles need no more than ~300 kbit/s.
 */
export function meshVideoBitrate(links: number): number {
  return Math.round(Math.min(900_000, Math.max(150_000, 2_500_000 / Math.max(1, links))));
}

/** A small tile (~320×180 on a 1280 px screen) looks the same at 250 kbit/s; more would only load the uplink. */
const SMALL_TILE_BITRATE = 250_000;

/** Frames per second for a small tile: faces in a thumbnail need no more, and each link's encoder does 40 % less work. */
const SMALL_TILE_FPS = 15;

/**
 * How one link's camera is encoded (rule M5): full resolution and frame rate
 * with the link's share of the uplink when the receiver shows it large; half
 * the resolution (a quarter of the pixels to encode), 15 fps and at most
 * 250 kbit/s when small. Each link has its own encoder, so this is most of a
 * mesh sender's CPU.
 */
export function meshVideoEncoding(links: number, prefer: VideoPreference): Encoding {
  const share = meshVideoBitrate(links);
  return prefer === 'high'
    ? { maxBitrate: share, scaleResolutionDownBy: 1, maxFramerate: CAMERA_FPS }
    : { maxBitrate: Math.min(share, SMALL_TILE_BITRATE), scaleResolutionDownBy: 2, maxFramerate: SMALL_TILE_FPS };
}

type Encoding = Required<Pick<RTCRtpEncodingParameters, 'maxBitrate' | 'scaleResolutionDownBy' | 'maxFramerate'>>;

/**
 * Pairs where one side sends something right now get a link (rule M3). Rights
 * alone are not enough: a host with camera and microphone off would otherwise
 * hold a peer connection to each of 250 viewers for nothing.
 */
export function wantsLink(selfSends: boolean, peer: Pick<MediaPeer, 'mayPublish' | 'state'>): boolean {
  return selfSends || (peer.mayPublish && (peer.state.audio || peer.state.video || peer.state.screen));
}

/** The polite side of a pair yields on an offer collision; both sides agree by comparing ids. */
export function isPolite(selfPeerId: string, otherPeerId: string): boolean {
  return selfPeerId > otherPeerId;
}

/** How long the polite side of two senders waits for the other's first offer before offering itself. */
const FIRST_OFFER_WAIT_MS = 5_000;

class PeerLink {
  readonly pc: RTCPeerConnection;
  readonly remote: RemoteMedia;
  #makingOffer = false;
  #ignoreOffer = false;
  #settingAnswer = false;
  /** Signals are applied one after another: an answer must not overtake its offer's handling. */
  #queue: Promise<void> = Promise.resolve();
  #mainStreamId: string | null = null;
  readonly senders: { mic: RTCRtpSender | null; camera: RTCRtpSender | null; screen: RTCRtpSender | null } = {
    mic: null,
    camera: null,
    screen: null,
  };

  /**
   * True while this side waits for the other's first offer before adding its own
   * transceivers: when both sides send, only the impolite one offers first, so the
   * first negotiation has no collision (collisions where both gathered ICE candidates
   * for offers that one side then rolled back left links that never connected).
   */
  waiting: boolean;

  constructor(
    readonly peerId: string,
    readonly polite: boolean,
    pc: RTCPeerConnection,
    private readonly send: (body: SignalBody) => void,
    private readonly changed: () => void,
    private readonly log: Pick<Console, 'warn'>,
    waitForOffer: boolean,
    private readonly onReady: () => void,
    private readonly onPrefer: (prefer: VideoPreference) => void,
  ) {
    this.waiting = waitForOffer;
    // Should the other side's first offer never come (lost in a move), offer after all.
    if (waitForOffer) this.#waitTimer = setTimeout(() => this.#stopWaiting(), FIRST_OFFER_WAIT_MS);
    this.pc = pc;
    this.remote = { peerId, stream: null, screen: null };
    pc.onnegotiationneeded = () => void this.#offer();
    pc.onicecandidate = ({ candidate }) => this.send({ candidate: candidate ? candidateInit(candidate) : null });
    pc.ontrack = (e) => this.#onTrack(e);
    // An ICE failure (e.g. a network change) is repaired by a restart offer from either side.
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'failed') pc.restartIce();
    };
  }

  async #offer(): Promise<void> {
    try {
      this.#makingOffer = true;
      await this.pc.setLocalDescription();
      const d = this.pc.localDescription;
      if (d) this.send({ description: { type: d.type, sdp: d.sdp } });
    } catch (err) {
      this.log.warn('media: offer failed', this.peerId, err);
    } finally {
      this.#makingOffer = false;
    }
  }

  handle(body: SignalBody): Promise<void> {
    this.#queue = this.#queue.then(() => this.#apply(body)).catch((err: unknown) => this.log.warn('media: signal failed', this.peerId, err));
    return this.#queue;
  }

  async #apply(body: SignalBody): Promise<void> {
    const pc = this.pc;
    if (pc.signalingState === 'closed') return;
    if ('prefer' in body) return this.onPrefer(body.prefer);
    if ('description' in body) {
      const description = body.description as RTCSessionDescriptionInit;
      const readyForOffer = !this.#makingOffer && (pc.signalingState === 'stable' || this.#settingAnswer);
      const collision = description.type === 'offer' && !readyForOffer;
      this.#ignoreOffer = !this.polite && collision;
      if (this.#ignoreOffer) return;
      this.#settingAnswer = description.type === 'answer';
      await pc.setRemoteDescription(description); // the polite side rolls back its own offer implicitly
      this.#settingAnswer = false;
      if (description.type === 'offer') {
        // The offer may have brought new receiving transceivers (the other side's first
        // tracks, a screen): in audio-only mode they are turned off before answering.
        this.#applyReceiveVideo();
        await pc.setLocalDescription();
        const d = pc.localDescription;
        if (d) this.send({ description: { type: d.type, sdp: d.sdp } });
        this.#stopWaiting();
      }
      return;
    }
    try {
      await pc.addIceCandidate(body.candidate ?? undefined);
    } catch (err) {
      // Candidates of an offer we ignored cannot be added; anything else is worth a warning.
      if (!this.#ignoreOffer) throw err;
    }
  }

  #onTrack(e: RTCTrackEvent): void {
    const stream = e.streams[0] ?? new MediaStream([e.track]);
    if (e.track.kind === 'audio') this.#mainStreamId ??= stream.id;
    const isMain = e.track.kind === 'audio' || this.#mainStreamId === null || stream.id === this.#mainStreamId;
    // Until audio arrives the first video is taken as the camera: senders add audio before video.
    if (isMain) {
      this.#mainStreamId ??= stream.id;
      this.remote.stream = stream;
    } else {
      this.remote.screen = stream;
    }
    e.track.addEventListener('ended', () => this.changed());
    this.changed();
  }

  /** Sends `tracks` from now on; transceivers are added the first time a source is needed. */
  async setTracks(tracks: LocalTracks, main: MediaStream, screen: MediaStream, camera: Encoding): Promise<void> {
    const ensure = (kind: 'audio' | 'video', stream: MediaStream, sendEncodings?: RTCRtpEncodingParameters[]) =>
      this.pc.addTransceiver(kind, { direction: 'sendonly', streams: [stream], ...(sendEncodings ? { sendEncodings } : {}) }).sender;
    // Audio first, then video: the receiver tells the camera from a screen by the stream its audio came in.
    this.senders.mic ??= ensure('audio', main);
    this.senders.camera ??= ensure('video', main, [camera]);
    if (tracks.screen && !this.senders.screen) this.senders.screen = ensure('video', screen);
    await Promise.all([
      this.senders.mic.replaceTrack(tracks.mic),
      this.senders.camera.replaceTrack(tracks.camera),
      this.senders.screen?.replaceTrack(tracks.screen),
    ]);
    await this.encodeCamera(camera);
  }

  /**
   * Re-encodes the camera for this link (its share of the uplink, the receiver's
   * preference). One change at a time: a setParameters invalidates the parameters
   * every other pending call got, and the browser then refuses those.
   */
  encodeCamera(camera: Encoding): Promise<void> {
    this.#encoding = this.#encoding.then(async () => {
      const sender = this.senders.camera;
      if (!sender || this.pc.signalingState === 'closed') return;
      const params = sender.getParameters();
      const [first] = params.encodings ?? [];
      if (!first || (Object.keys(camera) as (keyof Encoding)[]).every((k) => first[k] === camera[k])) return;
      params.encodings = params.encodings.map((e) => ({ ...e, ...camera }));
      // Refused while a negotiation runs: the next change (peers, tracks, preference) sets it again.
      await sender.setParameters(params).catch((err: unknown) => this.log.warn('media: encoding not applied yet', this.peerId, err));
    });
    return this.#encoding;
  }

  #encoding: Promise<void> = Promise.resolve();

  /**
   * What this side last told the other about showing its camera (M5). A new link
   * tells once in any case: the other side may still hold what an earlier link was told.
   */
  told: VideoPreference | null = null;

  #receiveVideo = true;

  /** Receive video or not (audio-only mode): the receiving video transceivers go inactive and back. */
  setReceiveVideo(on: boolean): void {
    this.#receiveVideo = on;
    this.#applyReceiveVideo();
  }

  #applyReceiveVideo(): void {
    const want = this.#receiveVideo ? 'recvonly' : 'inactive';
    for (const t of this.pc.getTransceivers()) {
      const sending = t.sender === this.senders.camera || t.sender === this.senders.screen || t.sender === this.senders.mic;
      if (sending || t.receiver.track.kind !== 'video' || t.currentDirection === 'stopped' || t.direction === want) continue;
      t.direction = want;
    }
  }

  #waitTimer: ReturnType<typeof setTimeout> | null = null;

  #stopWaiting(): void {
    if (this.#waitTimer) clearTimeout(this.#waitTimer);
    this.#waitTimer = null;
    if (!this.waiting || this.pc.signalingState === 'closed') return;
    this.waiting = false;
    this.onReady();
  }

  close(): void {
    if (this.#waitTimer) clearTimeout(this.#waitTimer);
    this.pc.onnegotiationneeded = null;
    this.pc.onicecandidate = null;
    this.pc.ontrack = null;
    this.pc.oniceconnectionstatechange = null;
    this.pc.close();
  }
}

function candidateInit(c: RTCIceCandidate) {
  const j = c.toJSON();
  return {
    candidate: j.candidate ?? '',
    sdpMid: j.sdpMid ?? null,
    sdpMLineIndex: j.sdpMLineIndex ?? null,
    usernameFragment: j.usernameFragment ?? null,
  };
}

export class MeshSession implements PlaneSession {
  readonly plane = 'mesh' as const;
  readonly #opts: MeshOptions;
  readonly #links = new Map<string, PeerLink>();
  readonly #listeners = new Set<() => void>();
  #peers: MediaPeer[] = [];
  #tracks: LocalTracks = { mic: null, camera: null, screen: null };
  #receiveVideo = true;
  #closed = false;
  /** Peers this tab shows large (M5). */
  #emphasis = new Set<string>();
  /**
   * How each receiver shows this tab's camera, by peer: kept apart from the links,
   * so a preference that arrives while a link is being replaced still counts (the
   * latest message wins; signals between two tabs keep their order).
   */
  readonly #preferences = new Map<string, VideoPreference>();
  /** One stream for microphone and camera, one for the screen: the receiver tells them apart by stream. */
  readonly #main: MediaStream;
  readonly #screen: MediaStream;

  constructor(opts: MeshOptions) {
    this.#opts = opts;
    this.#main = new MediaStream();
    this.#screen = new MediaStream();
  }

  updatePeers(peers: readonly MediaPeer[]): void {
    if (this.#closed) return;
    this.#peers = peers.filter((p) => p.peerId !== this.#opts.selfPeerId);
    const wanted = new Set(this.#peers.filter((p) => wantsLink(this.#sends(), p)).map((p) => p.peerId));
    for (const [id, link] of this.#links) {
      if (!wanted.has(id)) {
        link.close();
        this.#links.delete(id);
      }
    }
    for (const id of wanted) this.#link(id);
    void this.#applyTracks();
    this.#emit();
  }

  /** A signal from another peer; a link is made for it if the peers list has not named it yet. */
  handleSignal(signal: SignalFromPeer): void {
    if (this.#closed) return;
    const { from, roomId: _room, ...body } = signal;
    void this.#link(from).handle(body as SignalBody);
  }

  /** The tab's own rights changed (floor, talk): links follow rule M3 again. */
  setMayPublish(mayPublish: boolean): void {
    if (this.#opts.mayPublish === mayPublish) return;
    this.#opts.mayPublish = mayPublish;
    this.updatePeers(this.#peers);
  }

  async setLocalTracks(tracks: LocalTracks): Promise<void> {
    const sent = this.#sends();
    this.#tracks = tracks;
    // Starting or stopping to send changes which pairs need a link at all.
    if (sent !== this.#sends()) this.updatePeers(this.#peers);
    await this.#applyTracks();
  }

  #sends(): boolean {
    return this.#opts.mayPublish && (this.#tracks.mic !== null || this.#tracks.camera !== null || this.#tracks.screen !== null);
  }

  setAudioOnly(on: boolean): void {
    this.#receiveVideo = !on;
    for (const link of this.#links.values()) link.setReceiveVideo(this.#receiveVideo);
  }

  /** Tells each sender whether its camera is shown large here (M5); only changes are sent. */
  setEmphasis(peerIds: readonly string[]): void {
    this.#emphasis = new Set(peerIds);
    for (const link of this.#links.values()) this.#tell(link);
  }

  #tell(link: PeerLink): void {
    const prefer: VideoPreference = this.#emphasis.has(link.peerId) ? 'high' : 'low';
    if (link.told === prefer) return;
    link.told = prefer;
    void this.#opts.signal(link.peerId, { prefer });
  }

  #encoding(peerId: string): Encoding {
    return meshVideoEncoding(this.#links.size, this.#preferences.get(peerId) ?? 'low');
  }

  remotes(): ReadonlyMap<string, RemoteMedia> {
    return new Map([...this.#links].map(([id, link]) => [id, link.remote]));
  }

  onChange(listener: () => void): Disposer {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  connectionCount(): number {
    return [...this.#links.values()].filter((l) => l.pc.connectionState !== 'closed').length;
  }

  close(): void {
    this.#closed = true;
    for (const link of this.#links.values()) link.close();
    this.#links.clear();
    this.#emit();
    this.#listeners.clear();
  }

  #link(peerId: string): PeerLink {
    let link = this.#links.get(peerId);
    if (link) return link;
    const config: RTCConfiguration = { iceServers: this.#opts.iceServers as RTCIceServer[] };
    const pc = this.#opts.createPeerConnection?.(config) ?? new RTCPeerConnection(config);
    const log = this.#opts.log ?? console;
    const polite = isPolite(this.#opts.selfPeerId, peerId);
    const peer = this.#peers.find((p) => p.peerId === peerId);
    // The polite side of two senders lets the other offer first (see PeerLink.waiting);
    // a link to a peer that does not send has only one side that can offer: this one.
    const waitForOffer = polite && (peer ? wantsLink(false, peer) : true);
    link = new PeerLink(
      peerId,
      polite,
      pc,
      (body) => void this.#opts.signal(peerId, body),
      () => this.#emit(),
      log,
      waitForOffer,
      () => void this.#applyTracks(),
      (prefer) => {
        this.#preferences.set(peerId, prefer);
        const current = this.#links.get(peerId);
        if (current && this.#sends()) void current.encodeCamera(this.#encoding(peerId));
      },
    );
    this.#links.set(peerId, link);
    if (!this.#receiveVideo) link.setReceiveVideo(false);
    this.#tell(link);
    return link;
  }

  async #applyTracks(): Promise<void> {
    if (!this.#sends() || this.#closed) return;
    await Promise.all(
      [...this.#links.values()].filter((l) => !l.waiting).map((l) =>
        l.setTracks(this.#tracks, this.#main, this.#screen, this.#encoding(l.peerId)).catch((err: unknown) => (this.#opts.log ?? console).warn('media: tracks', err)),
      ),
    );
  }

  #emit(): void {
    for (const l of this.#listeners) l();
  }
}
