/**
 * The SFU plane in the browser (mediasoup-client): one Device per room visit,
 * a receive transport from the start and a send transport when the tab first
 * sends. Every producer of another peer is consumed: the ones open at join
 * (from the join reply) and later ones from `media:sfu:producer` pushes. The
 * server creates consumers paused; we resume them once mediasoup-client has
 * wired the track, so no early keyframe is lost — except video while the tab
 * is audio only: those stay paused on the server, which then sends none
 * (rule M6). A transport whose connection fails gets new ICE credentials
 * from the server (rule M7, ice-restart.ts).
 *
 * The decisions (what to consume, which layer, how to send) are in
 * sfu-session-plan.ts; this class does the I/O in the right order.
 */
import { Device, type types } from 'mediasoup-client';
import {
  ERROR_CODES,
  type Ack,
  type IceServer,
  type MediaJoinReply,
  type MediaPeer,
  type MediaSource,
  type SfuProducerPush,
  type SfuTransportInfo,
} from '@mashup/shared';
import { systemClock, type Clock, type Disposer } from '../clock.js';
import type { RealtimeTransport } from '../socket-client.js';
import { IceRestarter } from './ice-restart.js';
import {
  CAMERA_ENCODINGS,
  MIC_CODEC_OPTIONS,
  SCREEN_ENCODINGS,
  applyProducerPush,
  groupTracks,
  isMediaSource,
  layerChanges,
  pauseChanges,
  producersToConsume,
  sendSteps,
} from './sfu-session-plan.js';
import type { LocalTracks, PlaneSession, RemoteMedia } from './types.js';

/** The join reply; `producers` lists the room's open producers (what a joining tab consumes first). */
export type SfuJoinReply = MediaJoinReply & { producers?: readonly SfuProducerPush[] };

/** The two calls the session makes on the socket (RealtimeTransport's own). */
export type SfuSignalling = Pick<RealtimeTransport, 'request' | 'on'>;

export interface SfuSessionOptions {
  /** For tests: a Device with mediasoup-client's FakeHandler. */
  createDevice?: () => Device;
  /** Reports what the person cannot act on (a failed consume, a refused produce). */
  log?: Pick<Console, 'warn'>;
  /** For tests: the MediaStream constructor. */
  createStream?: (tracks: MediaStreamTrack[]) => MediaStream;
  /** Timers (ICE restarts); tests pass a manual clock. */
  clock?: Clock;
}

interface Received {
  consumer: types.Consumer;
  peerId: string;
  source: MediaSource;
  /** The server's consumer as last confirmed: created paused (see pauseChanges). */
  serverPaused: boolean;
}

/** Resolves an ack or throws with its code (the one error path of the async steps below). */
function unwrap<T>(ack: Ack<T>): T {
  if (ack.ok) return ack.data;
  throw Object.assign(new Error(ack.error.message), { code: ack.error.code });
}

const codeOf = (err: unknown): unknown => (err as { code?: unknown } | null)?.code;

export class SfuSession implements PlaneSession {
  readonly plane = 'sfu' as const;
  readonly #signal: SfuSignalling;
  readonly #selfPeerId: string;
  readonly #iceServers: IceServer[];
  readonly #device: Device;
  readonly #log: Pick<Console, 'warn'>;
  readonly #createStream: (tracks: MediaStreamTrack[]) => MediaStream;
  readonly #clock: Clock;
  readonly #listeners = new Set<() => void>();
  readonly #offPush: Disposer;
  #recv: types.Transport | null = null;
  #send: types.Transport | null = null;
  #sendOpening: Promise<types.Transport> | null = null;
  #known = new Map<string, SfuProducerPush>();
  /** producerId → consumer (or null while `media:sfu:consume` is under way). */
  readonly #received = new Map<string, Received | null>();
  readonly #producers = new Map<MediaSource, types.Producer>();
  #sending: Record<MediaSource, MediaStreamTrack | null> = { mic: null, camera: null, screen: null };
  /** consumerId → the layer last asked for. */
  readonly #asked = new Map<string, number>();
  #emphasis = new Set<string>();
  #audioOnly = false;
  #peers = new Set<string>();
  #remotes = new Map<string, RemoteMedia>();
  /** setLocalTracks calls run one after another: a produce must finish before its source is closed. */
  #sendQueue: Promise<void> = Promise.resolve();
  /**
   * Pause and resume requests go one at a time, in order: two in flight for one
   * consumer could be handled by the server in either order (rule M6).
   */
  #pauseQueue: Promise<void> = Promise.resolve();
  /** One per open transport; each owns a timer. */
  readonly #iceRestarters = new Set<IceRestarter>();
  #closed = false;

