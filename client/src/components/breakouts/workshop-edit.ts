/**
 * <mashup-workshop-edit> — title and description of a workshop room, for its
 * moderator and the hosts (`breakout:editWorkshop`; the server checks the
 * role again). A button opens the form in place; saving closes it and the
 * new text arrives for everyone with the round's patch.
 *
 * Properties: `roundId`, `workshop` (Workshop). Session from context.
 */
import { localized, msg } from '@lit/localize';
import { LIMITS, type Workshop } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';
import { runRequest } from '../run-request.js';

@customElement('mashup-workshop-edit')
@localized()
export class WorkshopEdit extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: var(--mu-space-3);
        padding: var(--mu-space-4);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
      }
      .field {
        margin: 0;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
      }
      .ok {
        color: var(--mu-success);
        font-weight: 600;
      }
    `,
  ];

  @property() roundId = '';
  @property({ attribute: false }) workshop: Workshop | null = null;
  @state() private open = false;
  @state() private draftTitle = '';
  @state() private draftDescription = '';
  @state() busy = false;
  @state() error = '';
  @state() done = '';
  @query('#ws-title') private titleInput!: HTMLInputElement;
  readonly #live = new SessionController(this);

  override render() {
    const w = this.workshop;
    if (!w) return nothing;
    if (!this.open) {
      return html`<button class="btn small" type="button" data-testid="workshop-edit" @click=${this.#start}>
          ${icon('sliders')}${msg('Titel und Beschreibung bearbeiten', { id: 'breakout.edit.open' })}
        </button>
        ${this.done ? html`<p class="ok" role="status">${this.done}</p>` : nothing}`;
    }
    return html`<form @submit=${this.#save} aria-label=${msg('Workshop bearbeiten', { id: 'breakout.edit.label' })}>
      <div class="field">
        <label for="ws-title">${msg('Titel', { id: 'breakout.edit.title' })}</label>
        <input
          id="ws-title"
          required
          maxlength=${LIMITS.titleMax}
          .value=${this.draftTitle}
          @input=${(e: Event) => (this.draftTitle = (e.target as HTMLInputElement).value)}
          data-testid="workshop-edit-title"
        />
      </div>
      <div class="field">
        <label for="ws-description">${msg('Beschreibung', { id: 'breakout.edit.description' })}</label>
        <textarea
          id="ws-description"
          rows="3"
          maxlength=${LIMITS.workshopDescriptionMax}
          .value=${this.draftDescription}
          @input=${(e: Event) => (this.draftDescription = (e.target as HTMLTextAreaElement).value)}
          data-testid="workshop-edit-description"
        ></textarea>
      </div>
      ${this.error ? html`<p class="error" role="alert">${icon('alert')}${this.error}</p>` : nothing}
      <div class="buttons">
        <button class="btn primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'} data-testid="workshop-edit-save">
          ${msg('Speichern', { id: 'breakout.edit.save' })}
        </button>
        <button class="btn" type="button" @click=${() => (this.open = false)}>${msg('Abbrechen', { id: 'common.cancel' })}</button>
      </div>
    </form>`;
  }

  #start(): void {
    this.draftTitle = this.workshop?.title ?? '';
    this.draftDescription = this.workshop?.description ?? '';
    this.error = '';
    this.done = '';
    this.open = true;
    void this.updateComplete.then(() => this.titleInput?.focus());
  }

  async #save(e: Event): Promise<void> {
    e.preventDefault();
    const session = this.#live.session;
    const w = this.workshop;
    if (!session || !w || this.busy) return;
    const saved = await runRequest(
      this,
      () => session.editWorkshop({ roundId: this.roundId, workshopId: w.id }, this.draftTitle.trim(), this.draftDescription.trim()),
      msg('Gespeichert.', { id: 'breakout.edit.saved' }),
    );
    if (saved) this.open = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-workshop-edit': WorkshopEdit;
  }
}
