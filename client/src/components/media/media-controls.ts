/**
 * <mashup-media-controls> — the audio/video part of the control bar:
 * "Mikrofon", "Kamera", "Teilen" (screen; only where the person may share)
 * and "Geräte" (the device check), each with an icon and a text label and
 * aria-pressed for the toggles. Below them, why the tab does not send
 * although asked to (view.block), as a status line.
 *
 * Participants who may not send here (the plenary's audience) see only
 * "Geräte" (speaker and "Nur Audio"). The first time someone turns on the
 * microphone or camera on this device (no remembered choice), the device
 * check opens instead, with that switch already on.
 *
 * The host is `display: contents`: the button group and the status line are
 * items of the control bar's own flex layout (the bar places them per width).
 * MediaControls from mediaContext; renders nothing without.
 * CSS parts: `group`.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { AppController } from '../../context.js';
import { icon } from '../../icons.js';
import type { DevicePreferences, MediaView } from '../../services/media/types.js';
import { barButtonStyles } from '../../styles/control-bar.js';
import { baseStyles } from '../../styles/shared.js';
import type { DeviceCheckCloseDetail } from './device-check.js';
import { MediaController } from './media-context.js';
import { blockMessage } from './media-messages.js';
import './device-check.js';

type Toggle = 'mic' | 'camera' | 'screen';

@customElement('mashup-media-controls')
@localized()
export class MediaControlsBar extends LitElement {
  static override styles = [
    baseStyles,
    barButtonStyles,
    css`
      :host {
        display: contents;
      }
      .media {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
      }
      .btn.off svg {
        color: var(--mu-danger);
      }
      .block {
        flex-basis: 100%;
        order: 10;
        display: flex;
        align-items: flex-start;
        gap: var(--mu-space-2);
        margin: 0;
        font-weight: 600;
        color: var(--mu-warning);
      }
      .block svg {
        flex: none;
        width: 20px;
        height: 20px;
        margin-top: 2px;
      }
      /* Only its modal <dialog> shows (in the top layer): no place in the bar's flex row. */
      mashup-device-check {
        position: absolute;
      }
      /* Empty: out of the layout, but still in the page as a live region. */
      .block:empty {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .error {
        flex-basis: 100%;
        order: 11;
        margin: 0;
      }
      /* Phones: the media buttons get their own first row, label under the icon (like the reactions). */
      @media (max-width: 760px) {
        .media {
          order: -1;
          flex-basis: 100%;
          display: grid;
          grid-auto-flow: column;
          grid-auto-columns: minmax(0, 1fr);
          gap: var(--mu-space-1);
        }
        .media .btn {
          flex-direction: column;
          gap: 0;
          padding: 2px 4px;
          font-size: 0.75rem;
          font-weight: 600;
        }
      }
    `,
  ];

  @state() private checkOpen = false;
  @state() private checkInitial: Partial<DevicePreferences> = {};
  @state() private error = '';
  readonly #media = new MediaController(this);
  readonly #app = new AppController(this);
  readonly #busy = new Set<Toggle>();
  #opener: HTMLElement | null = null;

  override render() {
    const view = this.#media.view;
    if (!view) return nothing;
    const publish = view.mayPublish;
    return html`<div class="media" part="group" role="group" aria-label=${msg('Bild und Ton', { id: 'media.grid.label' })}>
        ${publish
          ? html`${this.#toggle('mic', view.mic, view.mic ? 'mic' : 'micOff', msg('Mikrofon', { id: 'media.mic' }), 'mic-toggle')}
            ${this.#toggle('camera', view.camera, view.camera ? 'camera' : 'cameraOff', msg('Kamera', { id: 'media.camera' }), 'camera-toggle')}
            ${view.mayShare ? this.#toggle('screen', view.screen, 'screen', msg('Teilen', { id: 'media.share' }), 'screen-toggle') : nothing}`
          : nothing}
        <button class="btn" type="button" data-testid="media-devices" aria-haspopup="dialog" @click=${(e: Event) => this.#openCheck(e, {})}>
          ${icon('devices')}<span>${msg('Geräte', { id: 'media.devices' })}</span>
        </button>
      </div>
      ${this.#block(view)}
      ${this.error ? html`<p class="error" role="alert" data-testid="media-error">${icon('alert')}${this.error}</p>` : nothing}
      <mashup-device-check
        .open=${this.checkOpen}
        .initial=${this.checkInitial}
        .mayPublish=${publish}
        @device-check-close=${this.#closeCheck}
      ></mashup-device-check>`;
  }

  #toggle(which: Toggle, on: boolean, iconName: 'mic' | 'micOff' | 'camera' | 'cameraOff' | 'screen', label: string, testId: string) {
    return html`<button
      class="btn ${on || which === 'screen' ? '' : 'off'}"
      type="button"
      data-testid=${testId}
      aria-pressed=${on ? 'true' : 'false'}
      @click=${(e: Event) => this.#onToggle(e, which, !on)}
    >
      ${icon(iconName)}<span>${label}</span>
    </button>`;
  }

  /** Always in the page (empty when nothing blocks), so a new reason is announced. */
  #block(view: MediaView) {
    const block = view.block;
    return html`<p class="block" role="status" data-testid="media-limit" data-kind=${block?.kind ?? 'none'}>${block
        ? html`${icon('info')}<span>${blockMessage(block)}</span>`
        : nothing}</p>`;
  }

  async #onToggle(e: Event, which: Toggle, on: boolean): Promise<void> {
    const controls = this.#media.controls;
    if (!controls || this.#busy.has(which)) return;
    // First time on this device: the device check comes first, with this switch on.
    if (on && which !== 'screen' && this.#app.services.store.mediaPreferences() === null) {
      this.#openCheck(e, which === 'mic' ? { micOn: true } : { cameraOn: true });
      return;
    }
    this.#busy.add(which);
    this.error = '';
    try {
      if (which === 'mic') await controls.setMic(on);
      else if (which === 'camera') await controls.setCamera(on);
      else await controls.setScreen(on);
    } catch (error) {
      // Device problems arrive as view.block; anything thrown is unexpected.
      console.warn(`mashup: ${which} toggle failed`, error);
      this.error = msg('Das hat nicht geklappt. Bitte versuchen Sie es erneut.', { id: 'media.toggleFailed' });
    } finally {
      this.#busy.delete(which);
    }
  }

  #openCheck(e: Event, initial: Partial<DevicePreferences>): void {
    this.#opener = e.currentTarget as HTMLElement;
    this.checkInitial = initial;
    this.checkOpen = true;
  }

  #closeCheck = (e: CustomEvent<DeviceCheckCloseDetail>): void => {
    e.stopPropagation();
    this.checkOpen = false;
    const opener = this.#opener;
    this.#opener = null;
    // Back to the control that opened it (a dialog would otherwise leave focus on <body>).
    void this.updateComplete.then(() => opener?.isConnected && opener.focus());
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-media-controls': MediaControlsBar;
  }
}
