/**
 * <mashup-table-room> — the main view while one sits at a lobby table
 * (`roomOf(self)` is `table:<id>`, rule L2): the lobby's title, the table's
 * name and topic with, beside them, "Tisch verlassen" (back to the floor)
 * and a compact switch (a list of the tables with a free seat and
 * "Wechseln", or "Überraschen Sie mich"); then the table's video grid (everyone
 * here sends, like a small workshop room) and who sits here (name ·
 * municipality). The chat in the side panel is the table's own.
 *
 * Properties: `lobby`, `table` (the Table one sits at), `busy`, `done`, `error`.
 * Events: `lobby-sit` ({ tableId }: switch), `lobby-leave`, `lobby-surprise`.
 */
import { localized, msg, str } from '@lit/localize';
import type { Lobby, Table } from '@mashup/shared';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { canSurprise, seatedPeople, switchTargets } from '../../state/lobby.js';
import { baseStyles } from '../../styles/shared.js';
import { kickerStyles } from '../../styles/stage.js';
import '../media/media-grid.js';
import { lobbyStyles, lobbyViewStyles } from './lobby-styles.js';
import { freeSeatsText, lobbyKicker, lockedBadge, personMarkup } from './lobby-words.js';
import type { SitDetail } from './table-card.js';

@customElement('mashup-table-room')
@localized()
export class TableRoom extends LitElement {
  static override styles = [
    baseStyles,
    kickerStyles,
    lobbyViewStyles,
    lobbyStyles,
    css`
      :host {
        display: block;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
        align-items: center;
      }
      h3 {
        font-size: 1.05rem;
        display: flex;
        align-items: center;
        gap: var(--mu-space-2);
      }
      .members {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
      }
      .members li {
        padding: var(--mu-space-1) var(--mu-space-3);
        border: 1px solid var(--mu-border-soft);
        border-radius: 999px;
        background: var(--mu-surface-2);
        overflow-wrap: anywhere;
      }
      .members li.self {
        border-color: var(--mu-primary);
      }
      /* Where one is on the left, the ways out on the right: leaving and switching stay in view above the pictures. */
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-3) var(--mu-space-5);
        align-items: flex-end;
        justify-content: space-between;
      }
      .where {
        display: grid;
        gap: var(--mu-space-1);
        min-width: 0;
      }
      .moves {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
        align-items: end;
      }
      .switch {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
        align-items: end;
      }
      .switch .field {
        margin: 0;
        min-width: min(100%, 200px);
      }
      .switch select {
        max-width: 320px;
      }
    `,
  ];

  @property({ attribute: false }) lobby: Lobby | null = null;
  @property({ attribute: false }) table: Table | null = null;
  @property({ type: Boolean }) busy = false;
  @property() done = '';
  @property() error = '';
  /** The table chosen in the switch list ('' until one is chosen: the first offered). */
  @state() private target = '';
  readonly #live = new SessionController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new table (a switch) starts with a fresh choice.
    if (changed.has('table') && changed.get('table')?.id !== this.table?.id) this.target = '';
  }

  override render() {
    const view = this.#live.view;
    const lobby = this.lobby;
    const t = this.table;
    if (!view || !lobby || !t) return nothing;
    const people = seatedPeople(view, t);
    const self = view.self.participantId;
    return html`<section class="card" aria-labelledby="table-title" data-testid="table-room" data-table-id=${t.id}>
      <div class="head">
        <div class="where">
          <p class="kicker">${lobbyKicker(lobby)} · ${lobby.title}</p>
          <h2 id="table-title" tabindex="-1" data-testid="table-name">${t.name}</h2>
          <p class="meta">
            ${t.topic ? html`<span data-testid="table-topic">${msg(str`Thema: ${t.topic}`, { id: 'lobby.topic' })}</span>` : nothing}
            <span class="free" data-testid="table-free">${freeSeatsText(Math.max(0, t.capacity - t.seated.length), t.capacity)}</span>
            ${t.locked ? lockedBadge('table-locked') : nothing}
          </p>
        </div>
        ${this.#moves(lobby, t)}
      </div>
      <p class="ok" role="status" data-testid="table-status">${this.done}</p>
      ${this.error ? html`<p class="error" role="alert" data-testid="table-error">${icon('alert')}${this.error}</p>` : nothing}
      <mashup-media-grid mode="room"></mashup-media-grid>
      <div>
        <h3 id="members-title">${icon('people')}${msg(str`Am Tisch (${people.length})`, { id: 'lobby.members' })}</h3>
        <ul class="members" aria-labelledby="members-title" data-testid="table-members">
          ${people.map(
            (p) => html`<li class=${p.id === self ? 'self' : ''} data-testid="table-member" data-participant-id=${p.id}>
              ${personMarkup(p)}
              ${p.id === self ? html` <span class="org">(${msg('Sie', { id: 'common.you' })})</span>` : nothing}
            </li>`,
          )}
        </ul>
      </div>
    </section>`;
  }

  /** Arriving at the table by one's own click (that button is gone now): focus on the table's name. */
  override firstUpdated(): void {
    if (document.activeElement === document.body) this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A switch keeps this element: the button that was clicked stays, but say where one is now.
    if (changed.has('table') && changed.get('table') && changed.get('table')?.id !== this.table?.id && document.activeElement === document.body) {
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  #moves(lobby: Lobby, t: Table) {
    const targets = switchTargets(lobby, t.id);
    const chosen = targets.find((x) => x.id === this.target) ?? targets[0];
    const surprise = canSurprise(lobby, t.id);
    return html`<div class="moves">
      <button class="btn" type="button" data-testid="table-leave" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#leave}>
        ${icon('leave')}${msg('Tisch verlassen', { id: 'lobby.leaveTable' })}
      </button>
      ${chosen
        ? html`<form class="switch" @submit=${(e: Event) => this.#switch(e, chosen.id)}>
            <div class="field">
              <label for="switch-to">${msg('Tisch wechseln', { id: 'lobby.switchLabel' })}</label>
              <select id="switch-to" data-testid="table-switch-select" @change=${(e: Event) => (this.target = (e.target as HTMLSelectElement).value)}>
                ${targets.map(
                  (x) => html`<option value=${x.id} ?selected=${x.id === chosen.id}>
                    ${x.topic ? `${x.name} – ${x.topic}` : x.name} (${freeSeatsText(x.capacity - x.seated.length, x.capacity)})
                  </option>`,
                )}
              </select>
            </div>
            <button class="btn" type="submit" data-testid="table-switch" aria-disabled=${this.busy ? 'true' : 'false'}>
              ${msg('Wechseln', { id: 'lobby.switch' })}
            </button>
          </form>`
        : html`<p class="muted" data-testid="table-switch-none">${msg('Gerade ist an keinem anderen Tisch ein Platz frei.', { id: 'lobby.noOtherSeat' })}</p>`}
      ${surprise
        ? html`<button class="btn" type="button" data-testid="table-surprise" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#surprise}>
            ${icon('sparkle')}${msg('Überraschen Sie mich', { id: 'lobby.surprise' })}
          </button>`
        : nothing}
    </div>`;
  }

  #switch(e: Event, tableId: string): void {
    e.preventDefault();
    if (!this.busy) this.#emit('lobby-sit', { tableId } satisfies SitDetail);
  }

  #leave = (): void => {
    if (!this.busy) this.#emit('lobby-leave', {});
  };

  #surprise = (): void => {
    if (!this.busy) this.#emit('lobby-surprise', {});
  };

  #emit(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-table-room': TableRoom;
  }
}
