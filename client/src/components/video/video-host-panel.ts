/**
 * <mashup-video-host-panel> — "Videobotschaften" for hosts: upload a video
 * (title + MP4/WebM file, with progress), the list of uploaded videos, and
 * for the one playing for everyone: pause/continue, seek (slider and ±10 s),
 * stop; remove a video (with confirmation). Everyone's player follows.
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, videoPositionMs, type Ack, type VideoAsset, type VideoPlayback } from '@mashup/shared';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AppController, SessionController, TickController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { icon } from '../../icons.js';
import type { UploadPhase } from '../../services/upload-client.js';
import { formatPosition } from '../../state/video-sync.js';
import { fieldsetStyles, panelStyles } from '../../styles/panel.js';
import { baseStyles } from '../../styles/shared.js';
import { dialogStyles } from '../../styles/dialog.js';
import { runRequest } from '../run-request.js';
import { syncDialog } from '../dialog-sync.js';

const SKIP_MS = 10_000;

@customElement('mashup-video-host-panel')
@localized()
export class VideoHostPanel extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    panelStyles,
    fieldsetStyles,
    css`
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mu-space-2);
      }
      li[data-current='true'] {
        border: 2px solid var(--mu-primary);
      }
      li .what {
        flex: 1 1 160px;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .size {
        font-size: 0.8rem;
        color: var(--mu-text-muted);
      }
      input[type='range'] {
        padding: 0;
      }
      .position {
        font-family: var(--mu-font-mono);
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      progress {
        width: 100%;
        height: 10px;
      }
      .ok {
        color: var(--mu-success);
        font-weight: 600;
        min-height: 1.5em;
      }
      .error {
        margin: 0;
      }
    `,
  ];

  @state() private videoTitle = '';
  @state() private file: File | null = null;
  @state() private progress: UploadPhase | null = null;
  @state() private uploadError = '';
  @state() error = '';
  @state() done = '';
  @state() busy = false;
  @state() private confirmRemove: VideoAsset | null = null;
  /** Durations learnt from the videos' metadata (the asset record has none). */
  @state() private durations = new Map<string, number>();
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('#video-file') private fileInput?: HTMLInputElement;
  readonly #live = new SessionController(this);
  readonly #app = new AppController(this);
  #abort: AbortController | null = null;

  constructor() {
    super();
    // The position text of a playing video moves once a second.
    new TickController(this, 1_000, () => {
      const v = this.#live.view?.video;
      return v !== null && v !== undefined && v.pausedPositionMs === null;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#abort = null;
  }

  protected override updated(_changed: PropertyValues<this>): void {
    syncDialog(this.dialog, Boolean(this.confirmRemove));
  }

  override render() {
    const view = this.#live.view;
    if (!view) return nothing;
    const playback = view.video;
    const current = playback ? view.videos.find((v) => v.id === playback.videoId) : undefined;
    return html`<section class="card" aria-labelledby="video-host-title" data-testid="video-host-panel">
      <h2 id="video-host-title">${icon('play')}${msg('Videobotschaften', { id: 'video.host.title' })}</h2>
      <div class="grid">
        ${this.#uploadForm()}
        <fieldset>
          <legend>${msg('Hochgeladene Videos', { id: 'video.host.list' })}</legend>
          ${view.videos.length === 0
            ? html`<p class="muted" data-testid="video-empty">${msg('Noch keine Videos hochgeladen.', { id: 'video.host.empty' })}</p>`
            : html`<ul>${repeat(view.videos, (v) => v.id, (v) => this.#item(v, playback))}</ul>`}
        </fieldset>
      </div>
      ${playback && current ? this.#controls(playback, current) : nothing}
      <p class="ok" role="status" data-testid="video-host-status">${this.done}</p>
      ${this.error ? html`<p class="error" role="alert" data-testid="video-host-error">${icon('alert')}${this.error}</p>` : nothing}
      ${this.#removeDialog()}
    </section>`;
  }

  #uploadForm() {
    const busy = this.progress !== null;
    return html`<fieldset>
      <legend>${msg('Video hochladen', { id: 'video.host.upload' })}</legend>
      <div class="field">
        <label for="video-title-input">${msg('Titel', { id: 'pk.setup.talkTitle' })}</label>
        <input id="video-title-input" maxlength=${LIMITS.videoTitleMax} data-testid="video-upload-title"
          placeholder=${msg('z. B. Grußwort der Ministerin', { id: 'video.host.titlePlaceholder' })}
          .value=${this.videoTitle} @input=${(e: InputEvent) => (this.videoTitle = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="video-file">${msg('Videodatei (MP4 oder WebM)', { id: 'video.host.file' })}</label>
        <input id="video-file" type="file" accept="video/mp4,video/webm,.mp4,.webm" data-testid="video-upload-file" ?disabled=${busy}
          aria-describedby="video-file-hint"
          @change=${(e: Event) => {
            this.file = (e.target as HTMLInputElement).files?.[0] ?? null;
            this.uploadError = '';
          }} />
        <p class="hint" id="video-file-hint">${msg(str`Bis ${Math.round(LIMITS.videoMaxBytes / (1024 * 1024))} MB.`, { id: 'video.host.fileHint' })}</p>
      </div>
      <div class="buttons">
        <button class="btn primary" type="button" data-testid="video-upload-submit" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#upload}>
          ${icon('send')}${msg('Hochladen', { id: 'video.host.uploadSubmit' })}
        </button>
      </div>
      <div role="status" data-testid="video-upload-status">
        ${this.progress?.phase === 'processing'
          ? html`<span>${msg('Wird verarbeitet …', { id: 'pk.upload.processing' })}</span><progress data-testid="video-upload-progress"></progress>`
          : this.progress
            ? html`<span>${this.progress.fraction === null
                  ? msg('Wird hochgeladen …', { id: 'pk.upload.sending' })
                  : msg(str`Wird hochgeladen … ${Math.round(this.progress.fraction * 100)} %`, { id: 'pk.upload.sendingPercent' })}</span>
                <progress data-testid="video-upload-progress" max="100" .value=${Math.round((this.progress.fraction ?? 0) * 100)}></progress>`
            : nothing}
      </div>
      ${this.uploadError ? html`<p class="error" role="alert" data-testid="video-upload-error">${icon('alert')}${this.uploadError}</p>` : nothing}
    </fieldset>`;
  }

  #item(v: VideoAsset, playback: VideoPlayback | null) {
    const current = playback?.videoId === v.id;
    // Not current: from the start; current and paused: continue; current and playing: from the start again.
    const paused = current && playback?.pausedPositionMs !== null;
    const playLabel = paused
      ? msg('Fortsetzen', { id: 'host.countdown.resume' })
      : current
        ? msg('Von vorn', { id: 'video.host.restart' })
        : msg('Abspielen', { id: 'video.host.play' });
    return html`<li data-testid="video-item" data-video-id=${v.id} data-current=${current ? 'true' : 'false'}>
      <div class="what">
        <strong>${v.title}</strong>
        <div class="size">${v.mime === 'video/webm' ? 'WebM' : 'MP4'} · ${mb(v.sizeBytes)} MB</div>
      </div>
      <button class="btn small primary" type="button" data-testid="video-play-${v.id}" aria-label=${msg(str`${playLabel} für alle: ${v.title}`, { id: 'video.host.playFor' })}
        aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#run(() => this.#live.session!.playVideo(v.id, paused ? undefined : 0))}>
        ${icon('play')}${playLabel}
      </button>
      <button class="btn small" type="button" data-testid="video-remove-${v.id}" aria-label=${msg(str`${v.title} entfernen`, { id: 'pk.setup.removeFor' })}
        @click=${() => (this.confirmRemove = v)}>
        ${msg('Entfernen', { id: 'people.remove' })}
      </button>
    </li>`;
  }

  #controls(playback: VideoPlayback, asset: VideoAsset) {
    const session = this.#live.session!;
    const position = videoPositionMs(playback, session.clock.serverNow());
    const duration = this.durations.get(asset.id) ?? null;
    const paused = playback.pausedPositionMs !== null;
    const shown = duration === null ? position : Math.min(position, duration);
    return html`<fieldset data-testid="video-controls">
      <legend>${msg(str`Läuft für alle: ${asset.title}`, { id: 'video.host.playing' })}</legend>
      <video class="visually-hidden" src=${asset.url} preload="metadata" muted aria-hidden="true" tabindex="-1"
        @loadedmetadata=${(e: Event) => this.#learnDuration(asset.id, (e.target as HTMLVideoElement).duration)}></video>
      <div class="field">
        <label for="video-seek">${msg('Position', { id: 'video.host.position' })}</label>
        <input id="video-seek" type="range" min="0" step="1" data-testid="video-seek"
          max=${duration === null ? Math.ceil(shown / 1000) + 60 : Math.ceil(duration / 1000)}
          .value=${String(Math.floor(shown / 1000))}
          aria-valuetext=${formatPosition(shown)}
          @change=${(e: Event) => this.#run(() => session.seekVideo(Number((e.target as HTMLInputElement).value) * 1000))} />
        <p class="position" data-testid="video-host-position">${formatPosition(shown)}${duration !== null ? ` / ${formatPosition(duration)}` : ''}</p>
      </div>
      <div class="buttons">
        ${paused
          ? html`<button class="btn primary" type="button" data-testid="video-resume" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#run(() => session.playVideo(asset.id))}>
              ${icon('play')}${msg('Fortsetzen', { id: 'host.countdown.resume' })}
            </button>`
          : html`<button class="btn primary" type="button" data-testid="video-pause" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#run(() => session.pauseVideo())}>
              ${icon('pause')}${msg('Pausieren', { id: 'host.countdown.pause' })}
            </button>`}
        <button class="btn" type="button" data-testid="video-back" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#run(() => session.seekVideo(Math.max(0, position - SKIP_MS)))}>
          ${msg('10 s zurück', { id: 'video.host.back' })}
        </button>
        <button class="btn" type="button" data-testid="video-forward" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#run(() => session.seekVideo(position + SKIP_MS))}>
          ${msg('10 s vor', { id: 'video.host.forward' })}
        </button>
        <button class="btn" type="button" data-testid="video-stop" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#run(() => session.stopVideo(), msg('Video beendet.', { id: 'video.host.stopped' }))}>
          ${icon('stop')}${msg('Beenden', { id: 'host.countdown.stop' })}
        </button>
      </div>
    </fieldset>`;
  }

  #removeDialog() {
    const v = this.confirmRemove;
    return html`<dialog aria-labelledby="video-remove-title" data-testid="video-remove-dialog" @close=${() => (this.confirmRemove = null)}>
      ${v
        ? html`<h2 id="video-remove-title">${msg(str`${v.title} entfernen?`, { id: 'people.remove.title' })}</h2>
            <p>${msg('Das Video wird gelöscht. Läuft es gerade, endet es für alle.', { id: 'video.host.removeText' })}</p>
            <div class="buttons">
              <button class="btn" type="button" data-testid="video-remove-cancel" @click=${() => (this.confirmRemove = null)}>${msg('Abbrechen', { id: 'common.cancel' })}</button>
              <button class="btn danger" type="button" data-testid="video-remove-confirm" @click=${() => this.#remove(v)}>${msg('Entfernen', { id: 'people.remove' })}</button>
            </div>`
        : nothing}
    </dialog>`;
  }

  #learnDuration(id: string, seconds: number): void {
    if (Number.isFinite(seconds)) this.durations = new Map(this.durations).set(id, seconds * 1000);
  }

  async #remove(v: VideoAsset): Promise<void> {
    this.confirmRemove = null;
    await this.#run(() => this.#live.session!.removeVideo(v.id), msg('Video entfernt.', { id: 'video.host.removed' }));
  }

  #upload = async (): Promise<void> => {
    if (this.progress) return;
    const title = this.videoTitle.trim();
    if (!title) {
      this.uploadError = msg('Bitte geben Sie einen Titel ein.', { id: 'pk.setup.titleMissing' });
      this.renderRoot.querySelector<HTMLInputElement>('#video-title-input')?.focus();
      return;
    }
    if (!this.file) {
      this.uploadError = errorMessage('upload.missing_file');
      this.fileInput?.focus();
      return;
    }
    const code = this.#live.view?.event.code ?? '';
    const token = this.#app.services.store.token(code);
    if (!token) {
      this.uploadError = errorMessage('auth.invalid');
      return;
    }
    this.uploadError = '';
    this.done = '';
    this.#abort = new AbortController();
    const reply = await this.#app.services.uploads.uploadVideo(code, token, this.file, title, {
      signal: this.#abort.signal,
      onProgress: (p) => (this.progress = p),
    });
    this.#abort = null;
    this.progress = null;
    if (!reply.ok) {
      this.uploadError = errorMessage(reply.error);
      return;
    }
    this.done = msg(str`${reply.data.video.title} hochgeladen.`, { id: 'video.host.uploaded' });
    this.videoTitle = '';
    this.file = null;
    if (this.fileInput) this.fileInput.value = '';
  };

  /** Runs a host request through the panels' shared status handling (run-request.ts). */
  #run(request: () => Promise<Ack<unknown>>, confirmation = ''): Promise<boolean> {
    return runRequest(this, request, confirmation);
  }
}

function mb(bytes: number): string {
  return new Intl.NumberFormat(document.documentElement.lang || 'de', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-video-host-panel': VideoHostPanel;
  }
}
