/**
 * A room's routers: the origin (where its producers live, on the least-loaded
 * worker when the room opens) and overflow routers on other workers for
 * receivers once the origin's worker is full. Producers reach an overflow
 * router through `pipeToRouter`, once per producer and router; mediasoup keeps
 * the producer id on the piped copy, so consumers name the same id everywhere.
 */
import type { MsRouter } from './surface.js';
import { PIPE_LISTEN_INFO } from './settings.js';

export interface RouterSlot {
  router: MsRouter;
  worker: number;
  roomKey: string;
}

export class SfuRoom {
  readonly roomKey: string;
  readonly origin: RouterSlot;
  readonly #overflow = new Map<string, RouterSlot>();
  /** Overflow routers being opened, by worker: concurrent receivers share one. */
  readonly #opening = new Map<number, Promise<RouterSlot>>();
  /** routerId → producerId → the pipe in flight or done. */
  readonly #piped = new Map<string, Map<string, Promise<void>>>();

  constructor(origin: RouterSlot) {
    this.roomKey = origin.roomKey;
    this.origin = origin;
  }

  /** Origin first: placement prefers it. */
  routers(): RouterSlot[] {
    return [this.origin, ...this.#overflow.values()];
  }

  router(routerId: string): RouterSlot | undefined {
    return routerId === this.origin.router.id ? this.origin : this.#overflow.get(routerId);
  }

  /** Opens (or joins the opening of) an overflow router on a worker. */
  overflowOn(worker: number, open: () => Promise<MsRouter>): Promise<RouterSlot> {
    const existing = [...this.#overflow.values()].find((s) => s.worker === worker);
    if (existing) return Promise.resolve(existing);
    let pending = this.#opening.get(worker);
    if (!pending) {
      pending = open().then(
        (router) => {
          this.#opening.delete(worker);
          const slot: RouterSlot = { router, worker, roomKey: this.roomKey };
          this.#overflow.set(router.id, slot);
          return slot;
        },
        (err: unknown) => {
          this.#opening.delete(worker);
          throw err;
        },
      );
      this.#opening.set(worker, pending);
    }
    return pending;
  }

  /** Makes a producer of the origin consumable on an overflow router (no-op on the origin). */
  ensurePiped(producerId: string, target: RouterSlot): Promise<void> {
    if (target === this.origin) return Promise.resolve();
    let byProducer = this.#piped.get(target.router.id);
    if (!byProducer) {
      byProducer = new Map();
      this.#piped.set(target.router.id, byProducer);
    }
    let pipe = byProducer.get(producerId);
    if (!pipe) {
      const map = byProducer;
      pipe = this.origin.router
        .pipeToRouter({ producerId, router: target.router, listenInfo: PIPE_LISTEN_INFO })
        .then(
          () => undefined,
          (err: unknown) => {
            // A failed pipe is retried by the next consumer instead of failing forever.
            map.delete(producerId);
            throw err;
          },
        );
      byProducer.set(producerId, pipe);
    }
    return pipe;
  }

  /** The producer closed: its piped copies closed with it (mediasoup), forget them. */
  forgetProducer(producerId: string): void {
    for (const byProducer of this.#piped.values()) byProducer.delete(producerId);
  }

  /** Drops an overflow router (its worker died); the origin is never dropped alone. */
  dropOverflow(routerId: string): void {
    this.#overflow.delete(routerId);
    this.#piped.delete(routerId);
  }

  close(): void {
    for (const s of this.routers()) s.router.close();
    this.#overflow.clear();
    this.#piped.clear();
  }
}
