/**
 * <mashup-device-check> — the device check, a modal dialog: camera preview
 * (mirrored, muted), the microphone's level, the choice of camera, microphone
 * and (where the browser allows) speaker, the switches "Mikrofon an", "Kamera
 * an" and "Nur Audio (schwache Verbindung)". "Übernehmen" remembers the choice
 * on this device and hands it to the MediaSession (`applyPreferences`).
 *
 * Shown before someone turns on camera or microphone for the first time, and
 * later from "Geräte". Nothing is captured until a switch is turned on
 * (privacy); a refused permission is explained with the next step. Preview
 * tracks are the dialog's own (services/media/devices.ts) and are stopped on
 * close, before the session opens the chosen devices.
 *
 * People who may not send here (the plenary's audience) see only the speaker
 * and "Nur Audio".
 *
 * Properties: `open`, `initial` (Partial<DevicePreferences> laid over the
 *   remembered choice, e.g. `{ micOn: true }` when opened from "Mikrofon"),
 *   `mayPublish`.
 * Events: `device-check-close` (detail `{ applied: boolean }`) — the opener
 *   sets `open = false` and moves focus back to the control that opened it.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { AppController } from '../../context.js';
import { icon } from '../../icons.js';
import { DeviceService, EMPTY_LISTS, availableDevice, canChooseSpeaker, type DeviceLists, type DeviceOption } from '../../services/media/devices.js';
import { LevelMeter } from '../../services/media/level-meter.js';
import { DEFAULT_DEVICE_PREFERENCES, type DevicePreferences } from '../../services/media/types.js';
import { dialogStyles } from '../../styles/dialog.js';
import { baseStyles } from '../../styles/shared.js';
import { syncDialog } from '../dialog-sync.js';
import { MediaController } from './media-context.js';
import { deviceMessage } from './media-messages.js';

export interface DeviceCheckCloseDetail {
  applied: boolean;
}

@customElement('mashup-device-check')
@localized()
export class DeviceCheck extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    css`
      dialog {
        width: min(640px, calc(100vw - 32px));
        max-width: min(640px, calc(100vw - 32px));
      }
      .intro {
        margin-bottom: var(--mu-space-4);
      }
      .preview {
        position: relative;
        aspect-ratio: 16 / 9;
        max-height: 40dvh;
        width: 100%;
        border-radius: var(--mu-radius);
        overflow: hidden;
        background: #1b2029;
        color: #fff;
        display: grid;
        place-items: center;
        margin-bottom: var(--mu-space-3);
      }
      .preview video {
        width: 100%;
        height: 100%;
        object-fit: cover;
        transform: scaleX(-1);
      }
      .preview p {
        display: flex;
        align-items: center;
        gap: var(--mu-space-2);
        font-weight: 600;
      }
      .meter {
        display: flex;
        align-items: center;
        gap: var(--mu-space-3);
        margin-bottom: var(--mu-space-4);
      }
      .meter-bar {
        flex: 1;
        height: 12px;
        border: 1px solid var(--mu-border);
        border-radius: 999px;
        overflow: hidden;
        background: var(--mu-surface-2);
      }
      .meter-fill {
        height: 100%;
        background: var(--mu-success);
      }
      @media (prefers-reduced-motion: no-preference) {
        .meter-fill {
          transition: width 90ms linear;
        }
      }
      .switches {
        display: grid;
        gap: var(--mu-space-2);
        margin-bottom: var(--mu-space-4);
      }
      .switch {
        display: flex;
        align-items: center;
        gap: var(--mu-space-3);
        margin: 0;
        min-height: var(--mu-target);
        font-weight: 600;
        cursor: pointer;
      }
      .switch input {
        width: 22px;
        height: 22px;
        min-height: 0;
        margin: 0;
        padding: 0;
        flex: none;
        accent-color: var(--mu-primary);
      }
      .switch .hint {
        display: block;
        font-weight: 400;
        margin: 0;
      }
      .selects {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
        gap: var(--mu-space-3);
      }
      .selects .field {
        margin: 0;
      }
      .problem {
        margin: 0 0 var(--mu-space-3);
      }
    `,
  ];

  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) initial: Partial<DevicePreferences> = {};
  @property({ type: Boolean }) mayPublish = true;
  @state() private draft: DevicePreferences = DEFAULT_DEVICE_PREFERENCES;
  @state() private lists: DeviceLists = EMPTY_LISTS;
  @state() private stream: MediaStream | null = null;
  @state() private level = 0;
  @state() private errors: { mic: string | null; camera: string | null } = { mic: null, camera: null };
  @state() private busy = false;
  @state() private applyFailed = false;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('video') private video?: HTMLVideoElement;
  readonly #media = new MediaController(this);
  readonly #app = new AppController(this);
  #devices: DeviceService | null = null;
  #meter: LevelMeter | null = null;
  #meterStream: MediaStream | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open')) {
      if (this.open) this.#start();
      else if (changed.get('open') === true) this.#stop();
    }
  }

  protected override updated(): void {
    syncDialog(this.dialog, this.open);
    const video = this.video;
    if (video && video.srcObject !== this.stream) {
      video.srcObject = this.stream;
      video.play().catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('mashup: preview did not start', error);
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  override render() {
    const d = this.draft;
    const publish = this.mayPublish;
    return html`<dialog aria-labelledby="device-check-title" data-testid="device-check" @close=${this.#onClose}>
      ${this.open
        ? html`<h2 id="device-check-title">
              ${publish ? msg('Kamera und Mikrofon', { id: 'media.check.title' }) : msg('Ton und Verbindung', { id: 'media.check.titleListen' })}
            </h2>
            <p class="intro muted">
              ${publish
                ? msg('Kamera und Mikrofon bleiben aus, bis Sie sie einschalten. Ihre Auswahl wird nur auf diesem Gerät gespeichert.', { id: 'media.check.intro' })
                : msg('Wählen Sie, wo Sie den Ton hören. Bei schwacher Verbindung hilft „Nur Audio“.', { id: 'media.check.introListen' })}
            </p>
            ${publish ? this.#previewPart(d) : nothing}
            <div class="switches">
              ${publish
                ? html`${this.#switch('device-mic', msg('Mikrofon an', { id: 'media.check.micOn' }), d.micOn, (on) => this.#change({ micOn: on }))}
                  ${this.#switch('device-camera', msg('Kamera an', { id: 'media.check.cameraOn' }), d.cameraOn, (on) => this.#change({ cameraOn: on }))}`
                : nothing}
              ${this.#switch(
                'audio-only-toggle',
                msg('Nur Audio (schwache Verbindung)', { id: 'media.check.audioOnly' }),
                d.audioOnly,
                (on) => this.#change({ audioOnly: on }),
                msg('Sie senden und empfangen kein Video, hören und sprechen aber weiter.', { id: 'media.check.audioOnlyHint' }),
              )}
            </div>
            ${this.#selects(d, publish)}
            ${this.applyFailed
              ? html`<p class="error" role="alert">${icon('alert')}${msg('Die Auswahl konnte nicht übernommen werden. Bitte versuchen Sie es erneut.', { id: 'media.check.applyFailed' })}</p>`
              : nothing}
            <div class="buttons">
              <button class="btn" type="button" data-testid="device-cancel" @click=${() => this.#finish(false)}>${msg('Abbrechen', { id: 'common.cancel' })}</button>
              <button class="btn primary" type="button" data-testid="device-apply" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#apply}>
                ${icon('check')}${msg('Übernehmen', { id: 'media.check.apply' })}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  #previewPart(d: DevicePreferences) {
    const hasVideo = (this.stream?.getVideoTracks().length ?? 0) > 0;
    const percent = Math.round(this.level * 100);
    return html`<div class="preview" data-testid="device-preview" data-video=${hasVideo ? 'true' : 'false'}>
        ${hasVideo
          ? html`<video autoplay playsinline muted .muted=${true} aria-label=${msg('Vorschau Ihrer Kamera', { id: 'media.check.preview' })}></video>`
          : html`<p>${icon('cameraOff')}${d.cameraOn ? msg('Kamera wird gestartet …', { id: 'media.check.cameraStarting' }) : msg('Kamera aus', { id: 'media.check.cameraOff' })}</p>`}
      </div>
      ${this.errors.camera ? html`<p class="error problem" role="alert" data-testid="device-error" data-source="camera">${icon('alert')}${deviceMessage('camera', this.errors.camera)}</p>` : nothing}
      <div class="meter">
        <span id="meter-label">${msg('Mikrofon-Pegel', { id: 'media.check.level' })}</span>
        <div
          class="meter-bar"
          role="meter"
          aria-labelledby="meter-label"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${percent}
          aria-valuetext=${d.micOn ? msg(str`${percent} Prozent`, { id: 'media.check.levelValue' }) : msg('Mikrofon aus', { id: 'media.tile.micOff' })}
          data-testid="device-level"
        >
          <div class="meter-fill" style="width: ${percent}%"></div>
        </div>
      </div>
      ${this.errors.mic ? html`<p class="error problem" role="alert" data-testid="device-error" data-source="mic">${icon('alert')}${deviceMessage('mic', this.errors.mic)}</p>` : nothing}`;
  }

  #switch(testId: string, label: string, on: boolean, change: (on: boolean) => void, hint?: string) {
    return html`<label class="switch">
      <input type="checkbox" role="switch" data-testid=${testId} .checked=${on} @change=${(e: Event) => change((e.target as HTMLInputElement).checked)} />
      <span>${label}${hint ? html`<span class="hint">${hint}</span>` : nothing}</span>
    </label>`;
  }

  #selects(d: DevicePreferences, publish: boolean) {
    const speaker = canChooseSpeaker() && this.lists.audiooutput.length > 0;
    if (!publish && !speaker) return nothing;
    return html`<div class="selects">
      ${publish
        ? html`${this.#select('device-camera-select', msg('Kamera', { id: 'media.camera' }), this.lists.videoinput, d.cameraId, (id) => this.#change({ cameraId: id }))}
          ${this.#select('device-mic-select', msg('Mikrofon', { id: 'media.mic' }), this.lists.audioinput, d.micId, (id) => this.#change({ micId: id }))}`
        : nothing}
      ${speaker
        ? this.#select('device-speaker-select', msg('Lautsprecher', { id: 'media.speaker' }), this.lists.audiooutput, d.speakerId, (id) => this.#change({ speakerId: id }))
        : nothing}
    </div>`;
  }

  #select(testId: string, label: string, options: DeviceOption[], chosen: string | null, change: (id: string | null) => void) {
    const value = availableDevice(options, chosen) ?? '';
    return html`<div class="field">
      <label for=${testId}>${label}</label>
      <select id=${testId} data-testid=${testId} @change=${(e: Event) => change((e.target as HTMLSelectElement).value || null)}>
        <option value="" ?selected=${value === ''}>${msg('Standard des Browsers', { id: 'media.check.default' })}</option>
        ${options.map(
          (o, i) => html`<option value=${o.deviceId} ?selected=${o.deviceId === value}>${o.label || this.#fallbackLabel(o, i + 1)}</option>`,
        )}
      </select>
    </div>`;
  }

  /** Browsers hide device names until capture was allowed once. */
  #fallbackLabel(o: DeviceOption, n: number): string {
    if (o.kind === 'videoinput') return msg(str`Kamera ${n}`, { id: 'media.check.cameraN' });
    if (o.kind === 'audioinput') return msg(str`Mikrofon ${n}`, { id: 'media.check.micN' });
    return msg(str`Lautsprecher ${n}`, { id: 'media.check.speakerN' });
  }

  #start(): void {
    const remembered = this.#app.services.store.mediaPreferences() ?? this.#media.controls?.preferences ?? DEFAULT_DEVICE_PREFERENCES;
    this.draft = { ...remembered, ...this.initial };
    this.errors = { mic: null, camera: null };
    this.applyFailed = false;
    this.level = 0;
    this.#devices?.dispose();
    const devices = new DeviceService(globalThis.navigator?.mediaDevices);
    this.#devices = devices;
    devices.subscribe(() => {
      if (this.#devices === devices) this.lists = devices.lists;
    });
    void devices.refresh();
    void this.#preview();
  }

  #stop(): void {
    this.#devices?.dispose();
    this.#devices = null;
    this.#meter?.dispose();
    this.#meter = null;
    this.#meterStream = null;
    this.stream = null;
  }

  #change(patch: Partial<DevicePreferences>): void {
    // "Nur Audio" sends no video either (MediaSession.setAudioOnly): the two switches exclude each other.
    if (patch.audioOnly === true) patch = { ...patch, cameraOn: false };
    if (patch.cameraOn === true) patch = { ...patch, audioOnly: false };
    this.draft = { ...this.draft, ...patch };
    this.applyFailed = false;
    if ('micOn' in patch || 'cameraOn' in patch || 'micId' in patch || 'cameraId' in patch) void this.#preview();
  }

  async #preview(): Promise<void> {
    const devices = this.#devices;
    if (!devices) return;
    const d = this.draft;
    const publish = this.mayPublish;
    const result = await devices.preview({ mic: publish && d.micOn, camera: publish && d.cameraOn, micId: d.micId, cameraId: d.cameraId });
    if (devices !== this.#devices) return;
    this.stream = result.stream;
    this.errors = result.errors;
    this.#followLevel(result.stream);
  }

  #followLevel(stream: MediaStream | null): void {
    const audio = stream?.getAudioTracks()[0] ?? null;
    const current = this.#meterStream?.getAudioTracks()[0] ?? null;
    if (audio === current) return;
    this.#meter?.dispose();
    this.#meter = null;
    this.#meterStream = null;
    this.level = 0;
    if (!audio) return;
    this.#meterStream = new MediaStream([audio]);
    try {
      this.#meter = new LevelMeter(this.#meterStream, (level) => (this.level = level));
    } catch (error) {
      // No WebAudio (very locked-down browsers): the preview works without a meter.
      console.warn('mashup: level meter unavailable', error);
    }
  }

  #apply = async (): Promise<void> => {
    if (this.busy) return;
    const controls = this.#media.controls;
    this.busy = true;
    this.applyFailed = false;
    // Release the preview first: some systems (Windows cameras, Firefox) open a device only once.
    this.#stop();
    const prefs = { ...this.draft };
    this.#app.services.store.saveMediaPreferences(prefs);
    try {
      await controls?.applyPreferences(prefs);
      this.busy = false;
      this.#finish(true);
    } catch (error) {
      console.warn('mashup: applying device choices failed', error);
      this.busy = false;
      this.applyFailed = true;
      void this.#restartPreview();
    }
  };

  async #restartPreview(): Promise<void> {
    const draft = this.draft;
    this.#start();
    this.draft = draft;
    await this.#preview();
  }

  #finish(applied: boolean): void {
    this.#applied = applied;
    this.dialog?.close();
    // A dialog that never opened (no <dialog> support) fires no close event.
    if (!this.dialog?.open) this.#onClose();
  }

  #applied = false;
  #closing = false;

  #onClose = (): void => {
    if (this.#closing || !this.open) return;
    this.#closing = true;
    this.#stop();
    const applied = this.#applied;
    this.#applied = false;
    this.dispatchEvent(new CustomEvent<DeviceCheckCloseDetail>('device-check-close', { detail: { applied }, bubbles: true, composed: true }));
    this.#closing = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-device-check': DeviceCheck;
  }
}