  /** Loads the device with the router's capabilities, opens the receive transport and consumes what is open. */
  static async start(reply: SfuJoinReply, signal: SfuSignalling, options: SfuSessionOptions = {}): Promise<SfuSession> {
    const session = new SfuSession(reply, signal, options);
    try {
      await session.#open(reply);
    } catch (err) {
      session.close();
      throw err;
    }
    return session;
  }

  constructor(reply: SfuJoinReply, signal: SfuSignalling, options: SfuSessionOptions = {}) {
    this.#signal = signal;
    this.#selfPeerId = reply.self.peerId;
    this.#iceServers = reply.iceServers;
    this.#device = options.createDevice ? options.createDevice() : new Device();
    this.#log = options.log ?? console;
    this.#createStream = options.createStream ?? ((tracks) => new MediaStream(tracks));
    this.#clock = options.clock ?? systemClock;
    this.#peers = new Set(reply.peers.map((p) => p.peerId));
    // Listen before the first await: a producer opened while we load must not be missed.
    this.#offPush = signal.on('media:sfu:producer', (push) => this.#onProducer(push));
    for (const p of reply.producers ?? []) this.#known = applyProducerPush(this.#known, p);
  }

  updatePeers(peers: readonly MediaPeer[]): void {
    const next = new Set(peers.map((p) => p.peerId));
    // Only peers that were here and are gone: a push may name a peer before the peer list does.
    const gone = [...this.#peers].filter((id) => !next.has(id));
    this.#peers = next;
    if (gone.length === 0) return;
    for (const [producerId, r] of this.#received) {
      if (r && gone.includes(r.peerId)) this.#dropConsumer(producerId);
    }
    this.#rebuild();
  }

  setLocalTracks(tracks: LocalTracks): Promise<void> {
    const run = this.#sendQueue.then(() => this.#applyTracks(tracks));
    // The queue continues after a failure; the caller still sees it.
    this.#sendQueue = run.catch(() => undefined);
    return run;
  }

  setAudioOnly(on: boolean): void {
    if (this.#audioOnly === on) return;
    this.#audioOnly = on;
    // Here the track stops decoding at once; the server stops sending once it has the pauses.
    for (const r of this.#received.values()) {
      if (r?.consumer.kind !== 'video') continue;
      if (on) r.consumer.pause();
      else r.consumer.resume();
    }
    void this.#syncPauses();
    this.#rebuild();
  }

  setEmphasis(peerIds: readonly string[]): void {
    this.#emphasis = new Set(peerIds);
    void this.#requestLayers();
  }

  remotes(): ReadonlyMap<string, RemoteMedia> {
    return this.#remotes;
  }

  onChange(listener: () => void): Disposer {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  connectionCount(): number {
    return [this.#recv, this.#send].filter((t) => t !== null && !t.closed).length;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#offPush();
    for (const ice of this.#iceRestarters) ice.dispose();
    this.#iceRestarters.clear();
    // Closing a transport closes its producers and consumers here; the server's side
    // goes with `media:leave` (or the next `media:join`), which the MediaSession sends.
    this.#send?.close();
    this.#recv?.close();
    this.#received.clear();
    this.#producers.clear();
    this.#remotes = new Map();
    this.#emit();
  }

  // ------------------------------------------------------------ opening

  async #open(reply: SfuJoinReply): Promise<void> {
    const caps = reply.routerRtpCapabilities;
    if (!caps) throw new Error('the SFU join reply has no router RTP capabilities');
    // Server data: mediasoup's own router.rtpCapabilities, passed through as a record.
    await this.#device.load({ routerRtpCapabilities: caps as unknown as types.RtpCapabilities });
    this.#recv = await this.#transport('recv');
    this.#consumeNew();
  }

  async #transport(direction: 'send' | 'recv'): Promise<types.Transport> {
    const info = unwrap(await this.#signal.request('media:sfu:transport', { direction }));
    if (this.#closed) throw new Error('closed');
    const options = transportOptions(info, this.#iceServers);
    const transport =
      direction === 'send' ? this.#device.createSendTransport(options) : this.#device.createRecvTransport(options);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.#signal
        .request('media:sfu:connect', { transportId: transport.id, dtlsParameters: { ...dtlsParameters } })
        .then(unwrap)
        .then(() => callback(), errback);
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        const source = appData['source'];
        if (!isMediaSource(source)) {
          errback(new Error('producer without a source'));
          return;
        }
        this.#signal
          .request('media:sfu:produce', { transportId: transport.id, kind, rtpParameters: { ...rtpParameters }, source })
          .then(unwrap)
          .then(({ producerId }) => callback({ id: producerId }), errback);
      });
    }
    const ice = new IceRestarter({
      clock: this.#clock,
      restart: () => this.#restartIce(transport),
      onGiveUp: () => this.#log.warn(`media: the ${direction} connection to the media server did not come back`),
      onError: (err) => this.#log.warn(`media: ICE restart of the ${direction} transport failed: ${(err as Error).message}`),
    });
    this.#iceRestarters.add(ice);
    transport.observer.on('close', () => {
      ice.dispose();
      this.#iceRestarters.delete(ice);
    });
    transport.on('connectionstatechange', (state) => {
      ice.onState(state);
      this.#emit();
    });
    return transport;
  }

  /** Rule M7: new ICE credentials from the server, handed to the transport; false when there is nothing to restart. */
  async #restartIce(transport: types.Transport): Promise<boolean> {
    const ack = await this.#signal.request('media:sfu:restartIce', { transportId: transport.id });
    if (this.#closed || transport.closed) return false;
    // The server no longer has the transport, or this tab in the room: the tab joins again when told (rule M1).
    if (!ack.ok && (ack.error.code === ERROR_CODES.mediaNotFound || ack.error.code === ERROR_CODES.mediaNotJoined)) return false;
    const { iceParameters } = unwrap(ack);
    // Server data: mediasoup's webRtcTransport.restartIce() result, passed through as a record.
    await transport.restartIce({ iceParameters: iceParameters as unknown as types.IceParameters });
    return true;
  }

  #sendTransport(): Promise<types.Transport> {
    if (this.#send) return Promise.resolve(this.#send);
    if (!this.#sendOpening) {
      const opening = this.#transport('send').then((t) => {
        this.#send = t;
        return t;
      });
      // A failed opening is retried by the next send.
      opening.catch(() => (this.#sendOpening = null));
      this.#sendOpening = opening;
    }
    return this.#sendOpening;
  }

  // ------------------------------------------------------------ sending

  async #applyTracks(tracks: LocalTracks): Promise<void> {
    const wanted: Record<MediaSource, MediaStreamTrack | null> = { mic: tracks.mic, camera: tracks.camera, screen: tracks.screen };
    for (const step of sendSteps(this.#sending, wanted)) {
      if (this.#closed) return;
      const producer = this.#producers.get(step.source);
      if (step.op === 'close') {
        this.#producers.delete(step.source);
        this.#sending[step.source] = null;
        if (producer) {
          producer.close();
          unwrap(await this.#signal.request('media:sfu:closeProducer', { producerId: producer.id }));
        }
      } else if (step.op === 'replace' && producer) {
        await producer.replaceTrack({ track: step.track });
        this.#sending[step.source] = step.track;
      } else {
        await this.#produce(step.source, step.track);
      }
    }
  }

  async #produce(source: MediaSource, track: MediaStreamTrack): Promise<void> {
    const kind = source === 'mic' ? 'audio' : 'video';
    if (!this.#device.canProduce(kind)) {
      this.#log.warn(`media: this browser cannot send ${kind} to the server`);
      return;
    }
    const transport = await this.#sendTransport();
    const options: types.ProducerOptions = {
      track,
      // The MediaSession owns the capture: closing a producer must not stop the camera.
      stopTracks: false,
      appData: { source },
    };
    if (source === 'camera') options.encodings = CAMERA_ENCODINGS;
    if (source === 'screen') options.encodings = SCREEN_ENCODINGS;
    if (source === 'mic') options.codecOptions = { ...MIC_CODEC_OPTIONS };
    const producer = await transport.produce(options);
    if (this.#closed) {
      producer.close();
      return;
    }
    this.#producers.set(source, producer);
    this.#sending[source] = track;
  }

  // ------------------------------------------------------------ receiving

  #onProducer(push: SfuProducerPush): void {
    if (this.#closed || push.peerId === this.#selfPeerId) return;
    this.#known = applyProducerPush(this.#known, push);
    if (push.closed) {
      this.#dropConsumer(push.producerId);
      this.#rebuild();
    } else if (this.#recv) {
      this.#consumeNew();
    }
  }

  #consumeNew(): void {
    for (const p of producersToConsume(this.#known.values(), this.#selfPeerId, new Set(this.#received.keys()))) {
      this.#received.set(p.producerId, null);
      this.#consume(p).catch((err: unknown) => {
        if (this.#received.get(p.producerId) === null) this.#received.delete(p.producerId);
        // The producer closed between its announcement and our request: nothing to show.
        if (codeOf(err) === ERROR_CODES.mediaPeerNotFound || this.#closed) return;
        this.#log.warn(`media: could not receive ${p.source} of ${p.peerId}: ${(err as Error).message}`);
      });
    }
  }

  async #consume(p: SfuProducerPush): Promise<void> {
    const recv = this.#recv;
    if (!recv) return;
    const info = unwrap(
      await this.#signal.request('media:sfu:consume', {
        producerId: p.producerId,
        rtpCapabilities: { ...this.#device.recvRtpCapabilities },
      }),
    );
    const consumer = await recv.consume({
      id: info.consumerId,
      producerId: info.producerId,
      kind: info.kind,
      // Server data: mediasoup's consumer.rtpParameters, passed through as a record.
      rtpParameters: info.rtpParameters as unknown as types.RtpParameters,
    });
    // Closed, or the producer closed, while we were consuming: let it go.
    if (this.#closed || !this.#known.has(p.producerId) || this.#received.get(p.producerId) !== null) {
      consumer.close();
      return;
    }
    this.#received.set(p.producerId, { consumer, peerId: info.peerId, source: info.source, serverPaused: true });
    if (this.#audioOnly && consumer.kind === 'video') consumer.pause();
    // Resumes it on the server, unless it is video and the tab is audio only.
    await this.#syncPauses();
    this.#rebuild();
    await this.#requestLayers();
  }

  /** Brings the server's pause state of every consumer to what the tab shows (rule M6); never rejects. */
  #syncPauses(): Promise<void> {
    const run = this.#pauseQueue.then(() => this.#applyPauses());
    this.#pauseQueue = run.catch((err: unknown) => this.#log.warn('media: pausing consumers failed', err));
    return this.#pauseQueue;
  }

  async #applyPauses(): Promise<void> {
    // Worked out when the request's turn comes: a later toggle supersedes an earlier one.
    const received = [...this.#received.values()].flatMap((r) => (r ? [r] : []));
    const entries = received.map((r) => ({ consumerId: r.consumer.id, kind: r.consumer.kind, serverPaused: r.serverPaused }));
    for (const { consumerId, paused } of pauseChanges(entries, this.#audioOnly)) {
      if (this.#closed) return;
      const r = received.find((x) => x.consumer.id === consumerId);
      if (!r || r.consumer.closed) continue;
      const ack = await this.#signal.request(paused ? 'media:sfu:pause' : 'media:sfu:resume', { consumerId });
      if (ack.ok) r.serverPaused = paused;
      // media.not_found: its producer closed meanwhile, and the push saying so is on its way.
      else if (ack.error.code !== ERROR_CODES.mediaNotFound && !this.#closed) {
        this.#log.warn(`media: could not ${paused ? 'pause' : 'resume'} ${r.source} of ${r.peerId}: ${ack.error.message}`);
      }
    }
  }

  #dropConsumer(producerId: string): void {
    const r = this.#received.get(producerId);
    this.#received.delete(producerId);
    if (!r) return;
    this.#asked.delete(r.consumer.id);
    r.consumer.close();
  }

  async #requestLayers(): Promise<void> {
    const consumers = [...this.#received.values()].flatMap((r) =>
      r ? [{ consumerId: r.consumer.id, peerId: r.peerId, source: r.source }] : [],
    );
    for (const change of layerChanges(consumers, this.#emphasis, this.#asked)) {
      this.#asked.set(change.consumerId, change.spatialLayer);
      const ack = await this.#signal.request('media:sfu:layers', change);
      // Not fatal: the consumer keeps the layer it has.
      if (!ack.ok) this.#asked.delete(change.consumerId);
    }
  }

  #rebuild(): void {
    const received = [...this.#received.values()].flatMap((r) =>
      r ? [{ peerId: r.peerId, source: r.source, kind: r.consumer.kind, track: r.consumer.track }] : [],
    );
    const next = new Map<string, RemoteMedia>();
    for (const [peerId, g] of groupTracks(received, this.#audioOnly)) {
      const before = this.#remotes.get(peerId);
      next.set(peerId, {
        peerId,
        stream: this.#streamOf(before?.stream ?? null, g.media),
        screen: this.#streamOf(before?.screen ?? null, g.screen),
      });
    }
    this.#remotes = next;
    this.#emit();
  }

  /** The same stream while its tracks stay the same: a new object would restart the tile's <video>. */
  #streamOf(before: MediaStream | null, tracks: MediaStreamTrack[]): MediaStream | null {
    if (tracks.length === 0) return null;
    if (before && sameTracks(before.getTracks(), tracks)) return before;
    return this.#createStream(tracks);
  }

  #emit(): void {
    for (const l of this.#listeners) l();
  }
}

function sameTracks(a: readonly MediaStreamTrack[], b: readonly MediaStreamTrack[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}

/** The server's transport info as mediasoup-client takes it (mediasoup's own objects, passed through). */
function transportOptions(info: SfuTransportInfo, iceServers: IceServer[]): types.TransportOptions {
  return {
    id: info.id,
    iceParameters: info.iceParameters as unknown as types.IceParameters,
    iceCandidates: info.iceCandidates as unknown as types.IceCandidate[],
    dtlsParameters: info.dtlsParameters as unknown as types.DtlsParameters,
    iceServers: iceServers.map((s) => ({ ...s })),
  };
}
