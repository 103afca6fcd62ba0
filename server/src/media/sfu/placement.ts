/**
 * Where media goes: which worker gets a room's first router, and which of a
 * room's routers serves a receiver. Pure functions over load figures, so the
 * decision is unit-tested without mediasoup.
 *
 * A consumer is always created on the router of the receive transport it rides
 * on, so "which router serves this consumer" is decided once per receive
 * transport, from the consumers its worker already serves.
 */

export interface WorkerLoad {
  /** Index in the worker pool. */
  worker: number;
  alive: boolean;
  routers: number;
  consumers: number;
}

/** The least-loaded live worker (fewest consumers, then fewest routers, then lowest index); null if none lives. */
export function leastLoadedWorker(loads: readonly WorkerLoad[], exclude: ReadonlySet<number> = new Set()): number | null {
  let best: WorkerLoad | null = null;
  for (const l of loads) {
    if (!l.alive || exclude.has(l.worker)) continue;
    if (
      best === null ||
      l.consumers < best.consumers ||
      (l.consumers === best.consumers && l.routers < best.routers)
    ) {
      best = l;
    }
  }
  return best?.worker ?? null;
}

export interface RoomRouter {
  routerId: string;
  worker: number;
}

export type RecvPlacement =
  | { kind: 'existing'; routerId: string }
  /** Open a router for the room on this worker; the room's producers are piped to it on demand. */
  | { kind: 'new'; worker: number };

/**
 * Which router a new receive transport of a room joins.
 *
 * 1. The room's routers in order (the origin, where producers live, first):
 *    the first whose worker serves fewer than `threshold` consumers.
 * 2. Otherwise a new router on the least-loaded live worker that has none of
 *    this room yet and is itself below the threshold.
 * 3. Otherwise (every worker is full or already serves the room) the room's
 *    router on the least-loaded worker: overcommitting beats refusing a viewer.
 *
 * null: no worker is alive.
 */
export function placeReceiver(
  roomRouters: readonly RoomRouter[],
  loads: readonly WorkerLoad[],
  threshold: number,
): RecvPlacement | null {
  const load = new Map(loads.map((l) => [l.worker, l]));
  const live = roomRouters.filter((r) => load.get(r.worker)?.alive === true);
  for (const r of live) {
    if ((load.get(r.worker)?.consumers ?? 0) < threshold) return { kind: 'existing', routerId: r.routerId };
  }
  const used = new Set(roomRouters.map((r) => r.worker));
  const spare = leastLoadedWorker(
    loads.filter((l) => l.consumers < threshold),
    used,
  );
  if (spare !== null) return { kind: 'new', worker: spare };
  let best: RoomRouter | null = null;
  for (const r of live) {
    if (best === null || (load.get(r.worker)?.consumers ?? 0) < (load.get(best.worker)?.consumers ?? 0)) best = r;
  }
  if (best) return { kind: 'existing', routerId: best.routerId };
  const any = leastLoadedWorker(loads);
  return any === null ? null : { kind: 'new', worker: any };
}
