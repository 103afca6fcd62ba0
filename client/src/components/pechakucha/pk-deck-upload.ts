/**
 * <mashup-pk-deck-upload> — uploading a talk's deck: one PDF, or images in
 * slide order with an alt text for each (the slide's text for screen
 * readers). Shows progress while sending and "Wird verarbeitet …" while the
 * server converts; the server's refusals in plain words with what to do. On
 * success the server broadcasts the new deck, so the preview appears by itself.
 *
 * Properties: `talk` (Talk), `slides` (the format's slide count), `code` (event code).
 * Events: `deck-uploaded` (detail: { talkId }).
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, type Talk } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AppController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { icon } from '../../icons.js';
import type { UploadPhase } from '../../services/upload-client.js';
import { classifyDeckFiles, type DeckChoice } from '../../state/deck-files.js';
import { baseStyles } from '../../styles/shared.js';

@customElement('mashup-pk-deck-upload')
@localized()
export class PkDeckUpload extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .box {
        display: grid;
        gap: var(--mu-space-3);
      }
      input[type='file'] {
        padding: 6px;
      }
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: var(--mu-space-2);
        max-height: 360px;
        overflow: auto;
      }
      .alt-row {
        display: grid;
        grid-template-columns: 112px minmax(0, 1fr);
        gap: var(--mu-space-1) var(--mu-space-3);
        align-items: center;
      }
      .alt-row img {
        grid-row: span 3;
        width: 112px;
        aspect-ratio: 16 / 9;
        object-fit: contain;
        background: #0b0d12;
        border-radius: 4px;
      }
      .alt-row label {
        margin: 0;
      }
      .file-name {
        font-size: 0.8rem;
        color: var(--mu-text-muted);
        overflow-wrap: anywhere;
      }
      .status {
        display: grid;
        gap: var(--mu-space-1);
        font-weight: 600;
      }
      progress {
        width: 100%;
        height: 10px;
      }
      .ok {
        color: var(--mu-success);
        font-weight: 600;
      }
      .error {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) talk!: Talk;
  @property({ type: Number }) slides = 20;
  @property() code = '';
  @state() private choice: DeckChoice<File> = { kind: 'empty' };
  @state() private alts: string[] = [];
  @state() private progress: UploadPhase | null = null;
  @state() private error = '';
  @state() private done = '';
  readonly #app = new AppController(this);
  /** Ids only need to be unique inside this shadow root. */
  readonly #uid = 'deck';
  #abort: AbortController | null = null;
  /** Object URLs of the chosen images (shown beside their alt fields); revoked when replaced. */
  #previews: string[] = [];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The request belongs to this form: closing it cancels the upload.
    this.#abort?.abort();
    this.#abort = null;
    this.#setPreviews([]);
  }

  #setPreviews(files: File[]): void {
    for (const url of this.#previews) URL.revokeObjectURL(url);
    this.#previews = files.map((f) => URL.createObjectURL(f));
  }

  override render() {
    const id = this.#uid;
    const busy = this.progress !== null;
    const choice = this.choice;
    return html`<div class="box" data-testid="pk-upload">
      <div>
        <label for="${id}-file">${msg('PDF oder Bilder auswählen', { id: 'pk.upload.choose' })}</label>
        <input
          id="${id}-file"
          type="file"
          multiple
          accept="application/pdf,.pdf,image/png,image/jpeg,image/webp"
          aria-describedby="${id}-hint"
          data-testid="pk-upload-input"
          ?disabled=${busy}
          @change=${this.#chosen}
        />
        <p class="hint" id="${id}-hint">
          ${msg(str`Ein PDF mit ${this.slides} Seiten oder ${this.slides} Bilder (PNG, JPEG, WebP), sortiert nach Dateinamen. PDF bis ${mb(LIMITS.pdfMaxBytes)} MB, Bilder bis ${mb(LIMITS.imageMaxBytes)} MB je Bild.`, { id: 'pk.upload.hint' })}
        </p>
      </div>
      ${choice.kind === 'images' ? this.#altFields(choice.files) : nothing}
      ${choice.kind === 'pdf'
        ? html`<p class="file-name">${choice.file.name} · ${mb(choice.file.size, 1)} MB</p>`
        : nothing}
      <div>
        <button class="btn primary" type="button" data-testid="pk-upload-submit" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#submit}>
          ${icon('send')}${this.talk.deck ? msg('Neuen Foliensatz hochladen', { id: 'pk.upload.replace' }) : msg('Foliensatz hochladen', { id: 'pk.upload.submit' })}
        </button>
      </div>
      <div class="status" role="status" data-testid="pk-upload-status">
        ${this.progress ? this.#progress(this.progress) : nothing}
        ${this.done ? html`<span class="ok">${icon('check')} ${this.done}</span>` : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert" data-testid="pk-upload-error">${icon('alert')}${this.error}</p>` : nothing}
    </div>`;
  }

  #altFields(files: File[]) {
    return html`<fieldset class="alts">
      <legend>${msg('Text der Folien für Screenreader', { id: 'pk.upload.altLegend' })}</legend>
      <p class="hint">${msg('Beschreiben Sie kurz, was auf jeder Folie steht oder zu sehen ist.', { id: 'pk.upload.altHint' })}</p>
      <ol>
        ${files.map(
          (f, i) => html`<li class="alt-row">
            <img src=${this.#previews[i] ?? ''} alt="" />
            <label for="${this.#uid}-alt-${i}">${msg(str`Folie ${i + 1}`, { id: 'pk.upload.altLabel' })}</label>
            <input
              id="${this.#uid}-alt-${i}"
              maxlength=${LIMITS.slideTextMax}
              data-testid="pk-upload-alt"
              .value=${this.alts[i] ?? ''}
              @input=${(e: InputEvent) => {
                const next = [...this.alts];
                next[i] = (e.target as HTMLInputElement).value;
                this.alts = next;
              }}
            />
            <span class="file-name">${f.name}</span>
          </li>`,
        )}
      </ol>
    </fieldset>`;
  }

  #progress(p: UploadPhase) {
    if (p.phase === 'processing') {
      return html`<span>${msg('Wird verarbeitet …', { id: 'pk.upload.processing' })}</span>
        <progress data-testid="pk-upload-progress" aria-label=${msg('Wird verarbeitet …', { id: 'pk.upload.processing' })}></progress>`;
    }
    const percent = p.fraction === null ? null : Math.round(p.fraction * 100);
    return html`<span>${percent === null ? msg('Wird hochgeladen …', { id: 'pk.upload.sending' }) : msg(str`Wird hochgeladen … ${percent} %`, { id: 'pk.upload.sendingPercent' })}</span>
      <progress data-testid="pk-upload-progress" max="100" .value=${percent ?? 0} aria-label=${msg('Fortschritt des Hochladens', { id: 'pk.upload.progressLabel' })}></progress>`;
  }

  #chosen = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    this.choice = classifyDeckFiles([...(input.files ?? [])]);
    this.#setPreviews(this.choice.kind === 'images' ? this.choice.files : []);
    this.alts = [];
    this.error = this.#choiceError() ?? '';
    this.done = '';
  };

  /** What is wrong with the chosen files before anything is sent, or null. */
  #choiceError(): string | null {
    const c = this.choice;
    switch (c.kind) {
      case 'empty':
        return errorMessage('upload.missing_file');
      case 'unsupported':
        return errorMessage('upload.unsupported_type');
      case 'tooManyPdfs':
        return msg('Bitte wählen Sie nur ein PDF aus.', { id: 'pk.upload.onePdf' });
      case 'images':
        return c.files.length === this.slides
          ? null
          : errorMessage({ code: 'upload.slide_count', message: '', details: { actual: c.files.length, expected: this.slides } });
      case 'pdf':
        return null;
    }
  }

  #submit = async (): Promise<void> => {
    if (this.progress) return;
    const problem = this.#choiceError();
    if (problem) {
      this.error = problem;
      return;
    }
    const token = this.#app.services.store.token(this.code);
    if (!token) {
      this.error = errorMessage('auth.invalid');
      return;
    }
    const c = this.choice;
    const content =
      c.kind === 'pdf'
        ? { pdf: c.file, name: c.file.name }
        : { images: c.kind === 'images' ? c.files.map((file, i) => ({ file, alt: (this.alts[i] ?? '').trim() })) : [] };
    this.error = '';
    this.done = '';
    this.#abort = new AbortController();
    const reply = await this.#app.services.uploads.uploadDeck(this.code, this.talk.id, token, content, {
      signal: this.#abort.signal,
      onProgress: (p) => (this.progress = p),
    });
    this.#abort = null;
    this.progress = null;
    if (!reply.ok) {
      this.error = errorMessage(reply.error);
      return;
    }
    this.done = msg(str`Foliensatz mit ${reply.data.deck.slides.length} Folien hochgeladen.`, { id: 'pk.upload.done' });
    this.choice = { kind: 'empty' };
    this.alts = [];
    this.#setPreviews([]);
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=file]');
    if (input) input.value = '';
    this.dispatchEvent(new CustomEvent('deck-uploaded', { detail: { talkId: this.talk.id }, bubbles: true, composed: true }));
  };
}

function mb(bytes: number, digits = 0): string {
  return new Intl.NumberFormat(document.documentElement.lang || 'de', { maximumFractionDigits: digits }).format(bytes / (1024 * 1024));
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-pk-deck-upload': PkDeckUpload;
  }
}
