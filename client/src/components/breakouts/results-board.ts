/**
 * <mashup-results-board> — a workshop room's structured results in three
 * sections, "Erkenntnisse", "Nächste Schritte", "Offene Fragen"; pinned
 * entries first. Anyone in the room adds, edits and removes while the round
 * runs; the moderator and hosts also pin (rule B6, the server checks). Each
 * entry is a <mashup-result-item>, keyed by id so an open editor stays with
 * its entry when pinning reorders the list.
 *
 * Properties: `round` (Round), `workshop` (Workshop). Session from context.
 */
import { localized, msg } from '@lit/localize';
import { LIMITS, RESULT_SECTIONS, isRoundLive, type ResultSection, type Round, type Workshop } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { boardOf, canModerate, sectionItems } from '../../state/breakouts.js';
import { baseStyles } from '../../styles/shared.js';
import './result-item.js';

export function sectionTitle(section: ResultSection): string {
  switch (section) {
    case 'insights':
      return msg('Erkenntnisse', { id: 'results.section.insights' });
    case 'next':
      return msg('Nächste Schritte', { id: 'results.section.next' });
    case 'questions':
      return msg('Offene Fragen', { id: 'results.section.questions' });
  }
}

@customElement('mashup-results-board')
@localized()
export class ResultsBoardView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        overflow: auto;
        padding: var(--mu-space-3);
      }
      .board {
        display: grid;
        gap: var(--mu-space-4);
      }
      section {
        display: grid;
        gap: var(--mu-space-2);
      }
      h3 {
        font-size: 1rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--mu-space-2);
      }
      form {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: var(--mu-space-2);
        align-items: end;
      }
      textarea {
        min-height: 40px;
      }
      .empty {
        color: var(--mu-text-muted);
        font-size: 0.875rem;
      }
    `,
  ];

  @property({ attribute: false }) round: Round | null = null;
  @property({ attribute: false }) workshop: Workshop | null = null;
  @state() private drafts: Partial<Record<ResultSection, string>> = {};
  @state() private busy = false;
  @state() private error = '';
  readonly #live = new SessionController(this);

  override render() {
    const view = this.#live.view;
    const session = this.#live.session;
    const round = this.round;
    const w = this.workshop;
    if (!view || !session || !round || !w) return nothing;
    const board = boardOf(view, round.id, w.id);
    const moderate = canModerate(view, w);
    const canEdit = moderate || isRoundLive(round, session.clock.serverNow());
    const ref = { roundId: round.id, workshopId: w.id };
    return html`<div class="board" data-testid="results-board" data-workshop-id=${w.id}>
      <h2 class="visually-hidden">${msg('Ergebnisse', { id: 'results.title' })}</h2>
      ${RESULT_SECTIONS.map((section) => {
        const items = sectionItems(board, section);
        const headingId = `section-${section}`;
        return html`<section aria-labelledby=${headingId} data-testid="results-section" data-section=${section}>
          <h3 id=${headingId}>${sectionTitle(section)}</h3>
          ${items.length === 0 ? html`<p class="empty">${msg('Noch keine Einträge', { id: 'results.empty' })}</p>` : nothing}
          <ol>
            ${repeat(
              items,
              (i) => i.id,
              (i) => html`<li><mashup-result-item .item=${i} .board=${ref} ?canEdit=${canEdit} ?canPin=${moderate}></mashup-result-item></li>`,
            )}
          </ol>
          ${canEdit ? this.#addForm(section) : nothing}
        </section>`;
      })}
      ${this.error ? html`<p class="error" role="alert">${icon('alert')}${this.error}</p>` : nothing}
    </div>`;
  }

  #addForm(section: ResultSection) {
    const inputId = `add-${section}`;
    return html`<form @submit=${(e: Event) => this.#add(e, section)}>
      <div>
        <label class="visually-hidden" for=${inputId}>${msg('Neuer Eintrag', { id: 'results.newLabel' })}: ${sectionTitle(section)}</label>
        <textarea
          id=${inputId}
          rows="1"
          maxlength=${LIMITS.resultTextMax}
          placeholder=${msg('Neuer Eintrag …', { id: 'results.placeholder' })}
          .value=${this.drafts[section] ?? ''}
          @input=${(e: Event) => (this.drafts = { ...this.drafts, [section]: (e.target as HTMLTextAreaElement).value })}
          @keydown=${(e: KeyboardEvent) => this.#onKeyDown(e, section)}
          data-testid="result-input"
          data-section=${section}
        ></textarea>
      </div>
      <button class="btn" type="submit" aria-disabled=${this.busy ? 'true' : 'false'} data-testid="result-add" data-section=${section}>
        ${icon('plus')}${msg('Hinzufügen', { id: 'results.add' })}
      </button>
    </form>`;
  }

  /** Enter adds (like the chat), Shift+Enter makes a new line. */
  #onKeyDown(e: KeyboardEvent, section: ResultSection): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) this.#add(e, section);
  }

  async #add(e: Event, section: ResultSection): Promise<void> {
    e.preventDefault();
    const session = this.#live.session;
    const text = (this.drafts[section] ?? '').trim();
    if (!session || !this.round || !this.workshop || !text || this.busy) return;
    this.busy = true;
    this.error = '';
    const reply = await session.addResult({ roundId: this.round.id, workshopId: this.workshop.id }, section, text);
    this.busy = false;
    if (reply.ok) this.drafts = { ...this.drafts, [section]: '' };
    else this.error = errorMessage(reply.error);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-results-board': ResultsBoardView;
  }
}
