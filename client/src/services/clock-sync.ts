/**
 * NTP-style estimate of the server clock. The server publishes schedules as
 * absolute server times (countdown `endsAt`), so every client needs the offset
 * between its clock and the server's to show the same remaining time.
 *
 * A sample is one `clock:ping`: offset = serverNow - (t0 + t1) / 2, exact when
 * the way there and back take equally long. The sample with the lowest round
 * trip has the least room for asymmetry, so of `samples` pings the best one wins.
 */
import type { ClockReply } from '@mashup/shared';
import type { Clock, Disposer } from './clock.js';

export interface ClockSyncOptions {
  /** Sends `clock:ping`; resolves null when no reply came (disconnected, timeout). */
  ping(t0: number): Promise<ClockReply | null>;
  clock: Clock;
  /** Pings per round. */
  samples?: number;
  /** Pause between rounds. */
  intervalMs?: number;
  /**
   * Re-sampling moves displayed times by a few ms; do it in quiet moments, not
   * while a countdown is about to hit zero. Checked before each periodic round.
   */
  isQuiet?: () => boolean;
}

export interface ClockEstimate {
  offsetMs: number;
  rttMs: number;
}

const RETRY_BUSY_MS = 5_000;

export class ClockSync {
  readonly #ping: ClockSyncOptions['ping'];
  readonly #clock: Clock;
  readonly #samples: number;
  readonly #intervalMs: number;
  readonly #isQuiet: () => boolean;
  #offset = 0;
  #rtt = Number.POSITIVE_INFINITY;
  #measured = false;
  #running = false;
  #sampling: Promise<boolean> | null = null;
  #timer: Disposer | null = null;

  constructor(options: ClockSyncOptions) {
    this.#ping = options.ping;
    this.#clock = options.clock;
    this.#samples = options.samples ?? 5;
    this.#intervalMs = options.intervalMs ?? 60_000;
    this.#isQuiet = options.isQuiet ?? (() => true);
  }

  /** Current server time estimate in ms. */
  serverNow(): number {
    return this.#clock.now() + this.#offset;
  }

  get estimate(): ClockEstimate {
    return { offsetMs: this.#offset, rttMs: this.#rtt };
  }

  /** Whether at least one ping round succeeded. */
  get measured(): boolean {
    return this.#measured;
  }

  /**
   * A rough first guess from a server timestamp that just arrived (the snapshot's
   * serverNow), good to one-way latency; used until the first ping round is done.
   */
  seed(serverNow: number): void {
    if (!this.#measured) this.#offset = serverNow - this.#clock.now();
  }

  /** One round of pings; resolves whether it produced a new estimate. */
  sample(): Promise<boolean> {
    this.#sampling ??= this.#runRound().finally(() => {
      this.#sampling = null;
    });
    return this.#sampling;
  }

  /** Samples now and then every `intervalMs` until stop(). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.sample().then(() => this.#schedule(this.#intervalMs));
  }

  stop(): void {
    this.#running = false;
    this.#timer?.();
    this.#timer = null;
  }

  #schedule(ms: number): void {
    if (!this.#running) return;
    this.#timer?.();
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      if (!this.#isQuiet()) {
        this.#schedule(RETRY_BUSY_MS);
        return;
      }
      void this.sample().then(() => this.#schedule(this.#intervalMs));
    }, ms);
  }

  async #runRound(): Promise<boolean> {
    let best: ClockEstimate | null = null;
    for (let i = 0; i < this.#samples; i++) {
      const t0 = this.#clock.now();
      const reply = await this.#ping(t0);
      const t1 = this.#clock.now();
      // A reply to another ping (or none) says nothing about this round trip.
      if (!reply || reply.t0 !== t0) continue;
      const rttMs = t1 - t0;
      if (!best || rttMs < best.rttMs) best = { offsetMs: reply.serverNow - (t0 + t1) / 2, rttMs };
    }
    if (!best) return false;
    this.#offset = best.offsetMs;
    this.#rtt = best.rttMs;
    this.#measured = true;
    return true;
  }
}
