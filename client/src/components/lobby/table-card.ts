/**
 * <mashup-table-card> — one table on the lobby's floor: its name and topic,
 * who sits there (name · municipality, in the order they sat down), the free
 * seats in words (and as dots beside them), "voll" and "gesperrt" as words
 * with an icon, and one button: "Platz nehmen", or "Hierher wechseln" for
 * someone seated elsewhere. A full or locked table offers no button; one's
 * own table says "Ihr Tisch".
 *
 * Properties: `info` (TableInfo from state/lobby.ts), `busy` (a request runs: the button waits).
 * Events: `lobby-sit` ({ tableId }).
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { icon } from '../../icons.js';
import type { TableInfo } from '../../state/lobby.js';
import { baseStyles } from '../../styles/shared.js';
import { lobbyStyles } from './lobby-styles.js';
import { freeSeatsText, fullBadge, lockedBadge, mineBadge, personMarkup } from './lobby-words.js';

export interface SitDetail {
  tableId: string;
}

@customElement('mashup-table-card')
@localized()
export class TableCard extends LitElement {
  static override styles = [
    baseStyles,
    lobbyStyles,
    css`
      :host {
        display: block;
        height: 100%;
      }
      article {
        display: grid;
        grid-template-rows: auto auto auto 1fr auto;
        gap: var(--mu-space-2);
        height: 100%;
        padding: var(--mu-space-4);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
        background: var(--mu-surface);
      }
      article.mine {
        border: 2px solid var(--mu-primary);
      }
      article.closed {
        background: var(--mu-surface-2);
      }
      h3 {
        font-size: 1.05rem;
        overflow-wrap: anywhere;
      }
      .topic {
        overflow-wrap: anywhere;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
        align-items: center;
        font-size: 0.875rem;
      }
      .empty {
        color: var(--mu-text-muted);
        font-size: 0.875rem;
      }
      .action {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
      }
    `,
  ];

  @property({ attribute: false }) info: TableInfo | null = null;
  @property({ type: Boolean }) busy = false;

  override render() {
    const info = this.info;
    if (!info) return nothing;
    const t = info.table;
    const titleId = `table-${t.id}`;
    const closed = info.full || info.locked;
    return html`<article
      class="${info.mine ? 'mine' : ''} ${closed && !info.mine ? 'closed' : ''}"
      aria-labelledby=${titleId}
      data-testid="lobby-table"
      data-table-id=${t.id}
      data-full=${info.full ? 'true' : 'false'}
      data-locked=${info.locked ? 'true' : 'false'}
      data-mine=${info.mine ? 'true' : 'false'}
    >
      <h3 id=${titleId} data-testid="lobby-table-name">${t.name}</h3>
      ${t.topic
        ? html`<p class="topic" data-testid="lobby-table-topic">${msg(str`Thema: ${t.topic}`, { id: 'lobby.topic' })}</p>`
        : html`<p class="topic muted">${msg('Ohne festes Thema', { id: 'lobby.noTopic' })}</p>`}
      <p class="meta">
        <span class="dots" aria-hidden="true">${Array.from({ length: t.capacity }, (_, i) => html`<span class=${i < t.seated.length ? 'taken' : ''}></span>`)}</span>
        <span class="free" data-testid="lobby-table-free">${freeSeatsText(info.free, t.capacity)}</span>
        ${info.full ? fullBadge() : nothing}
        ${info.locked ? lockedBadge() : nothing}
      </p>
      ${info.people.length
        ? html`<ul class="people" aria-label=${msg(str`Wer hier sitzt: ${t.name}`, { id: 'lobby.seatedAt' })}>
            ${info.people.map(
              (p) => html`<li data-testid="lobby-table-person" data-participant-id=${p.id}>
                ${personMarkup(p)}
              </li>`,
            )}
          </ul>`
        : html`<p class="empty">${msg('Noch niemand am Tisch', { id: 'lobby.tableEmpty' })}</p>`}
      <div class="action">${this.#action(info)}</div>
    </article>`;
  }

  #action(info: TableInfo) {
    switch (info.action) {
      case 'mine':
        return mineBadge();
      case 'full':
      case 'locked':
        return nothing;
      case 'sit':
      case 'switch': {
        const label = info.action === 'sit' ? msg('Platz nehmen', { id: 'lobby.sit' }) : msg('Hierher wechseln', { id: 'lobby.switchHere' });
        // The table's name in the accessible name: a screen reader's list of buttons reads "Platz nehmen: Tisch 3".
        return html`<button class="btn ${info.action === 'sit' ? 'primary' : ''}" type="button" data-testid="lobby-table-sit"
          aria-label="${label}: ${info.table.name}" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#sit}>
          ${label}
        </button>`;
      }
    }
  }

  #sit = (): void => {
    if (this.busy || !this.info) return;
    this.dispatchEvent(new CustomEvent<SitDetail>('lobby-sit', { detail: { tableId: this.info.table.id }, bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-table-card': TableCard;
  }
}
