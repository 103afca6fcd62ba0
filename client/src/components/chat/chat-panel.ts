/**
 * <mashup-chat-panel> — the room's chat: history, and an input with a
 * character limit. Messages are rendered as text only (Lit text bindings,
 * never innerHTML), so nothing anyone types can become markup.
 * Enter sends, Shift+Enter starts a new line.
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, PLENARY_ROOM, type ChatMessage } from '@mashup/shared';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AppController, SessionController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';

/** Show the counter once a message gets long, not all the time. */
const COUNTER_FROM = LIMITS.chatMax - 200;
/** Within this distance of the bottom, new messages scroll into view. */
const STICK_PX = 48;

@customElement('mashup-chat-panel')
@localized()
export class ChatPanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .log {
        flex: 1;
        min-height: 0;
        overflow-y: auto;
        padding: var(--mu-space-3) var(--mu-space-4);
        display: flex;
        flex-direction: column;
      }
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
        display: flex;
        flex-direction: column;
        gap: var(--mu-space-3);
      }
      .empty {
        margin: auto;
        text-align: center;
        color: var(--mu-text-muted);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--mu-space-2);
        align-items: baseline;
        font-size: 0.875rem;
      }
      .name {
        font-weight: 700;
      }
      .org,
      time {
        color: var(--mu-text-muted);
      }
      .text {
        margin: 2px 0 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      form {
        flex: none;
        border-top: 1px solid var(--mu-border-soft);
        padding: var(--mu-space-3) var(--mu-space-4);
        display: grid;
        gap: var(--mu-space-2);
      }
      .row {
        display: flex;
        gap: var(--mu-space-2);
        align-items: flex-end;
      }
      textarea {
        flex: 1;
        min-height: 44px;
        max-height: 160px;
        resize: none;
      }
      .counter {
        font-size: 0.8rem;
        color: var(--mu-text-muted);
        text-align: right;
      }
      .counter.full {
        color: var(--mu-danger);
        font-weight: 700;
      }
      .error {
        margin: 0;
      }
    `,
  ];

  @state() private draft = '';
  @state() private sending = false;
  @state() private error = '';
  @query('.log') private log?: HTMLDivElement;
  @query('textarea') private input!: HTMLTextAreaElement;
  readonly #live = new SessionController(this);
  readonly #app = new AppController(this);
  #stickToBottom = true;
  /** Set when the person sends: their own message always scrolls into view. */
  #forceScroll = false;
  #lastCount = 0;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const log = this.log;
    this.#stickToBottom = this.#forceScroll || !log || log.scrollHeight - log.scrollTop - log.clientHeight < STICK_PX;
  }

  protected override updated(): void {
    const count = this.#live.session?.state.chat?.messages.length ?? 0;
    if (count !== this.#lastCount) {
      if (this.#stickToBottom && this.log) this.log.scrollTop = this.log.scrollHeight;
      this.#forceScroll = false;
    }
    this.#lastCount = count;
  }

  override render() {
    const session = this.#live.session;
    const messages = session?.state.chat?.messages ?? [];
    const selfId = this.#live.view?.self.participantId;
    const live = session?.status.kind === 'live';
    const length = this.draft.length;
    // In a workshop room the chat reaches only that room (rule B7): say so where people type.
    const inRoom = (session?.state.chat?.roomId ?? PLENARY_ROOM) !== PLENARY_ROOM;
    const label = inRoom
      ? msg('Nachricht an diesen Raum', { id: 'chat.inputLabelRoom' })
      : msg('Nachricht an alle', { id: 'chat.inputLabel' });
    const time = new Intl.DateTimeFormat(this.#app.services.i18n.locale, { hour: '2-digit', minute: '2-digit' });
    return html`
      <div class="log" role="log" aria-label=${msg('Chatverlauf', { id: 'chat.log' })} tabindex="0">
        ${messages.length === 0
          ? html`<p class="empty" data-testid="chat-empty">${msg('Noch keine Nachrichten', { id: 'chat.empty' })}</p>`
          : html`<ol>
              ${repeat(
                messages,
                (m) => m.id,
                (m) => this.#message(m, m.participantId === selfId, time),
              )}
            </ol>`}
      </div>
      <form @submit=${this.#submit} novalidate>
        <label class="visually-hidden" for="chat-input">${label}</label>
        <div class="row">
          <textarea
            id="chat-input"
            rows="1"
            maxlength=${LIMITS.chatMax}
            placeholder=${`${label} …`}
            data-testid="chat-input"
            .value=${this.draft}
            aria-describedby=${this.error ? 'chat-error' : ''}
            @input=${(e: InputEvent) => {
              this.draft = (e.target as HTMLTextAreaElement).value;
              this.error = '';
            }}
            @keydown=${this.#onKeyDown}
          ></textarea>
          <button class="btn primary" type="submit" data-testid="chat-send" ?disabled=${this.sending || !live}>
            ${icon('send')}<span>${msg('Senden', { id: 'chat.send' })}</span>
          </button>
        </div>
        ${length >= COUNTER_FROM
          ? html`<p class="counter ${length >= LIMITS.chatMax ? 'full' : ''}" data-testid="chat-counter">
              ${msg(str`${length} von ${LIMITS.chatMax} Zeichen`, { id: 'chat.counter' })}
            </p>`
          : ''}
        ${this.error ? html`<p class="error" id="chat-error" role="alert" data-testid="chat-error">${icon('alert')}${this.error}</p>` : ''}
      </form>
    `;
  }

  #message(m: ChatMessage, own: boolean, time: Intl.DateTimeFormat) {
    return html`<li class=${own ? 'own' : ''} data-testid="chat-message" data-seq=${m.seq}>
      <div class="meta">
        <span class="name" data-testid="chat-message-name">${m.name}${own ? html` <span class="muted">(${msg('Sie', { id: 'common.you' })})</span>` : ''}</span>
        ${m.org ? html`<span class="org">${m.org}</span>` : ''}
        <time datetime=${new Date(m.at).toISOString()}>${time.format(m.at)}</time>
      </div>
      <p class="text" data-testid="chat-message-text">${m.text}</p>
    </li>`;
  }

  #onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void this.#send();
    }
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    void this.#send();
  }

  async #send(): Promise<void> {
    const session = this.#live.session;
    const text = this.draft.trim();
    if (!session || this.sending || !text) return;
    this.sending = true;
    this.#forceScroll = true;
    const reply = await session.sendChat(text);
    this.sending = false;
    if (reply.ok) {
      this.draft = '';
    } else {
      this.#forceScroll = false;
      this.error = errorMessage(reply.error);
    }
    await this.updateComplete;
    this.input.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-chat-panel': ChatPanel;
  }
}
