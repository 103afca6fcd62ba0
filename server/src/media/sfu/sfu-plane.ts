/**
 * The SFU plane on mediasoup (docs/PROTOCOL.md section 11): a router per room
 * on a pool of workers, a send and a receive WebRTC transport per tab,
 * consumers created paused and resumed once the client has wired them up.
 *
 * Ownership and bookkeeping live in SfuRegistry, placement in placement.ts,
 * a room's routers and pipes in SfuRoom; this class is the shell that calls
 * mediasoup in the right order and re-checks state after every await (a peer
 * may leave, or a worker die, while mediasoup works).
 */
import {
  ERROR_CODES,
  type MediaSource,
  type SfuConsumerInfo,
  type SfuIceRestartInfo,
  type SfuProducerPush,
  type SfuTransportInfo,
} from '@mashup/shared';
import { refuse } from '../../domain/errors.js';
import type { MediaLog } from '../log.js';
import type { SfuPeerRef, SfuPlane } from '../plane.js';
import { placeReceiver, leastLoadedWorker, type WorkerLoad } from './placement.js';
import { SfuRegistry, type ProducerEntry } from './registry.js';
import { SfuRoom, type RouterSlot } from './rooms.js';
import { MEDIA_CODECS, webRtcTransportOptions, type SfuSettings } from './settings.js';
import type { DtlsParameters, MsConsumer, MsProducer, MsRouter, MsWebRtcTransport, RtpCapabilities, RtpParameters } from './surface.js';
import type { WorkerPool } from './workers.js';

export type ProducerListener = (roomKey: string, push: SfuProducerPush) => void;
/** Peers whose media died with a worker: they must `media:join` again (the gateway tells them). */
export type PeersLostListener = (roomKey: string, peerIds: string[]) => void;

/**
 * mediasoup validates the parameter objects it is handed and throws TypeError
 * for malformed ones (in Node or from the worker): that is the client's fault,
 * answered as `payload.invalid`; anything else is ours and stays an error.
 */
async function clientParams<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof TypeError) refuse(ERROR_CODES.payloadInvalid, err.message);
    throw err;
  }
}

/**
 * A request on a consumer or transport that may close while mediasoup works on
 * it (its producer closed, the tab left, the router went): the worker then
 * answers with an error of its own. That is the same normal race as an id that
 * closed just before, so it gets the same answer, `media.not_found`.
 */
async function whileOpen<T>(handle: { readonly closed: boolean }, what: string, run: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (err) {
    if (handle.closed) refuse(ERROR_CODES.mediaNotFound, `${what} closed meanwhile`);
    throw err;
  }
  if (handle.closed) refuse(ERROR_CODES.mediaNotFound, `${what} closed meanwhile`);
  return result;
}

/** mediasoup's parameter objects as the protocol's opaque records (a shallow copy: they travel as JSON). */
const record = (value: object): Record<string, unknown> => Object.assign({} as Record<string, unknown>, value);

export class MediasoupSfuPlane implements SfuPlane {
  readonly kind = 'sfu' as const;
  readonly #pool: WorkerPool;
  readonly #settings: SfuSettings;
  readonly #log: MediaLog;
  readonly #reg = new SfuRegistry<MsWebRtcTransport, MsProducer, MsConsumer>();
  readonly #rooms = new Map<string, SfuRoom>();
  readonly #opening = new Map<string, Promise<SfuRoom>>();
  readonly #producerListeners: ProducerListener[] = [];
  readonly #lostListeners: PeersLostListener[] = [];

