/**
 * <mashup-pk-deck-preview> — an uploaded deck as thumbnails, each with its
 * text for screen readers (extracted from the PDF or typed as alt text),
 * editable by the presenter or a host (`pechakucha:slideText`).
 *
 * Properties: `talk` (Talk with a deck), `editable`.
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, type Talk } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';

@customElement('mashup-pk-deck-preview')
@localized()
export class PkDeckPreview extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
        gap: var(--mu-space-3);
      }
      li {
        display: grid;
        gap: var(--mu-space-2);
        align-content: start;
        padding: var(--mu-space-2);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
        background: var(--mu-surface);
      }
      .thumb {
        aspect-ratio: 16 / 9;
        background: #0b0d12;
        border-radius: 4px;
        overflow: hidden;
      }
      .thumb img {
        display: block;
        width: 100%;
        height: 100%;
        object-fit: contain;
      }
      label {
        font-size: 0.875rem;
      }
      textarea {
        font-size: 0.875rem;
      }
      .row {
        display: flex;
        align-items: center;
        gap: var(--mu-space-2);
        flex-wrap: wrap;
      }
      .saved {
        color: var(--mu-success);
        font-size: 0.875rem;
        font-weight: 600;
      }
      .error {
        margin: 0;
        font-size: 0.875rem;
      }
    `,
  ];

  @property({ attribute: false }) talk!: Talk;
  @property({ type: Boolean }) editable = false;
  /** Edited, not yet saved texts by slide index; reset when another deck arrives. */
  @state() private drafts = new Map<number, string>();
  @state() private saved: number | null = null;
  @state() private errors = new Map<number, string>();
  @state() private busy: number | null = null;
  #deckId: string | null = null;
  readonly #live = new SessionController(this);

  protected override willUpdate(): void {
    const id = this.talk.deck?.id ?? null;
    if (id !== this.#deckId) {
      this.#deckId = id;
      this.drafts = new Map();
      this.errors = new Map();
      this.saved = null;
      return;
    }
    // A saved text comes back with the patch; the draft is then the same and can go.
    const slides = this.talk.deck?.slides ?? [];
    const settled = [...this.drafts].filter(([i, text]) => text.trim() === slides[i]?.text && this.busy !== i);
    if (settled.length) {
      const drafts = new Map(this.drafts);
      for (const [i] of settled) drafts.delete(i);
      this.drafts = drafts;
    }
  }

  override render() {
    const deck = this.talk.deck;
    if (!deck) return nothing;
    const total = deck.slides.length;
    return html`<ol data-testid="pk-deck-preview" aria-label=${msg(str`Vorschau: ${total} Folien`, { id: 'pk.preview.label' })}>
      ${deck.slides.map((slide, i) => {
        const label = msg(str`Folie ${i + 1} von ${total}`, { id: 'pk.slideOf' });
        const draft = this.drafts.get(i);
        const value = draft ?? slide.text;
        const changed = draft !== undefined && draft.trim() !== slide.text;
        const error = this.errors.get(i);
        return html`<li data-testid="pk-thumb" data-index=${i}>
          <div class="thumb"><img src=${slide.url} alt=${slide.text || label} loading="lazy" /></div>
          ${this.editable
            ? html`<label for="text-${i}">${msg(str`Text von Folie ${i + 1}`, { id: 'pk.preview.textLabel' })}</label>
                <textarea
                  id="text-${i}"
                  rows="2"
                  maxlength=${LIMITS.slideTextMax}
                  data-testid="pk-thumb-text"
                  .value=${value}
                  @input=${(e: InputEvent) => this.#edit(i, (e.target as HTMLTextAreaElement).value)}
                ></textarea>
                <div class="row">
                  <button
                    class="btn small"
                    type="button"
                    data-testid="pk-thumb-save"
                    aria-disabled=${changed && this.busy === null ? 'false' : 'true'}
                    @click=${() => changed && this.#save(i, value)}
                  >
                    ${msg('Text speichern', { id: 'pk.preview.save' })}
                  </button>
                  ${this.saved === i ? html`<span class="saved" role="status">${icon('check')}${msg('Gespeichert', { id: 'pk.preview.saved' })}</span>` : nothing}
                </div>
                ${error ? html`<p class="error" role="alert">${icon('alert')}${error}</p>` : nothing}`
            : html`<p class="muted">${label}${slide.text ? html`: ${slide.text}` : nothing}</p>`}
        </li>`;
      })}
    </ol>`;
  }

  #edit(index: number, text: string): void {
    this.drafts = new Map(this.drafts).set(index, text);
    if (this.saved === index) this.saved = null;
  }

  async #save(index: number, text: string): Promise<void> {
    if (this.busy !== null) return;
    this.busy = index;
    const reply = await this.#live.session!.setSlideText(this.talk.id, index, text.trim());
    this.busy = null;
    const errors = new Map(this.errors);
    if (!reply.ok) {
      this.errors = errors.set(index, errorMessage(reply.error));
      return;
    }
    errors.delete(index);
    this.errors = errors;
    this.saved = index;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-pk-deck-preview': PkDeckPreview;
  }
}
