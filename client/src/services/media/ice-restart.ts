/**
 * Brings an SFU transport's connection back after the network changed under
 * it (rule M7): a laptop moving between Wi-Fi access points, a VPN coming up,
 * a phone hotspot dropping out. A transport that is `failed` never recovers by
 * itself; one that is `disconnected` often does, so it gets a grace period
 * first. A restart asks the server for new ICE credentials and hands them to
 * the transport (the `restart` callback); DTLS and every producer and consumer
 * stay as they are.
 *
 * No mediasoup-client or DOM here: the SFU session feeds in the transport's
 * connection states and owns one restarter per transport, disposing it when the
 * transport closes. Its only timer runs on the injected clock.
 */
import type { types } from 'mediasoup-client';
import type { Clock, Disposer } from '../clock.js';

export type ConnectionState = types.ConnectionState;

/**
 * Browsers report `disconnected` after a few seconds without answers to their
 * connectivity checks and go back to `connected` on their own when packets
 * flow again (a short outage, a roam): restarting then would only cost a
 * renegotiation. A picture frozen for longer than this is worth a restart.
 */
export const DISCONNECTED_GRACE_MS = 4_000;
/** Between restarts that did not help: 2 s, then 4 s (doubling), so a server that is struggling is not hammered. */
export const RESTART_BACKOFF_MS = 2_000;
/** Restarts in a row without reaching `connected` before the tab stops asking: the network is gone, not changed. */
export const MAX_RESTARTS = 3;

/** When to restart ICE (ms from now) for a transport in this state after this many fruitless restarts; null: not now. */
export function iceRestartDelay(state: ConnectionState, restarts: number): number | null {
  if (restarts >= MAX_RESTARTS) return null;
  const backoff = restarts === 0 ? 0 : RESTART_BACKOFF_MS * 2 ** (restarts - 1);
  if (state === 'failed') return backoff;
  if (state === 'disconnected') return Math.max(DISCONNECTED_GRACE_MS, backoff);
  return null;
}

export interface IceRestarterOptions {
  clock: Clock;
  /**
   * Asks the server to restart the transport's ICE and hands the new
   * parameters to the transport. Resolves false when there is nothing left
   * to restart (the transport closed here or on the server).
   */
  restart: () => Promise<boolean>;
  /** The restarts did not bring the connection back: said once per outage. */
  onGiveUp: () => void;
  /** A restart request failed (no reply, a refusal): the next one follows the backoff. */
  onError: (err: unknown) => void;
}

export class IceRestarter {
  readonly #opts: IceRestarterOptions;
  #state: ConnectionState = 'new';
  /** Restarts since the transport was last `connected`. */
  #restarts = 0;
  #running = false;
  #gaveUp = false;
  #timer: Disposer | null = null;
  #disposed = false;

  constructor(opts: IceRestarterOptions) {
    this.#opts = opts;
  }

  /** The transport's `connectionstatechange`. */
  onState(state: ConnectionState): void {
    if (this.#disposed) return;
    this.#state = state;
    if (state === 'connected') {
      this.#restarts = 0;
      this.#gaveUp = false;
    }
    if (state === 'closed') return this.dispose();
    this.#plan();
  }

  dispose(): void {
    this.#disposed = true;
    this.#cancel();
  }

  #plan(): void {
    this.#cancel();
    // One restart at a time: the state it leaves the transport in decides the next step.
    if (this.#running) return;
    const delay = iceRestartDelay(this.#state, this.#restarts);
    if (delay !== null) {
      this.#timer = this.#opts.clock.setTimeout(() => {
        this.#timer = null;
        void this.#run();
      }, delay);
    } else if (this.#restarts >= MAX_RESTARTS && !this.#gaveUp && (this.#state === 'failed' || this.#state === 'disconnected')) {
      this.#gaveUp = true;
      this.#opts.onGiveUp();
    }
  }

  async #run(): Promise<void> {
    this.#running = true;
    this.#restarts++;
    let alive = true;
    try {
      alive = await this.#opts.restart();
    } catch (err) {
      if (!this.#disposed) this.#opts.onError(err);
    } finally {
      this.#running = false;
    }
    if (this.#disposed) return;
    if (!alive) return this.dispose();
    // Usually the transport is `connecting` by now and the next state change plans
    // again; if it still reads failed, the backoff timer is the next attempt.
    this.#plan();
  }

  #cancel(): void {
    this.#timer?.();
    this.#timer = null;
  }
}
