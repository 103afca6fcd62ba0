/**
 * <mashup-media-grid> — the pictures of the room one is in: the focus (a shared
 * screen, else the pinned person or the active speaker) large, everyone else
 * small below in a grid that reflows with the width (state/media-grid.ts
 * decides). Names and municipalities come from the event's participants.
 *
 * Sound: one <audio> per remote stream, kept here (not in the tiles) so a tile
 * moving between the large and small places never interrupts it. When the
 * browser refuses to start sound before a click (autoplay rule), a "Ton an"
 * button appears; its click is the gesture that starts all of them. The
 * chosen speaker (device check) applies where the browser supports it.
 *
 * Properties: `mode` — 'room' (workshop and other group rooms: everyone,
 *   with initials when no video) or 'stage' (plenary: only people who send;
 *   renders nothing while nobody does).
 * MediaControls from mediaContext, the session from sessionContext.
 * CSS parts: `focus`, `tiles`.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { canChooseSpeaker } from '../../services/media/devices.js';
import type { MediaTile, MediaView } from '../../services/media/types.js';
import { gridLayout, itemKey, type GridItem, type GridMode } from '../../state/media-grid.js';
import { baseStyles } from '../../styles/shared.js';
import { MediaController } from './media-context.js';
import type { PinDetail } from './media-tile.js';
import './media-tile.js';

interface AudioSource {
  key: string;
  stream: MediaStream;
}

@customElement('mashup-media-grid')
@localized()
export class MediaGrid extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      section {
        display: grid;
        gap: var(--mu-space-2);
      }
      /* The large picture leaves room for the small row and the rest of the view on a 1280×720 screen. */
      .focus {
        --mu-tile-max-height: min(52vh, 540px);
        display: grid;
        justify-items: center;
      }
      .focus mashup-media-tile {
        width: 100%;
      }
      .tiles {
        display: grid;
        gap: var(--mu-space-2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .equal {
        --mu-tile-max-height: min(60vh, 540px);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr));
      }
      .strip {
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      }
      .status {
        color: var(--mu-text-muted);
      }
      .unmute {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mu-space-2) var(--mu-space-3);
        font-weight: 600;
      }
      @media (max-width: 760px) {
        .focus {
          --mu-tile-max-height: 45vh;
        }
        .strip {
          grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
        }
      }
    `,
  ];

  @property() mode: GridMode = 'room';
  /** Sound refused by the browser until a click. */
  @state() private blocked = false;
  readonly #media = new MediaController(this);
  readonly #live = new SessionController(this);
  /** The sink applied per element, so setSinkId runs only on a change. */
  readonly #sinks = new WeakMap<HTMLAudioElement, string>();

  override render() {
    const view = this.#media.view;
    if (!view) return nothing;
    const layout = gridLayout(view, this.mode);
    const count = layout.others.length + (layout.focus ? 1 : 0);
    const audio = this.#audioSources(view);
    if (count === 0 && this.mode === 'stage') return this.#audio(audio);
    return html`<section aria-label=${msg('Bild und Ton', { id: 'media.grid.label' })} data-testid="media-grid" data-mode=${this.mode} data-layout=${layout.focus ? 'focus' : 'equal'} data-status=${view.status}>
      ${this.blocked
        ? html`<p class="unmute" role="status">
            <button class="btn primary" type="button" data-testid="media-unmute" @click=${this.#unmute}>${icon('volume')}${msg('Ton an', { id: 'video.unmute' })}</button>
            <span>${msg('Ihr Browser hat den Ton zunächst stummgeschaltet.', { id: 'video.blocked' })}</span>
          </p>`
        : nothing}
      ${count === 0 ? html`<p class="status" role="status">${this.#statusText(view)}</p>` : nothing}
      ${layout.focus ? html`<div class="focus" part="focus">${this.#tile(layout.focus, view, true, count)}</div>` : nothing}
      ${layout.others.length > 0
        ? html`<ul class="tiles ${layout.focus ? 'strip' : 'equal'}" part="tiles" aria-label=${msg('Teilnehmende mit Bild und Ton', { id: 'media.grid.tiles' })}>
            ${repeat(layout.others, itemKey, (item) => html`<li>${this.#tile(item, view, false, count)}</li>`)}
          </ul>`
        : nothing}
      ${this.#audio(audio)}
    </section>`;
  }

  protected override updated(): void {
    const view = this.#media.view;
    const speaker = this.#media.controls?.preferences.speakerId ?? null;
    const sources = new Map(view ? this.#audioSources(view).map((s) => [s.key, s.stream]) : []);
    for (const el of this.renderRoot.querySelectorAll<HTMLAudioElement>('audio[data-key]')) {
      const stream = sources.get(el.dataset['key'] ?? '') ?? null;
      if (el.srcObject !== stream) {
        el.srcObject = stream;
        if (stream) this.#play(el);
      }
      this.#applySink(el, speaker ?? '');
    }
  }

  #tile(item: GridItem, view: MediaView, large: boolean, count: number) {
    const t = item.tile;
    const person = this.#live.view?.participants.find((p) => p.id === t.participantId);
    return html`<mashup-media-tile
      .tile=${t}
      .kind=${item.kind}
      .name=${person?.name ?? ''}
      .org=${person?.org ?? ''}
      ?large=${large}
      .pinned=${view.pinnedPeerId === t.peerId}
      .pinnable=${count > 1}
      .audioOnly=${view.audioOnly}
      @media-pin=${this.#pin}
    ></mashup-media-tile>`;
  }

  /** Every remote stream with sound: cameras/microphones and shared screens (a shared tab may carry audio). */
  #audioSources(view: MediaView): AudioSource[] {
    const remote = view.tiles.filter((t: MediaTile) => !t.self);
    return [
      ...remote.flatMap((t) => (t.stream && t.stream.getAudioTracks().length > 0 ? [{ key: `cam:${t.peerId}`, stream: t.stream }] : [])),
      ...remote.flatMap((t) => (t.screen && t.screen.getAudioTracks().length > 0 ? [{ key: `screen:${t.peerId}`, stream: t.screen }] : [])),
    ];
  }

  #audio(sources: AudioSource[]) {
    return html`<div hidden>${repeat(sources, (s) => s.key, (s) => html`<audio data-key=${s.key} autoplay></audio>`)}</div>`;
  }

  #statusText(view: MediaView): string {
    if (view.status === 'error') return msg('Bild und Ton sind gerade nicht verfügbar. Wir versuchen es weiter.', { id: 'media.grid.error' });
    if (view.status === 'live') return msg('Noch niemand hat Kamera oder Mikrofon eingeschaltet.', { id: 'media.grid.empty' });
    return msg('Bild und Ton werden verbunden …', { id: 'media.grid.joining' });
  }

  #play(el: HTMLAudioElement): void {
    el.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError') this.blocked = true;
      // AbortError: a newer stream replaced this one; the next play() decides.
      else if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('mashup: remote audio did not start', error);
    });
  }

  #applySink(el: HTMLAudioElement, sinkId: string): void {
    if (!canChooseSpeaker() || (this.#sinks.get(el) ?? '') === sinkId) return;
    this.#sinks.set(el, sinkId);
    el.setSinkId(sinkId).catch((error: unknown) => {
      // A speaker that is gone: the default keeps playing; not retried until the choice changes.
      console.warn('mashup: speaker not available', error);
    });
  }

  #unmute = (): void => {
    this.blocked = false;
    // This click is the gesture the browser waited for.
    for (const el of this.renderRoot.querySelectorAll<HTMLAudioElement>('audio[data-key]')) if (el.srcObject) this.#play(el);
  };

  #pin = (e: CustomEvent<PinDetail>): void => {
    e.stopPropagation();
    this.#media.controls?.pin(e.detail.pin ? e.detail.peerId : null);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-media-grid': MediaGrid;
  }
}
