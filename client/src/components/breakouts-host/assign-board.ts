/**
 * <mashup-assign-board> — hosts place people by hand, in any mode, before and
 * during the round: a column per workshop plus "Ohne Workshop", people as
 * items. Drag and drop (HTML5) or, per person, the "Verschieben nach …"
 * select: arrow keys pick a target without moving anyone yet, Enter moves
 * (a mouse choice moves at once). Each move is one `breakout:move`; a full
 * workshop refuses with breakout.full, shown on the panel's error line.
 * In choose mode each column lists its waitlist too.
 *
 * Properties: `round`, `busy`, `run` (the panel's request runner).
 */
import { localized, msg, str } from '@lit/localize';
import type { ParticipantView, Round } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AppController, SessionController } from '../../context.js';
import { boardColumns, seatOf, type BoardColumn } from '../../state/round-host.js';
import { baseStyles } from '../../styles/shared.js';
import type { HostRun } from './host-run.js';
import { hostStyles } from './host-styles.js';

const NONE = 'none';
/** Keys that browse a closed select's options; browsing alone moves nobody. */
const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

@customElement('mashup-assign-board')
@localized()
export class AssignBoard extends LitElement {
  static override styles = [
    baseStyles,
    hostStyles,
    css`
      .board {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
        gap: var(--mu-space-3);
      }
      section {
        display: grid;
        align-content: start;
        gap: var(--mu-space-2);
        padding: var(--mu-space-2);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
        min-height: 6rem;
      }
      section.drop {
        border: 2px dashed var(--mu-primary);
      }
      h4 {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--mu-space-1);
        font-size: 0.95rem;
        overflow-wrap: anywhere;
      }
      .count {
        font-variant-numeric: tabular-nums;
        font-weight: 400;
        color: var(--mu-text-muted);
      }
      ul,
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--mu-space-1);
      }
      li.person {
        display: grid;
        gap: 2px;
        padding: var(--mu-space-1) var(--mu-space-2);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
        background: var(--mu-surface);
        cursor: grab;
      }
      li.person .who {
        overflow-wrap: anywhere;
      }
      li.person select {
        font-size: 0.875rem;
        min-height: 32px;
        padding-block: 2px;
      }
      .waitlist {
        font-size: 0.875rem;
        color: var(--mu-text-muted);
      }
      .waitlist ol {
        list-style: decimal inside;
      }
    `,
  ];

  @property({ attribute: false }) round!: Round;
  @property({ type: Boolean }) busy = false;
  @property({ attribute: false }) run!: HostRun;
  /** Column under a dragged person (workshop id or 'none'). */
  @state() private dropOn: string | null = null;
  /** Said by the live region: the target picked with the arrow keys, not moved yet. */
  @state() private said = '';
  readonly #live = new SessionController(this);
  readonly #app = new AppController(this);
  #dragging: string | null = null;
  /** Selects whose value the arrow keys changed: their change event only picks, Enter moves. */
  readonly #browsing = new WeakSet<HTMLSelectElement>();
  /** The person just moved: focus goes back to their select once the patch has moved the row. */
  #refocus: { participantId: string; column: string } | null = null;

  protected override updated(): void {
    const r = this.#refocus;
    if (!r || !this.round) return;
    if ((seatOf(this.round, r.participantId) ?? NONE) !== r.column) return;
    this.#refocus = null;
    this.renderRoot.querySelector<HTMLElement>(`li[data-participant-id="${r.participantId}"] [data-testid="assign-move"]`)?.focus();
  }

  override render() {
    const view = this.#live.view;
    if (!view || !this.round) return nothing;
    const columns = boardColumns(this.round, view.participants, this.#app.services.i18n.locale);
    return html`<div data-testid="assign-board" role="group" aria-labelledby="board-${this.round.id}" aria-describedby="board-hint-${this.round.id}">
      <h4 id="board-${this.round.id}">${msg('Zuteilung von Hand', { id: 'breakoutHost.boardShow' })}</h4>
      <p class="hint" id="board-hint-${this.round.id}">
        ${msg('Ziehen Sie Personen in einen Workshop, oder wählen Sie bei der Person das Ziel: Pfeiltasten wählen aus, Enter verschiebt.', { id: 'breakoutHost.boardHint' })}
      </p>
      <div class="board">${columns.map((c) => this.#column(c, columns))}</div>
      <p class="visually-hidden" aria-live="polite">${this.said}</p>
    </div>`;
  }

  #column(c: BoardColumn, all: readonly BoardColumn[]) {
    const id = c.workshop?.id ?? NONE;
    const title = c.workshop?.title ?? msg('Ohne Workshop', { id: 'breakoutHost.noWorkshop' });
    const full = c.capacity !== null && c.people.length >= c.capacity;
    return html`<section data-testid="assign-column" data-workshop-id=${id} data-full=${full ? 'true' : 'false'} class=${this.dropOn === id ? 'drop' : ''}
      aria-label=${title}
      @dragover=${(e: DragEvent) => this.#dragOver(e, id)}
      @dragleave=${() => this.dropOn === id && (this.dropOn = null)}
      @drop=${(e: DragEvent) => this.#drop(e, id)}>
      <h4>
        <span>${title}</span>
        <span class="count">
          ${c.capacity === null ? c.people.length : `${c.people.length} / ${c.capacity}`}
          ${full ? html`<span class="badge warn">${msg('voll', { id: 'breakoutHost.full' })}</span>` : nothing}
        </span>
      </h4>
      <ul>
        ${repeat(c.people, (p) => p.id, (p) => this.#person(p, id, all))}
      </ul>
      ${this.round.mode === 'choose' && c.waitlist.length
        ? html`<div class="waitlist" data-testid="assign-waitlist">
            ${msg('Warteliste', { id: 'breakoutHost.waitlist' })}
            <ol>${c.waitlist.map((p) => html`<li>${p.name}</li>`)}</ol>
          </div>`
        : nothing}
    </section>`;
  }

