/**
 * <mashup-result-item> — one entry on a results board: its text, and for
 * those who may (anyone in the room while the round runs; pinning for the
 * moderator and hosts) edit, remove and pin. An edit sends the version it
 * started from; when someone changed the entry meanwhile the server refuses
 * with `results.conflict` (rule B6) and this element keeps the person's own
 * text in the editor and shows the other version beside it, with a choice
 * to take that one or to save their own over it. Nothing is lost unseen.
 *
 * Used on the room's results board and, after a round, on the plenary's
 * results wall for hosts and the workshop's moderator.
 *
 * Properties: `item` (ResultItem), `board` ({roundId, workshopId}), `canEdit`, `canPin`.
 * Session from context.
 */
import { localized, msg } from '@lit/localize';
import { LIMITS, type Ack, type ResultItem } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { errorMessage } from '../../i18n/error-messages.js';
import type { BoardRef } from '../../services/event-session.js';
import { baseStyles } from '../../styles/shared.js';

@customElement('mashup-result-item')
@localized()
export class ResultItemView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .item {
        display: grid;
        gap: var(--mu-space-2);
        padding: var(--mu-space-2) var(--mu-space-3);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
        background: var(--mu-surface);
      }
      .item.pinned {
        border: 2px solid var(--mu-primary);
      }
      .text {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-1);
      }
      .conflict {
        padding: var(--mu-space-2) var(--mu-space-3);
        border-left: 4px solid var(--mu-warning);
        background: var(--mu-warning-soft);
      }
      .conflict q {
        display: block;
        white-space: pre-line;
        font-style: italic;
        margin-top: var(--mu-space-1);
      }
    `,
  ];

  @property({ attribute: false }) item: ResultItem | null = null;
  @property({ attribute: false }) board: BoardRef | null = null;
  @property({ type: Boolean }) canEdit = false;
  @property({ type: Boolean }) canPin = false;
  @state() private editing = false;
  @state() private draft = '';
  /** The version the edit is based on; after a conflict, the other person's version (saving then overwrites knowingly). */
  @state() private baseVersion = 0;
  @state() private conflict: { text: string; version: number } | null = null;
  @state() private busy = false;
  @state() private error = '';
  @query('textarea') private input!: HTMLTextAreaElement;
  readonly #live = new SessionController(this);

  override render() {
    const item = this.item;
    if (!item) return nothing;
    return html`<div class="item ${item.pinned ? 'pinned' : ''}" data-testid="result-item" data-item-id=${item.id} data-pinned=${item.pinned ? 'true' : 'false'}>
      ${this.editing ? this.#editor() : html`<p class="text" data-testid="result-text">${item.pinned ? html`<span class="badge">${msg('Angeheftet', { id: 'results.pinned' })}</span> ` : nothing}${item.text}</p>`}
      ${this.error ? html`<p class="error" role="alert">${icon('alert')}${this.error}</p>` : nothing}
      ${this.editing ? nothing : this.#buttons(item)}
    </div>`;
  }

  #buttons(item: ResultItem) {
    if (!this.canEdit && !this.canPin) return nothing;
    const disabled = this.busy ? 'true' : 'false';
    return html`<div class="buttons">
      ${this.canEdit
        ? html`<button class="btn small quiet" type="button" aria-disabled=${disabled} data-testid="result-edit" @click=${this.#startEdit}>
              ${msg('Bearbeiten', { id: 'results.edit' })}<span class="visually-hidden">: ${item.text}</span>
            </button>
            <button class="btn small quiet" type="button" aria-disabled=${disabled} data-testid="result-remove" @click=${this.#remove}>
              ${msg('Entfernen', { id: 'results.remove' })}<span class="visually-hidden">: ${item.text}</span>
            </button>`
        : nothing}
      ${this.canPin
        ? html`<button class="btn small quiet" type="button" aria-pressed=${item.pinned ? 'true' : 'false'} aria-disabled=${disabled} data-testid="result-pin" @click=${this.#pin}>
            ${msg('Anheften', { id: 'results.pin' })}<span class="visually-hidden">: ${item.text}</span>
          </button>`
        : nothing}
    </div>`;
  }

  #editor() {
    const conflict = this.conflict;
    return html`<label class="visually-hidden" for="edit">${msg('Eintrag bearbeiten', { id: 'results.editLabel' })}</label>
      <textarea
        id="edit"
        rows="3"
        maxlength=${LIMITS.resultTextMax}
        .value=${this.draft}
        @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#cancel()}
        data-testid="result-edit-input"
      ></textarea>
      ${conflict
        ? html`<div class="conflict" role="alert" data-testid="result-conflict">
            ${msg('Jemand hat diesen Eintrag inzwischen geändert. Die andere Fassung:', { id: 'results.conflict' })}
            <q>${conflict.text}</q>
            ${msg('Ihr Text steht weiter im Feld. Speichern Sie ihn, um die andere Fassung zu ersetzen, oder übernehmen Sie diese.', {
              id: 'results.conflictHint',
            })}
          </div>`
        : nothing}
      <div class="buttons">
        <button class="btn small primary" type="button" aria-disabled=${this.busy ? 'true' : 'false'} data-testid="result-edit-save" @click=${this.#save}>
          ${msg('Speichern', { id: 'breakout.edit.save' })}
        </button>
        ${conflict
          ? html`<button class="btn small" type="button" @click=${this.#takeOther}>${msg('Andere Fassung übernehmen', { id: 'results.takeOther' })}</button>`
          : nothing}
        <button class="btn small" type="button" @click=${this.#cancel}>${msg('Abbrechen', { id: 'common.cancel' })}</button>
      </div>`;
  }

  #startEdit(): void {
    if (!this.item || this.busy) return;
    this.draft = this.item.text;
    this.baseVersion = this.item.version;
    this.conflict = null;
    this.error = '';
    this.editing = true;
    void this.updateComplete.then(() => this.input?.focus());
  }

  #cancel(): void {
    this.editing = false;
    this.conflict = null;
  }

  #takeOther(): void {
    if (!this.conflict) return;
    this.draft = this.conflict.text;
    this.conflict = null;
    // The other version is now the base: saving it unchanged is a no-op, an edit of it goes through.
    void this.updateComplete.then(() => this.input?.focus());
  }

  async #save(): Promise<void> {
    const text = this.draft.trim();
    if (!text) return this.#remove();
    const reply = await this.#run((s, board, item) => s.editResult(board, item.id, text, this.baseVersion));
    if (reply?.ok) {
      this.editing = false;
      this.conflict = null;
      return;
    }
    if (reply && !reply.ok && reply.error.code === 'results.conflict') {
      const { text: other, version } = reply.error.details ?? {};
      // Keep the person's text; show what the other person wrote; a second save overwrites knowingly.
      this.conflict = { text: String(other ?? ''), version: Number(version ?? this.baseVersion) };
      this.baseVersion = this.conflict.version;
      this.error = '';
    }
  }

  async #remove(): Promise<void> {
    await this.#run((s, board, item) => s.removeResult(board, item.id));
  }

  async #pin(): Promise<void> {
    await this.#run((s, board, item) => s.pinResult(board, item.id, !item.pinned));
  }

  async #run(
    request: (session: NonNullable<SessionController['session']>, board: BoardRef, item: ResultItem) => Promise<Ack<unknown>>,
  ): Promise<Ack<unknown> | null> {
    const session = this.#live.session;
    if (!session || !this.board || !this.item || this.busy) return null;
    this.busy = true;
    this.error = '';
    const reply = await request(session, this.board, this.item);
    this.busy = false;
    if (!reply.ok) this.error = errorMessage(reply.error);
    return reply;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-result-item': ResultItemView;
  }
}

