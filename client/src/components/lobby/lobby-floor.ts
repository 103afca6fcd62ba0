/**
 * <mashup-lobby-floor> — the main view on an open lobby's floor (rule L2:
 * everyone in the event who is not at a table, hosts too): the lobby's
 * title, how many sit where, "Überraschen Sie mich", and the tables — as cards
 * (<mashup-table-card>) or as a list (<mashup-table-list>, for screen readers
 * and small screens; the two buttons above switch, `aria-pressed` says which).
 * Every patch re-renders it, so names and free seats are live. Above it the
 * floor's stage: hosts (and whoever has the floor) speak to everyone here.
 *
 * Properties: `lobby` (the open Lobby), `layout` ('cards' | 'list'), `busy`,
 *   `done` and `error` (the last request's outcome, from <mashup-lobby-view>).
 * Events: `lobby-sit` ({ tableId }, from the cards and the list), `lobby-surprise`,
 *   `lobby-layout` ({ layout }).
 */
import { localized, msg, str } from '@lit/localize';
import type { Lobby } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { canSurprise, lobbyOccupancy, myTableId, tableInfos } from '../../state/lobby.js';
import { baseStyles } from '../../styles/shared.js';
import { kickerStyles } from '../../styles/stage.js';
import '../media/media-grid.js';
import { lobbyViewStyles } from './lobby-styles.js';
import { lobbyKicker } from './lobby-words.js';
import './table-card.js';
import './table-list.js';

export type FloorLayout = 'cards' | 'list';

@customElement('mashup-lobby-floor')
@localized()
export class LobbyFloor extends LitElement {
  static override styles = [
    baseStyles,
    kickerStyles,
    lobbyViewStyles,
    css`
      :host {
        display: grid;
        gap: var(--mu-space-4);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2) var(--mu-space-4);
        align-items: center;
        justify-content: space-between;
      }
      .layout {
        display: inline-flex;
        gap: var(--mu-space-1);
      }
      .cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
        gap: var(--mu-space-3);
      }
      .summary {
        color: var(--mu-text-muted);
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) lobby: Lobby | null = null;
  @property() layout: FloorLayout = 'cards';
  @property({ type: Boolean }) busy = false;
  @property() done = '';
  @property() error = '';
  readonly #live = new SessionController(this);

  override render() {
    const view = this.#live.view;
    const lobby = this.lobby;
    if (!view || !lobby) return nothing;
    const infos = tableInfos(view, lobby);
    const { seated, seats } = lobbyOccupancy(lobby);
    const surprise = canSurprise(lobby, myTableId(lobby, view.self.participantId));
    const caption = msg(str`Tische in „${lobby.title}“`, { id: 'lobby.tablesOf' });
    return html`<mashup-media-grid mode="stage"></mashup-media-grid>
      <section class="card" aria-labelledby="lobby-title" data-testid="lobby-floor" data-lobby-id=${lobby.id}>
        <div>
          <p class="kicker">${lobbyKicker(lobby)}</p>
          <h2 id="lobby-title" tabindex="-1" data-testid="lobby-title">${lobby.title}</h2>
        </div>
        <p>
          ${msg('Setzen Sie sich an einen Tisch mit freiem Platz. Jeder Tisch hat seinen eigenen Raum mit Bild, Ton und Chat. Sie können jederzeit aufstehen oder den Tisch wechseln.', {
            id: 'lobby.intro',
          })}
        </p>
        <div class="bar">
          <button class="btn primary" type="button" data-testid="lobby-surprise" aria-disabled=${this.busy || !surprise ? 'true' : 'false'}
            aria-describedby="surprise-hint" @click=${() => this.#surprise(surprise)}>
            ${icon('sparkle')}${msg('Überraschen Sie mich', { id: 'lobby.surprise' })}
          </button>
          <div class="layout" role="group" aria-label=${msg('Ansicht der Tische', { id: 'lobby.layout' })}>
            ${this.#layoutButton('cards', 'grid', msg('Tische', { id: 'lobby.layout.cards' }))}
            ${this.#layoutButton('list', 'list', msg('Liste', { id: 'lobby.layout.list' }))}
          </div>
        </div>
        <p class="hint" id="surprise-hint">
          ${surprise
            ? msg('Sucht einen Tisch mit freiem Platz und Menschen, die Sie heute noch nicht getroffen haben.', { id: 'lobby.surpriseHint' })
            : msg('Gerade ist an keinem Tisch ein Platz frei.', { id: 'lobby.noFreeSeat' })}
        </p>
        <p class="summary" data-testid="lobby-summary">
          ${msg(str`${seated} von ${seats} Plätzen besetzt · ${lobby.tables.length} Tische`, { id: 'lobby.summary' })}
        </p>
        ${this.layout === 'list'
          ? html`<mashup-table-list .infos=${infos} .caption=${caption} .busy=${this.busy}></mashup-table-list>`
          : html`<ul class="cards" aria-label=${caption}>
              ${repeat(infos, (i) => i.table.id, (info) => html`<li><mashup-table-card .info=${info} .busy=${this.busy}></mashup-table-card></li>`)}
            </ul>`}
        <p class="ok" role="status" data-testid="lobby-status">${this.done}</p>
        ${this.error ? html`<p class="error" role="alert" data-testid="lobby-error">${icon('alert')}${this.error}</p>` : nothing}
      </section>`;
  }

  /** Arriving here from a table (the button that had focus is gone): focus lands on the lobby's title, not on the page. */
  override firstUpdated(): void {
    if (document.activeElement === document.body) this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  #layoutButton(layout: FloorLayout, iconName: 'grid' | 'list', label: string) {
    return html`<button class="btn small" type="button" aria-pressed=${this.layout === layout ? 'true' : 'false'}
      data-testid="lobby-layout-${layout}" @click=${() => this.#emit('lobby-layout', { layout })}>
      ${icon(iconName)}${label}
    </button>`;
  }

  #surprise(possible: boolean): void {
    if (this.busy || !possible) return;
    this.#emit('lobby-surprise', {});
  }

  #emit(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-lobby-floor': LobbyFloor;
  }
}
