/**
 * How the audio/video controls reach components: <mashup-plenary> provides
 * the MediaSession (as MediaControls, services/media/types.ts) under
 * `mediaContext`; MediaController subscribes a component to it, so it
 * re-renders on every change and unsubscribes when removed. Undefined while
 * no session exists: components then show no media at all.
 */
import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Disposer } from '../../services/clock.js';
import type { MediaControls, MediaView } from '../../services/media/types.js';

export const mediaContext = createContext<MediaControls | undefined>(Symbol('mashup-media'));

type Host = ReactiveControllerHost & HTMLElement;

export class MediaController implements ReactiveController {
  readonly #host: Host;
  #controls: MediaControls | undefined;
  #unsubscribe: Disposer | undefined;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
    // subscribe: true → a MediaSession assigned later (or replaced after a rejoin) reaches existing components.
    new ContextConsumer(host, { context: mediaContext, subscribe: true, callback: (controls) => this.attach(controls) });
  }

  get controls(): MediaControls | undefined {
    return this.#controls;
  }

  get view(): MediaView | null {
    return this.#controls?.view ?? null;
  }

  attach(controls: MediaControls | undefined): void {
    if (controls === this.#controls && (this.#unsubscribe || !controls)) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#controls = controls;
    if (controls) this.#unsubscribe = controls.subscribe(() => this.#host.requestUpdate());
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    // The consumer asks again by itself on reconnect; this re-subscribes to the one it had.
    if (this.#controls && !this.#unsubscribe) this.attach(this.#controls);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
