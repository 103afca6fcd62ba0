/**
 * Who owns what in the SFU, independent of mediasoup: peers and their room,
 * transports, producers and consumers by id. Every lookup on behalf of a peer
 * checks ownership, so a tab can only touch its own objects; a foreign id is
 * answered exactly like an unknown or closed one, `media.not_found` (no
 * probing of other peers' ids).
 *
 * Generic over the handle each entry carries (mediasoup objects in the plane,
 * plain values in tests).
 */
import { ERROR_CODES, type MediaSource } from '@mashup/shared';
import { refuse } from '../../domain/errors.js';

export interface PeerEntry {
  peerId: string;
  roomKey: string;
  /** Insertion order: the last receive transport is the one consumers ride on. */
  transports: Set<string>;
  producers: Set<string>;
  consumers: Set<string>;
}

export interface TransportEntry<T> {
  id: string;
  peerId: string;
  direction: 'send' | 'recv';
  routerId: string;
  handle: T;
}

export interface ProducerEntry<P> {
  id: string;
  peerId: string;
  roomKey: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  handle: P;
}

export interface ConsumerEntry<C> {
  id: string;
  peerId: string;
  producerId: string;
  routerId: string;
  /** Worker index of the router: consumer counts per worker drive placement. */
  worker: number;
  handle: C;
}

export interface RemovedPeer<T, P, C> {
  peer: PeerEntry;
  transports: TransportEntry<T>[];
  producers: ProducerEntry<P>[];
  consumers: ConsumerEntry<C>[];
}

export class SfuRegistry<T, P, C> {
  readonly #peers = new Map<string, PeerEntry>();
  readonly #transports = new Map<string, TransportEntry<T>>();
  readonly #producers = new Map<string, ProducerEntry<P>>();
  readonly #consumers = new Map<string, ConsumerEntry<C>>();
  readonly #consumersPerWorker = new Map<number, number>();

  addPeer(peerId: string, roomKey: string): PeerEntry {
    const entry: PeerEntry = { peerId, roomKey, transports: new Set(), producers: new Set(), consumers: new Set() };
    this.#peers.set(peerId, entry);
    return entry;
  }

  findPeer(peerId: string): PeerEntry | undefined {
    return this.#peers.get(peerId);
  }

  /** The peer, or `media.not_joined`: it never joined, left, or lost its room (worker death). */
  peer(peerId: string): PeerEntry {
    return this.#peers.get(peerId) ?? refuse(ERROR_CODES.mediaNotJoined, 'join the room’s media first');
  }

  peersIn(roomKey: string): PeerEntry[] {
    return [...this.#peers.values()].filter((p) => p.roomKey === roomKey);
  }

  /** Forgets the peer and everything it owns; returns the entries so the caller can close their handles. */
  removePeer(peerId: string): RemovedPeer<T, P, C> | null {
    const peer = this.#peers.get(peerId);
    if (!peer) return null;
    const consumers = [...peer.consumers].flatMap((id) => this.#takeConsumer(id) ?? []);
    const producers = [...peer.producers].flatMap((id) => this.removeProducer(id)?.producer ?? []);
    const transports = [...peer.transports].flatMap((id) => {
      const t = this.#transports.get(id);
      this.#transports.delete(id);
      return t ?? [];
    });
    this.#peers.delete(peerId);
    return { peer, transports, producers, consumers };
  }

  addTransport(entry: TransportEntry<T>): void {
    this.#transports.set(entry.id, entry);
    this.peer(entry.peerId).transports.add(entry.id);
  }

  /** One of the peer's own open transports, else `media.not_found`. */
  transport(peerId: string, transportId: string): TransportEntry<T> {
    this.peer(peerId);
    const t = this.#transports.get(transportId);
    return t && t.peerId === peerId ? t : refuse(ERROR_CODES.mediaNotFound, `no transport ${transportId} of this tab`);
  }

  /** The peer's newest receive transport, else `payload.invalid` (the client must create one before consuming). */
  recvTransport(peerId: string): TransportEntry<T> {
    const ids = [...this.peer(peerId).transports].reverse();
    for (const id of ids) {
      const t = this.#transports.get(id);
      if (t?.direction === 'recv') return t;
    }
    return refuse(ERROR_CODES.payloadInvalid, 'create a receive transport before consuming');
  }

  transportsOnRouter(routerId: string): TransportEntry<T>[] {
    return [...this.#transports.values()].filter((t) => t.routerId === routerId);
  }

  addProducer(entry: ProducerEntry<P>): void {
    this.#producers.set(entry.id, entry);
    this.peer(entry.peerId).producers.add(entry.id);
  }

  /** One of the peer's own open producers, else `media.not_found`. */
  producer(peerId: string, producerId: string): ProducerEntry<P> {
    this.peer(peerId);
    const p = this.#producers.get(producerId);
    return p && p.peerId === peerId ? p : refuse(ERROR_CODES.mediaNotFound, `no producer ${producerId} of this tab`);
  }

  /**
   * A producer of another peer in the room, else `media.peer_not_found`: it
   * closed (or its peer left) between the announcement and this request — a
   * normal race the client ignores.
   */
  producerInRoom(roomKey: string, producerId: string): ProducerEntry<P> {
    const p = this.#producers.get(producerId);
    return p && p.roomKey === roomKey ? p : refuse(ERROR_CODES.mediaPeerNotFound, `producer ${producerId} is gone`);
  }

  producersIn(roomKey: string): ProducerEntry<P>[] {
    return [...this.#producers.values()].filter((p) => p.roomKey === roomKey);
  }

  /** Forgets a producer and every consumer of it (mediasoup closes those consumers itself). */
  removeProducer(producerId: string): { producer: ProducerEntry<P>; consumers: ConsumerEntry<C>[] } | null {
    const producer = this.#producers.get(producerId);
    if (!producer) return null;
    this.#producers.delete(producerId);
    this.#peers.get(producer.peerId)?.producers.delete(producerId);
    const consumers = [...this.#consumers.values()]
      .filter((c) => c.producerId === producerId)
      .flatMap((c) => this.#takeConsumer(c.id) ?? []);
    return { producer, consumers };
  }

  addConsumer(entry: ConsumerEntry<C>): void {
    this.#consumers.set(entry.id, entry);
    this.peer(entry.peerId).consumers.add(entry.id);
    this.#consumersPerWorker.set(entry.worker, (this.#consumersPerWorker.get(entry.worker) ?? 0) + 1);
  }

  /**
   * One of the peer's own open consumers, else `media.not_found`. A consumer
   * closes with its producer, so a pause or resume racing a producer's close
   * lands here: a normal race the client ignores, unlike a malformed request.
   */
  consumer(peerId: string, consumerId: string): ConsumerEntry<C> {
    this.peer(peerId);
    const c = this.#consumers.get(consumerId);
    return c && c.peerId === peerId ? c : refuse(ERROR_CODES.mediaNotFound, `no consumer ${consumerId} of this tab`);
  }

  /** A consumer closed by mediasoup (its producer or transport closed): idempotent. */
  removeConsumer(consumerId: string): void {
    this.#takeConsumer(consumerId);
  }

  consumersOnWorker(worker: number): number {
    return this.#consumersPerWorker.get(worker) ?? 0;
  }

  #takeConsumer(id: string): ConsumerEntry<C> | null {
    const c = this.#consumers.get(id);
    if (!c) return null;
    this.#consumers.delete(id);
    this.#peers.get(c.peerId)?.consumers.delete(id);
    this.#consumersPerWorker.set(c.worker, (this.#consumersPerWorker.get(c.worker) ?? 1) - 1);
    return c;
  }
}
