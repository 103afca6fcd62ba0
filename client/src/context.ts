/**
 * How services reach components: app-wide services and the current event
 * session are provided with @lit/context; controllers subscribe components to
 * them so views re-render on change and unsubscribe when removed.
 */
import { createContext, ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from './services/api-client.js';
import type { UploadClient } from './services/upload-client.js';
import type { Clock, Disposer } from './services/clock.js';
import type { EventSession } from './services/event-session.js';
import type { MediaSession } from './services/media/media-session.js';
import type { DeviceStore } from './services/storage.js';
import type { LocaleService } from './i18n/localization.js';
import type { EventView } from './state/plenary-state.js';

export interface AppServices {
  api: ApiClient;
  /** Deck and video uploads (multipart with progress). */
  uploads: UploadClient;
  store: DeviceStore;
  i18n: LocaleService;
  /** A new, not yet connected session for a join token. */
  openSession(token: string): EventSession;
  /** The audio and video of a session (follows its rooms; nothing is captured until the person turns it on). */
  openMedia(session: EventSession): MediaSession;
}

export const appContext = createContext<AppServices>(Symbol('mashup-app'));
export const sessionContext = createContext<EventSession>(Symbol('mashup-session'));

type Host = ReactiveControllerHost & HTMLElement;

/** Gives a component the app services (available from its first update on). */
export class AppController {
  readonly #consumer: ContextConsumer<typeof appContext, Host>;

  constructor(host: Host) {
    this.#consumer = new ContextConsumer(host, { context: appContext });
  }

  get services(): AppServices {
    const value = this.#consumer.value;
    if (!value) throw new Error('mashup: component used outside <mashup-app>');
    return value;
  }
}

/**
 * Subscribes a component to the event session: the one in its context, or,
 * for the element that provides the context (a provider does not answer its
 * own requests), one handed over with attach().
 */
export class SessionController implements ReactiveController {
  readonly #host: Host;
  readonly #fromContext: boolean;
  #session: EventSession | undefined;
  #unsubscribe: Disposer | undefined;

  constructor(host: Host, options: { fromContext?: boolean } = {}) {
    this.#host = host;
    this.#fromContext = options.fromContext ?? true;
    host.addController(this);
    if (this.#fromContext) {
      // subscribe: true → a new session (after "rejoin") reaches existing components.
      new ContextConsumer(host, {
        context: sessionContext,
        subscribe: true,
        callback: (session) => this.attach(session),
      });
    }
  }

  get session(): EventSession | undefined {
    return this.#session;
  }

  get view(): EventView | null {
    return this.#session?.state.view ?? null;
  }

  /** Follows this session from now on (no-op if it is the current one and subscribed). */
  attach(session: EventSession): void {
    if (session === this.#session && this.#unsubscribe) return;
    this.#unsubscribe?.();
    this.#session = session;
    this.#unsubscribe = session.subscribe(() => this.#host.requestUpdate());
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    // A context consumer asks again by itself on reconnect; a direct session is re-attached here.
    if (!this.#fromContext && this.#session) this.attach(this.#session);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

/**
 * Re-renders its host every `intervalMs` while `active()` says so, for
 * displays computed from the clock (countdowns). The value shown is always
 * computed from server timestamps; this only decides how often to look.
 */
export class TickController implements ReactiveController {
  readonly #host: Host;
  readonly #intervalMs: number;
  readonly #active: () => boolean;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: Host, intervalMs: number, active: () => boolean) {
    this.#host = host;
    this.#intervalMs = intervalMs;
    this.#active = active;
    host.addController(this);
  }

  hostConnected(): void {
    // Re-evaluate after being moved in the DOM; hostUpdated starts the timer if needed.
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const shouldRun = this.#host.isConnected && this.#active();
    if (shouldRun && this.#timer === undefined) {
      this.#timer = setInterval(() => this.#host.requestUpdate(), this.#intervalMs);
    } else if (!shouldRun) {
      this.#stop();
    }
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/**
 * Re-renders its host at the server times the host's schedule names, e.g. the
 * next slide switch. One timer at a time, set from the synced clock for
 * `at - serverNow()` and set again after every update (so every patch
 * re-plans it); the view is always computed from `now()`, never by counting
 * callbacks, so a late or early timer cannot accumulate drift.
 */
export class WakeController implements ReactiveController {
  readonly #host: Host;
  readonly #clock: Clock;
  readonly #serverNow: () => number;
  readonly #nextWakeAt: (now: number) => number | null;
  #timer: Disposer | undefined;
  /** Target of the timer that fired last: a timer can fire a hair early (clock granularity). */
  #reached = Number.NEGATIVE_INFINITY;
  /** The time this update rendered for; the next wake is planned from it, not from a later reading. */
  #renderedAt: number | undefined;

  constructor(host: Host, options: { clock: Clock; serverNow: () => number; nextWakeAt: (now: number) => number | null }) {
    this.#host = host;
    this.#clock = options.clock;
    this.#serverNow = options.serverNow;
    this.#nextWakeAt = options.nextWakeAt;
    host.addController(this);
  }

  /** Server time to render for: never before the moment the last timer was meant for. */
  now(): number {
    const t = Math.max(this.#serverNow(), this.#reached);
    this.#renderedAt ??= t;
    return t;
  }

  hostConnected(): void {
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    this.#timer?.();
    this.#timer = undefined;
    if (!this.#host.isConnected) {
      this.#renderedAt = undefined;
      return;
    }
    // Plan from the time the render used: a second reading could fall past a slide boundary
    // that the render was just short of, and the timer would wait for the boundary after it,
    // leaving the old slide up for a whole slide.
    const at = this.#nextWakeAt(this.#renderedAt ?? this.now());
    this.#renderedAt = undefined;
    if (at === null) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = undefined;
      this.#reached = at;
      this.#host.requestUpdate();
    }, Math.max(0, at - this.#serverNow()));
  }

  hostDisconnected(): void {
    this.#timer?.();
    this.#timer = undefined;
  }
}