  constructor(pool: WorkerPool, settings: SfuSettings, log: MediaLog) {
    this.#pool = pool;
    this.#settings = settings;
    this.#log = log;
    pool.onDeath((worker) => this.#workerDied(worker));
  }

  get workers(): number {
    return this.#pool.size;
  }

  async join(peer: SfuPeerRef): Promise<{ routerRtpCapabilities: Record<string, unknown> }> {
    const known = this.#reg.findPeer(peer.peerId);
    if (known && known.roomKey !== peer.roomKey) await this.leave(peer.peerId);
    // The room may close (its last peer left, its worker died) while we wait for
    // it to open; then open it again, once.
    for (let attempt = 0; attempt < 2; attempt++) {
      const room = await this.#room(peer.roomKey);
      if (this.#rooms.get(peer.roomKey) !== room) continue;
      if (this.#reg.findPeer(peer.peerId)?.roomKey !== peer.roomKey) this.#reg.addPeer(peer.peerId, peer.roomKey);
      return { routerRtpCapabilities: record(room.origin.router.rtpCapabilities) };
    }
    return refuse(ERROR_CODES.mediaUnavailable, 'the room’s media server restarted; try again');
  }

  async leave(peerId: string): Promise<void> {
    const removed = this.#reg.removePeer(peerId);
    if (!removed) return;
    // Closing a transport closes its producers and consumers in mediasoup.
    for (const t of removed.transports) t.handle.close();
    for (const p of removed.producers) this.#producerClosed(p);
    const room = this.#rooms.get(removed.peer.roomKey);
    if (room && this.#reg.peersIn(room.roomKey).length === 0) {
      this.#rooms.delete(room.roomKey);
      room.close();
    }
  }

  async createTransport(peerId: string, direction: 'send' | 'recv'): Promise<SfuTransportInfo> {
    const peer = this.#reg.peer(peerId);
    const room = this.#joinedRoom(peer.roomKey);
    const slot = direction === 'send' ? room.origin : await this.#receiverRouter(room);
    const transport = await slot.router.createWebRtcTransport({
      ...webRtcTransportOptions(this.#settings),
      appData: { peerId, direction },
    });
    if (this.#reg.findPeer(peerId) !== peer || slot.router.closed) {
      transport.close();
      return refuse(ERROR_CODES.mediaNotJoined, 'left the room’s media meanwhile');
    }
    this.#reg.addTransport({ id: transport.id, peerId, direction, routerId: slot.router.id, handle: transport });
    return {
      id: transport.id,
      iceParameters: record(transport.iceParameters),
      iceCandidates: transport.iceCandidates.map(record),
      dtlsParameters: record(transport.dtlsParameters),
    };
  }

  async connectTransport(peerId: string, transportId: string, dtlsParameters: Record<string, unknown>): Promise<void> {
    const t = this.#reg.transport(peerId, transportId);
    // Wire data, checked by mediasoup (clientParams); the cast only names the type it checks against.
    await clientParams(() => t.handle.connect({ dtlsParameters: dtlsParameters as unknown as DtlsParameters }));
  }

  async produce(
    peerId: string,
    transportId: string,
    kind: 'audio' | 'video',
    rtpParameters: Record<string, unknown>,
    source: MediaSource,
  ): Promise<{ producerId: string }> {
    const t = this.#reg.transport(peerId, transportId);
    if (t.direction !== 'send') refuse(ERROR_CODES.payloadInvalid, 'produce on the send transport');
    if ((source === 'mic') !== (kind === 'audio')) refuse(ERROR_CODES.payloadInvalid, `${source} is not ${kind}`);
    const producer = await clientParams(() =>
      t.handle.produce({
        kind,
        rtpParameters: rtpParameters as unknown as RtpParameters,
        appData: { peerId, source },
      }),
    );
    const peer = this.#reg.findPeer(peerId);
    if (!peer || producer.closed) {
      producer.close();
      return refuse(ERROR_CODES.mediaNotJoined, 'left the room’s media meanwhile');
    }
    const entry: ProducerEntry<MsProducer> = { id: producer.id, peerId, roomKey: peer.roomKey, kind, source, handle: producer };
    this.#reg.addProducer(entry);
    this.#announce(entry, false);
    return { producerId: producer.id };
  }

  async closeProducer(peerId: string, producerId: string): Promise<void> {
    const p = this.#reg.producer(peerId, producerId);
    p.handle.close();
    this.#producerClosed(p);
  }

  async consume(peerId: string, producerId: string, rtpCapabilities: Record<string, unknown>): Promise<SfuConsumerInfo> {
    const peer = this.#reg.peer(peerId);
    const room = this.#joinedRoom(peer.roomKey);
    const producer = this.#reg.producerInRoom(peer.roomKey, producerId);
    if (producer.peerId === peerId) refuse(ERROR_CODES.payloadInvalid, 'a tab does not consume its own producer');
    const t = this.#reg.recvTransport(peerId);
    const slot = room.router(t.routerId) ?? refuse(ERROR_CODES.mediaNotJoined, 'the receive transport’s router is gone');
    await room.ensurePiped(producerId, slot);
    const caps = rtpCapabilities as unknown as RtpCapabilities;
    // canConsume validates the capabilities itself and answers false for malformed ones.
    if (!slot.router.canConsume({ producerId, rtpCapabilities: caps })) {
      refuse(ERROR_CODES.payloadInvalid, 'these RTP capabilities cannot receive this producer');
    }
    const consumer = await clientParams(() =>
      t.handle.consume({ producerId, rtpCapabilities: caps, paused: true, appData: { peerId } }),
    );
    // The producer may have closed, or the peer left, while the consumer was created.
    if (consumer.closed || this.#reg.findPeer(peerId) !== peer || t.handle.closed) {
      consumer.close();
      return refuse(ERROR_CODES.mediaPeerNotFound, `producer ${producerId} is gone`);
    }
    this.#reg.addConsumer({
      id: consumer.id,
      peerId,
      producerId,
      routerId: slot.router.id,
      worker: slot.worker,
      handle: consumer,
    });
    consumer.observer.on('close', () => this.#reg.removeConsumer(consumer.id));
    return {
      consumerId: consumer.id,
      producerId,
      peerId: producer.peerId,
      kind: consumer.kind,
      source: producer.source,
      rtpParameters: record(consumer.rtpParameters),
    };
  }

  async resume(peerId: string, consumerId: string): Promise<void> {
    const c = this.#reg.consumer(peerId, consumerId).handle;
    // mediasoup asks the sender for a key frame when a video consumer resumes: the picture returns at once.
    await whileOpen(c, `consumer ${consumerId}`, () => c.resume());
  }

  async pause(peerId: string, consumerId: string): Promise<void> {
    const c = this.#reg.consumer(peerId, consumerId).handle;
    await whileOpen(c, `consumer ${consumerId}`, () => c.pause());
  }

  async setLayers(peerId: string, consumerId: string, spatialLayer: number): Promise<void> {
    const c = this.#reg.consumer(peerId, consumerId).handle;
    // Only simulcast/SVC video has layers (audio and a screen share are simple consumers).
    if (c.type !== 'simulcast' && c.type !== 'svc') return;
    await whileOpen(c, `consumer ${consumerId}`, () => c.setPreferredLayers({ spatialLayer }));
  }

  async restartIce(peerId: string, transportId: string): Promise<SfuIceRestartInfo> {
    const t = this.#reg.transport(peerId, transportId).handle;
    const iceParameters = await whileOpen(t, `transport ${transportId}`, () => t.restartIce());
    return { iceParameters: record(iceParameters) };
  }

  producers(roomKey: string): SfuProducerPush[] {
    return this.#reg.producersIn(roomKey).map((p) => push(p, false));
  }

  onProducer(listener: ProducerListener): void {
    this.#producerListeners.push(listener);
  }

  onPeersLost(listener: PeersLostListener): void {
    this.#lostListeners.push(listener);
  }

  async close(): Promise<void> {
    for (const room of this.#rooms.values()) room.close();
    this.#rooms.clear();
    this.#pool.close();
  }

  // ------------------------------------------------------------ internals

  #joinedRoom(roomKey: string): SfuRoom {
    return this.#rooms.get(roomKey) ?? refuse(ERROR_CODES.mediaNotJoined, 'join the room’s media first');
  }

  #loads(): WorkerLoad[] {
    const routers = new Map<number, number>();
    for (const room of this.#rooms.values()) {
      for (const s of room.routers()) routers.set(s.worker, (routers.get(s.worker) ?? 0) + 1);
    }
    return Array.from({ length: this.#pool.size }, (_, worker) => ({
      worker,
      alive: this.#pool.alive(worker),
      routers: routers.get(worker) ?? 0,
      consumers: this.#reg.consumersOnWorker(worker),
    }));
  }

  #room(roomKey: string): Promise<SfuRoom> {
    const open = this.#rooms.get(roomKey);
    if (open) return Promise.resolve(open);
    let pending = this.#opening.get(roomKey);
    if (!pending) {
      pending = this.#openRoom(roomKey).finally(() => this.#opening.delete(roomKey));
      this.#opening.set(roomKey, pending);
    }
    return pending;
  }

