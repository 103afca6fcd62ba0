/**
 * <mashup-side-panel> — tabs beside the main view: Chat and Personen, and
 * in a workshop room Ergebnisse (the room's results board). A proper
 * ARIA tablist: arrow keys, Home and End move between tabs; only the active
 * tab is in the tab order. Both panels stay mounted so a half-written chat
 * message survives a look at the people list.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, queryAll, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { icon, type IconName } from '../../icons.js';
import { connectedCount, isHost } from '../../state/selectors.js';
import { baseStyles } from '../../styles/shared.js';
import '../chat/chat-panel.js';
import '../people/people-panel.js';
import '../breakouts/results-board.js';
import { roomWorkshop } from '../../state/breakouts.js';

type TabId = 'chat' | 'people' | 'results';

@customElement('mashup-side-panel')
@localized()
export class SidePanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        background: var(--mu-surface);
        min-height: 0;
      }
      [role='tablist'] {
        display: flex;
        border-bottom: 1px solid var(--mu-border-soft);
        flex: none;
      }
      [role='tab'] {
        flex: 1;
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: var(--mu-space-1);
        min-height: 48px;
        min-width: 0;
        /* Three tabs (Chat, Personen, Ergebnisse) fit the 300–380 px panel. */
        padding: 0 var(--mu-space-2);
        border: 0;
        border-bottom: 3px solid transparent;
        background: transparent;
        color: var(--mu-text-muted);
        font: inherit;
        font-weight: 600;
        cursor: pointer;
      }
      [role='tab'] svg {
        flex: none;
      }
      [role='tab'][aria-selected='true'] {
        color: var(--mu-text);
        border-bottom-color: var(--mu-primary);
      }
      [role='tab']:hover {
        background: var(--mu-surface-2);
      }
      [role='tab']:focus-visible {
        outline-offset: -3px;
      }
      .count {
        display: inline-block;
        min-width: 1.5rem;
        padding: 0 6px;
        border-radius: 999px;
        background: var(--mu-surface-2);
        color: var(--mu-text);
        font-size: 0.8rem;
        line-height: 1.5rem;
      }
      .count.alert {
        background: var(--mu-primary);
        color: var(--mu-on-primary);
      }
      [role='tabpanel'] {
        flex: 1;
        min-height: 0;
        display: flex;
        flex-direction: column;
      }
      [role='tabpanel'][hidden] {
        display: none;
      }
      [role='tabpanel'] > * {
        flex: 1;
        min-height: 0;
      }
    `,
  ];

  @state() private active: TabId = 'chat';
  /** Chat seq the person has seen; messages after it count as unread while on another tab. */
  #seenChatSeq = 0;
  @queryAll('[role="tab"]') private tabEls!: NodeListOf<HTMLButtonElement>;
  readonly #live = new SessionController(this);

  /** Tabs shown now: Ergebnisse only while in a workshop room. */
  #tabs: readonly TabId[] = ['chat', 'people'];
  #room: ReturnType<typeof roomWorkshop> = null;

  protected override willUpdate(): void {
    const view = this.#live.view;
    const session = this.#live.session;
    this.#room = view && session ? roomWorkshop(view, session.roomId, session.clock.serverNow()) : null;
    this.#tabs = this.#room ? ['chat', 'people', 'results'] : ['chat', 'people'];
    // Back in the plenary: the results tab is gone, so is its selection.
    if (!this.#tabs.includes(this.active)) this.active = 'chat';
  }

  override render() {
    const view = this.#live.view;
    const room = this.#room;
    const chat = this.#live.session?.state.chat;
    if (this.active === 'chat' && chat) this.#seenChatSeq = chat.seq;
    const unread = chat && this.active !== 'chat' ? chat.messages.filter((m) => m.seq > this.#seenChatSeq).length : 0;
    const hands = view && isHost(view) ? view.hands.length : 0;
    const online = view ? connectedCount(view) : 0;
    return html`
      <div role="tablist" aria-label=${msg('Seitenleiste', { id: 'panel.label' })} @keydown=${this.#onKeyDown}>
        ${this.#tab('chat', 'chat', msg('Chat', { id: 'panel.chat' }), unread, unread > 0, msg(str`${unread} ungelesen`, { id: 'panel.unread' }))}
        ${this.#tab(
          'people',
          'people',
          msg('Personen', { id: 'panel.people' }),
          hands > 0 ? hands : online,
          hands > 0,
          hands > 0 ? msg(str`${hands} Hände gehoben`, { id: 'panel.handsRaised' }) : msg(str`${online} online`, { id: 'panel.online' }),
        )}
        ${room ? this.#tab('results', 'check', msg('Ergebnisse', { id: 'results.title' }), 0, false, '') : ''}
      </div>
      <div role="tabpanel" id="panel-chat" aria-labelledby="tab-chat" ?hidden=${this.active !== 'chat'} data-testid="chat-panel">
        <mashup-chat-panel></mashup-chat-panel>
      </div>
      <div role="tabpanel" id="panel-people" aria-labelledby="tab-people" ?hidden=${this.active !== 'people'} data-testid="people-panel">
        <mashup-people-panel></mashup-people-panel>
      </div>
      ${room
        ? html`<div role="tabpanel" id="panel-results" aria-labelledby="tab-results" ?hidden=${this.active !== 'results'} data-testid="results-panel">
            <mashup-results-board .round=${room.round} .workshop=${room.workshop}></mashup-results-board>
          </div>`
        : ''}
    `;
  }

  #tab(id: TabId, iconName: IconName, label: string, count: number, alert: boolean, countLabel: string) {
    const selected = this.active === id;
    return html`<button
      role="tab"
      id="tab-${id}"
      type="button"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="panel-${id}"
      tabindex=${selected ? '0' : '-1'}
      data-testid="tab-${id}"
      @click=${() => this.#select(id)}
    >
      ${icon(iconName)}<span>${label}</span>
      ${count > 0 ? html`<span class="count ${alert ? 'alert' : ''}"><span aria-hidden="true">${count}</span><span class="visually-hidden">${countLabel}</span></span>` : ''}
    </button>`;
  }

  #select(id: TabId, focus = false): void {
    this.active = id;
    if (focus) {
      void this.updateComplete.then(() => [...this.tabEls].find((t) => t.id === `tab-${id}`)?.focus());
    }
  }

  #onKeyDown(e: KeyboardEvent): void {
    const TABS = this.#tabs;
    const index = TABS.indexOf(this.active);
    let next: number;
    switch (e.key) {
      case 'ArrowRight':
        next = (index + 1) % TABS.length;
        break;
      case 'ArrowLeft':
        next = (index - 1 + TABS.length) % TABS.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = TABS.length - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    this.#select(TABS[next]!, true);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-side-panel': SidePanel;
  }
}