  #person(p: ParticipantView, column: string, all: readonly BoardColumn[]) {
    return html`<li class="person" data-testid="assign-person" data-participant-id=${p.id} draggable="true"
      @dragstart=${(e: DragEvent) => this.#dragStart(e, p.id)} @dragend=${this.#dragEnd}>
      <span class="who">${p.name}${p.org ? html` <span class="muted">· ${p.org}</span>` : nothing}${p.connected
        ? nothing
        : html` <span class="muted">(${msg('nicht verbunden', { id: 'breakoutHost.offline' })})</span>`}</span>
      <select data-testid="assign-move" aria-label=${msg(str`${p.name} verschieben nach`, { id: 'breakoutHost.moveFor' })}
        @keydown=${(e: KeyboardEvent) => this.#selectKey(e, p, column)}
        @change=${(e: Event) => this.#selectChange(e, p, column)}
        @blur=${(e: FocusEvent) => this.#selectBlur(e, column)}>
        ${all.map((c) => {
          const id = c.workshop?.id ?? NONE;
          return html`<option value=${id} ?selected=${id === column}>${c.workshop?.title ?? msg('Ohne Workshop', { id: 'breakoutHost.noWorkshop' })}</option>`;
        })}
      </select>
    </li>`;
  }

  #selectKey(e: KeyboardEvent, p: ParticipantView, column: string): void {
    const select = e.target as HTMLSelectElement;
    if (BROWSE_KEYS.has(e.key)) {
      this.#browsing.add(select);
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      this.#browsing.delete(select);
      if (select.value !== column) void this.#move(p, select.value, select, column);
    }
    if (e.key === 'Escape' && this.#browsing.has(select)) {
      this.#browsing.delete(select);
      select.value = column;
    }
  }

  #selectChange(e: Event, p: ParticipantView, column: string): void {
    const select = e.target as HTMLSelectElement;
    if (this.#browsing.has(select)) {
      // Arrow keys on a closed select fire change at every step: pick, do not move yet.
      this.said = msg(str`Ziel: ${select.selectedOptions[0]?.textContent?.trim() ?? ''}. Enter verschiebt.`, { id: 'breakoutHost.picked' });
      return;
    }
    if (select.value !== column) void this.#move(p, select.value, select, column);
  }

  /** Leaving a select that was only browsed puts it back on the person's column. */
  #selectBlur(e: FocusEvent, column: string): void {
    const select = e.target as HTMLSelectElement;
    if (!this.#browsing.has(select)) return;
    this.#browsing.delete(select);
    select.value = column;
  }

  #dragStart(e: DragEvent, participantId: string): void {
    this.#dragging = participantId;
    if (e.dataTransfer) {
      e.dataTransfer.setData('text/plain', participantId);
      e.dataTransfer.effectAllowed = 'move';
    }
  }

  #dragEnd = (): void => {
    this.#dragging = null;
    this.dropOn = null;
  };

  #dragOver(e: DragEvent, column: string): void {
    if (this.#dragging === null) return;
    // Accepting the drop: without preventDefault the browser refuses it.
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    if (this.dropOn !== column) this.dropOn = column;
  }

  #drop(e: DragEvent, column: string): void {
    e.preventDefault();
    const id = this.#dragging ?? e.dataTransfer?.getData('text/plain') ?? '';
    this.#dragging = null;
    this.dropOn = null;
    const p = this.#live.view?.participants.find((x) => x.id === id);
    if (!p || !this.round) return;
    const from = seatOf(this.round, p.id) ?? NONE;
    if (from !== column) void this.#move(p, column, null, from);
  }

  async #move(p: ParticipantView, column: string, select: HTMLSelectElement | null, from: string): Promise<void> {
    if (this.busy) {
      if (select) select.value = from;
      return;
    }
    const round = this.round;
    const title = round.workshops.find((w) => w.id === column)?.title ?? msg('Ohne Workshop', { id: 'breakoutHost.noWorkshop' });
    const refocus = select !== null && this.shadowRoot?.activeElement === select;
    const ok = await this.run(
      () => this.#live.session!.moveParticipant(round.id, p.id, column === NONE ? null : column),
      msg(str`${p.name} ist jetzt in „${title}“.`, { id: 'breakoutHost.movedTo' }),
    );
    if (!ok) {
      // Refused (e.g. breakout.full): the select shows where the person still is.
      if (select) select.value = from;
      return;
    }
    if (refocus) {
      this.#refocus = { participantId: p.id, column };
      this.requestUpdate();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-assign-board': AssignBoard;
  }
}
