/**
 * <mashup-table-list> — the lobby's tables as one data table, for screen
 * readers and small screens: a caption, one row per table (the table's name
 * is the row header), its topic, who sits there, the free seats in words with
 * "voll" / "gesperrt", and the row's button ("Platz nehmen" / "Hierher
 * wechseln"). Native table semantics and plain buttons: Tab reaches every
 * button, a screen reader's table navigation reads row and column headers.
 * Below 640 px the rows stack as blocks, each cell keeping its header as a label.
 *
 * Properties: `infos` (TableInfo[]), `caption`, `busy`.
 * Events: `lobby-sit` ({ tableId }).
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TableInfo } from '../../state/lobby.js';
import { dataTableStyles } from '../../styles/data-table.js';
import { baseStyles } from '../../styles/shared.js';
import { lobbyStyles } from './lobby-styles.js';
import { freeSeatsText, fullBadge, lockedBadge, mineBadge, personMarkup } from './lobby-words.js';
import type { SitDetail } from './table-card.js';

@customElement('mashup-table-list')
@localized()
export class TableList extends LitElement {
  static override styles = [
    baseStyles,
    lobbyStyles,
    dataTableStyles,
    css`
      :host {
        display: block;
      }
      th,
      td {
        overflow-wrap: anywhere;
      }
      th[scope='row'] {
        min-width: 7ch;
      }
      td .btn {
        white-space: nowrap;
      }
      tr.mine th[scope='row'] {
        border-left: 4px solid var(--mu-primary);
      }
      .state {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-1);
        align-items: center;
      }
      /* Stacked rows (below 640 px, dataTableStyles) lose the column headers: each cell names its column. */
      .cell-label {
        display: none;
      }
      @media (max-width: 640px) {
        tr {
          padding: var(--mu-space-1) 0;
        }
        th,
        td {
          padding: var(--mu-space-1) var(--mu-space-3);
        }
        .cell-label {
          display: block;
          font-size: 0.8rem;
          font-weight: 700;
          color: var(--mu-text-muted);
        }
      }
    `,
  ];

  @property({ attribute: false }) infos: readonly TableInfo[] = [];
  @property() caption = '';
  @property({ type: Boolean }) busy = false;

  override render() {
    const cols = {
      table: msg('Tisch', { id: 'lobby.col.table' }),
      topic: msg('Thema', { id: 'lobby.col.topic' }),
      people: msg('Wer dort sitzt', { id: 'lobby.col.people' }),
      seats: msg('Plätze', { id: 'lobby.col.seats' }),
      action: msg('Aktion', { id: 'lobby.col.action' }),
    };
    return html`<table data-testid="lobby-list">
      <caption>${this.caption}</caption>
      <thead>
        <tr>
          <th scope="col">${cols.table}</th>
          <th scope="col">${cols.topic}</th>
          <th scope="col">${cols.people}</th>
          <th scope="col">${cols.seats}</th>
          <th scope="col">${cols.action}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          this.infos,
          (i) => i.table.id,
          (info) => html`<tr
            class=${info.mine ? 'mine' : ''}
            data-testid="lobby-list-row"
            data-table-id=${info.table.id}
            data-full=${info.full ? 'true' : 'false'}
            data-locked=${info.locked ? 'true' : 'false'}
            data-mine=${info.mine ? 'true' : 'false'}
          >
            <th scope="row" data-testid="lobby-table-name">${info.table.name}</th>
            <td><span class="cell-label" aria-hidden="true">${cols.topic}</span>${info.table.topic || html`<span class="muted">${msg('Ohne festes Thema', { id: 'lobby.noTopic' })}</span>`}</td>
            <td>
              <span class="cell-label" aria-hidden="true">${cols.people}</span>
              ${info.people.length
                ? html`<ul class="people">
                    ${info.people.map(
                      (p) => html`<li data-testid="lobby-table-person" data-participant-id=${p.id}>
                        ${personMarkup(p)}
                      </li>`,
                    )}
                  </ul>`
                : html`<span class="muted">${msg('Noch niemand am Tisch', { id: 'lobby.tableEmpty' })}</span>`}
            </td>
            <td>
              <span class="cell-label" aria-hidden="true">${cols.seats}</span>
              <span class="state">
                <span class="free" data-testid="lobby-table-free">${freeSeatsText(info.free, info.table.capacity)}</span>
                ${info.full ? fullBadge() : nothing}
                ${info.locked ? lockedBadge() : nothing}
              </span>
            </td>
            <td><span class="cell-label" aria-hidden="true">${cols.action}</span>${this.#action(info)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #action(info: TableInfo) {
    if (info.action === 'mine') return mineBadge();
    if (info.action === 'locked') return html`<span class="muted">${msg('Niemand Neues', { id: 'lobby.lockedNote' })}</span>`;
    if (info.action === 'full') return html`<span class="muted">${msg('Kein Platz frei', { id: 'lobby.noSeat' })}</span>`;
    const label = info.action === 'sit' ? msg('Platz nehmen', { id: 'lobby.sit' }) : msg('Hierher wechseln', { id: 'lobby.switchHere' });
    return html`<button class="btn small ${info.action === 'sit' ? 'primary' : ''}" type="button" data-testid="lobby-table-sit"
      aria-label="${label}: ${info.table.name}" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#sit(info.table.id)}>
      ${label}
    </button>`;
  }

  #sit(tableId: string): void {
    if (this.busy) return;
    this.dispatchEvent(new CustomEvent<SitDetail>('lobby-sit', { detail: { tableId }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-table-list': TableList;
  }
}