  async #openRoom(roomKey: string): Promise<SfuRoom> {
    const worker = leastLoadedWorker(this.#loads());
    if (worker === null) return refuse(ERROR_CODES.mediaUnavailable, 'no media worker is running');
    const router = await this.#createRouter(worker, roomKey);
    const room = new SfuRoom({ router, worker, roomKey });
    this.#rooms.set(roomKey, room);
    return room;
  }

  #createRouter(worker: number, roomKey: string): Promise<MsRouter> {
    const w = this.#pool.worker(worker) ?? refuse(ERROR_CODES.mediaUnavailable, 'the media worker is restarting');
    return w.createRouter({ mediaCodecs: MEDIA_CODECS, appData: { roomKey } });
  }

  async #receiverRouter(room: SfuRoom): Promise<RouterSlot> {
    const placement = placeReceiver(
      room.routers().map((s) => ({ routerId: s.router.id, worker: s.worker })),
      this.#loads(),
      this.#settings.consumersPerWorker,
    );
    if (placement === null) return refuse(ERROR_CODES.mediaUnavailable, 'no media worker is running');
    if (placement.kind === 'existing') return room.router(placement.routerId) ?? room.origin;
    const slot = await room.overflowOn(placement.worker, () => this.#createRouter(placement.worker, room.roomKey));
    if (this.#rooms.get(room.roomKey) !== room) {
      slot.router.close();
      return refuse(ERROR_CODES.mediaNotJoined, 'the room’s media closed meanwhile');
    }
    this.#log.info({ room: room.roomKey, worker: placement.worker }, 'sfu: room overflows to another worker');
    return slot;
  }

  #producerClosed(p: ProducerEntry<MsProducer>): void {
    // removeProducer is idempotent: leave() has already taken its entries out.
    this.#reg.removeProducer(p.id);
    this.#rooms.get(p.roomKey)?.forgetProducer(p.id);
    this.#announce(p, true);
  }

  #announce(p: ProducerEntry<MsProducer>, closed: boolean): void {
    for (const l of this.#producerListeners) {
      try {
        l(p.roomKey, push(p, closed));
      } catch (err) {
        // A listener's failure must not leave the SFU's own state half-updated.
        this.#log.error({ err: (err as Error).message, producerId: p.id }, 'sfu: producer listener failed');
      }
    }
  }

  /** mediasoup closed every router of the dead worker: forget them and the peers that used them. */
  #workerDied(worker: number): void {
    for (const room of [...this.#rooms.values()]) {
      const dead = room.routers().filter((s) => s.worker === worker);
      if (dead.length === 0) continue;
      const originDied = dead.includes(room.origin);
      const lost = originDied
        ? this.#reg.peersIn(room.roomKey).map((p) => p.peerId)
        : [...new Set(dead.flatMap((s) => this.#reg.transportsOnRouter(s.router.id).map((t) => t.peerId)))];
      if (originDied) this.#rooms.delete(room.roomKey);
      else for (const s of dead) room.dropOverflow(s.router.id);
      for (const peerId of lost) void this.leave(peerId);
      if (originDied) room.close();
      this.#log.warn({ room: room.roomKey, worker, peers: lost.length }, 'sfu: peers lost their media with a worker');
      for (const l of this.#lostListeners) {
        try {
          l(room.roomKey, lost);
        } catch (err) {
          this.#log.error({ err: (err as Error).message }, 'sfu: peers-lost listener failed');
        }
      }
    }
  }
}

function push(p: ProducerEntry<MsProducer>, closed: boolean): SfuProducerPush {
  return { producerId: p.id, peerId: p.peerId, kind: p.kind, source: p.source, closed };
}

