/**
 * mediasoup workers: one subprocess per core, each a single-threaded media
 * forwarder. A worker that dies is replaced (a few times per slot, so a worker
 * that crashes at start cannot spin); what it carried is lost, and the plane
 * drops those rooms so their peers rejoin.
 */
import type { MediaLog } from '../log.js';
import type { MediasoupModule, MsWorker } from './surface.js';
import { workerSettings, type SfuSettings } from './settings.js';

/** Replacements per worker slot over the process' life. */
const MAX_RESPAWNS = 3;

export type WorkerDeathListener = (worker: number, error: Error) => void;

export class WorkerPool {
  readonly #ms: MediasoupModule;
  readonly #settings: SfuSettings;
  readonly #log: MediaLog;
  readonly #slots: Array<MsWorker | null>;
  readonly #respawns: number[];
  readonly #deathListeners: WorkerDeathListener[] = [];
  #closed = false;

  private constructor(ms: MediasoupModule, settings: SfuSettings, log: MediaLog, workers: MsWorker[]) {
    this.#ms = ms;
    this.#settings = settings;
    this.#log = log;
    this.#slots = workers;
    this.#respawns = workers.map(() => 0);
    workers.forEach((w, i) => this.#watch(w, i));
  }

  /** Starts `settings.workers` workers; rejects (after closing those that started) if any fails to start. */
  static async start(ms: MediasoupModule, settings: SfuSettings, log: MediaLog): Promise<WorkerPool> {
    const count = Math.max(1, settings.workers);
    const results = await Promise.allSettled(
      Array.from({ length: count }, () => ms.createWorker(workerSettings(settings))),
    );
    const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      for (const w of started) w.close();
      throw failed.reason instanceof Error ? failed.reason : new Error(String(failed.reason));
    }
    return new WorkerPool(ms, settings, log, started);
  }

  get size(): number {
    return this.#slots.length;
  }

  /** The live worker in a slot, or null while it is dead. */
  worker(index: number): MsWorker | null {
    const w = this.#slots[index];
    return w && !w.died && !w.closed ? w : null;
  }

  alive(index: number): boolean {
    return this.worker(index) !== null;
  }

  onDeath(listener: WorkerDeathListener): void {
    this.#deathListeners.push(listener);
  }

  close(): void {
    this.#closed = true;
    for (const w of this.#slots) w?.close();
    this.#slots.fill(null);
  }

  #watch(worker: MsWorker, index: number): void {
    worker.on('died', (error) => {
      if (this.#slots[index] !== worker) return;
      this.#slots[index] = null;
      this.#log.error(
        { worker: index, pid: worker.pid, err: error.message },
        'mediasoup worker died: its rooms are dropped and their peers must rejoin',
      );
      for (const l of this.#deathListeners) l(index, error);
      void this.#respawn(index);
    });
  }

  async #respawn(index: number): Promise<void> {
    if (this.#closed || (this.#respawns[index] ?? 0) >= MAX_RESPAWNS) return;
    this.#respawns[index] = (this.#respawns[index] ?? 0) + 1;
    try {
      const w = await this.#ms.createWorker(workerSettings(this.#settings));
      if (this.#closed) {
        w.close();
        return;
      }
      this.#slots[index] = w;
      this.#watch(w, index);
      this.#log.info({ worker: index, pid: w.pid }, 'mediasoup worker replaced');
    } catch (err) {
      this.#log.error({ worker: index, err: (err as Error).message }, 'mediasoup worker could not be replaced');
    }
  }
}
