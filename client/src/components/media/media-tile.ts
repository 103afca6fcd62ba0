/**
 * <mashup-media-tile> — one picture in the media grid: a person's camera (or
 * their initials when no video arrives) or a shared screen, with name and
 * municipality, "Mikrofon aus", a speaking mark (ring plus the word
 * "spricht", not colour alone) and "Anheften" (aria-pressed).
 *
 * The <video> is always muted: sound plays through the grid's <audio>
 * elements, so moving a tile between the large and the small places never
 * interrupts it and autoplay rules only ever concern sound.
 *
 * Properties: `tile` (MediaTile), `kind` ('camera' | 'screen'), `name`, `org`,
 *   `large`, `pinned`, `pinnable`, `audioOnly`.
 * Events: `media-pin` (detail `{ peerId: string; pin: boolean }`).
 * CSS parts: `tile`, `video`, `caption`.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { icon } from '../../icons.js';
import type { MediaTile } from '../../services/media/types.js';
import { initials, showsVideo } from '../../state/media-grid.js';
import { baseStyles } from '../../styles/shared.js';

export interface PinDetail {
  peerId: string;
  pin: boolean;
}

@customElement('mashup-media-tile')
@localized()
export class MediaTileElement extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-width: 0;
        container-type: inline-size;
      }
      figure {
        position: relative;
        margin: 0;
        width: 100%;
        height: 100%;
        aspect-ratio: 16 / 9;
        max-height: var(--mu-tile-max-height, none);
        border-radius: var(--mu-radius);
        overflow: hidden;
        background: #1b2029;
        color: #fff;
        border: 1px solid var(--mu-border-soft);
      }
      /* Speaking: a ring over the picture (a light green with a dark inner line, visible on any video)
         and the word "spricht" in the caption, so colour is not the only sign. */
      figure::after {
        content: '';
        position: absolute;
        inset: 0;
        border-radius: inherit;
        border: 4px solid transparent;
        pointer-events: none;
      }
      figure.speaking::after {
        border-color: #5ee08a;
        box-shadow: inset 0 0 0 1px #06210f;
      }
      @media (prefers-reduced-motion: no-preference) {
        figure::after {
          transition: border-color 150ms ease-out;
        }
      }
      video {
        display: block;
        width: 100%;
        height: 100%;
        object-fit: cover;
        background: #000;
      }
      .screen video,
      :host([large]) video {
        object-fit: contain;
      }
      video.mirror {
        transform: scaleX(-1);
      }
      .avatar {
        position: absolute;
        inset: 0;
        display: grid;
        place-items: center;
      }
      .avatar span {
        display: grid;
        place-items: center;
        width: clamp(40px, 28%, 120px);
        aspect-ratio: 1;
        border-radius: 50%;
        background: #3b4658;
        font-size: clamp(1rem, 4vw, 2.25rem);
        font-weight: 700;
        letter-spacing: 0.02em;
      }
      figcaption {
        position: absolute;
        left: 0;
        right: 0;
        bottom: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px var(--mu-space-2);
        padding: 4px var(--mu-space-2);
        background: rgb(0 0 0 / 0.72);
        font-size: 0.875rem;
        line-height: 1.3;
      }
      .name {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .org {
        color: #dfe4ec;
        overflow-wrap: anywhere;
      }
      .mark {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        font-weight: 700;
      }
      .mark svg {
        width: 16px;
        height: 16px;
        flex: none;
      }
      .speaking-mark {
        color: #9ff0b8;
      }
      .muted-mark {
        color: #ffb4ab;
      }
      .pin {
        position: absolute;
        top: var(--mu-space-1);
        right: var(--mu-space-1);
        font-size: 0.8rem;
        padding: 2px 8px;
        gap: 4px;
        min-height: var(--mu-target);
        background: rgb(255 255 255 / 0.92);
        color: #14181f;
        border-color: #14181f;
      }
      .pin svg {
        width: 16px;
        height: 16px;
      }
      .pin:hover:not(:disabled) {
        background: #fff;
      }
      .pin[aria-pressed='true'] {
        background: #dfe8ff;
        color: #15307f;
        border-color: #15307f;
      }
      /* Small tiles on phones: the pin keeps its target size, the word moves to screen readers. */
      @container (max-width: 180px) {
        .pin .label {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) tile: MediaTile | null = null;
  @property() kind: 'camera' | 'screen' = 'camera';
  @property() name = '';
  @property() org = '';
  @property({ type: Boolean, reflect: true }) large = false;
  @property({ type: Boolean }) pinned = false;
  @property({ type: Boolean }) pinnable = false;
  @property({ type: Boolean }) audioOnly = false;
  @query('video') private video?: HTMLVideoElement;

  override render() {
    const t = this.tile;
    if (!t) return nothing;
    const screen = this.kind === 'screen';
    const video = screen ? t.screen !== null : showsVideo(t, this.audioOnly);
    const name = this.name || msg('Unbekannt', { id: 'media.tile.unknown' });
    const label = screen ? msg(str`Bildschirm von ${name}`, { id: 'media.tile.screenOf' }) : name;
    return html`<figure
      part="tile"
      class="${screen ? 'screen' : ''} ${t.speaking && !screen ? 'speaking' : ''}"
      data-testid="media-tile"
      data-peer-id=${t.peerId}
      data-participant-id=${t.participantId}
      data-kind=${this.kind}
      data-speaking=${t.speaking ? 'true' : 'false'}
      data-video=${video ? 'true' : 'false'}
      data-audio=${t.audio ? 'true' : 'false'}
    >
      ${video
        ? html`<video part="video" class=${t.self && !screen ? 'mirror' : ''} autoplay playsinline muted .muted=${true} aria-hidden="true"></video>`
        : html`<div class="avatar" aria-hidden="true"><span>${initials(this.name)}</span></div>`}
      <figcaption part="caption">
        <span class="name">${screen ? label : name}</span>
        ${!screen && this.org ? html`<span class="org">${this.org}</span>` : nothing}
        ${t.self ? html`<span class="org">(${msg('Sie', { id: 'common.you' })})</span>` : nothing}
        ${!screen && !t.audio
          ? html`<span class="mark muted-mark" data-testid="media-muted">${icon('micOff')}<span class="visually-hidden">${msg('Mikrofon aus', { id: 'media.tile.micOff' })}</span></span>`
          : nothing}
        ${!screen && t.speaking
          ? html`<span class="mark speaking-mark" data-testid="media-speaking">${icon('volume')}${msg('spricht', { id: 'media.tile.speaking' })}</span>`
          : nothing}
      </figcaption>
      ${this.pinnable && !screen
        ? html`<button
            class="btn small pin"
            type="button"
            data-testid="media-pin"
            aria-pressed=${this.pinned ? 'true' : 'false'}
            @click=${this.#pin}
          >
            ${icon('pin')}<span class="label">${msg('Anheften', { id: 'media.tile.pin' })}</span><span class="visually-hidden">: ${name}</span>
          </button>`
        : nothing}
    </figure>`;
  }

  protected override updated(): void {
    const el = this.video;
    const t = this.tile;
    if (!el || !t) return;
    const stream = this.kind === 'screen' ? t.screen : t.stream;
    if (el.srcObject !== stream) {
      el.srcObject = stream;
      // Muted video may always autoplay; a rejection here is an interrupted load (a newer stream), not a policy.
      el.play().catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('mashup: tile video did not start', error);
      });
    }
  }

  #pin = (): void => {
    if (!this.tile) return;
    this.dispatchEvent(
      new CustomEvent<PinDetail>('media-pin', { detail: { peerId: this.tile.peerId, pin: !this.pinned }, bubbles: true, composed: true }),
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-media-tile': MediaTileElement;
  }
}
