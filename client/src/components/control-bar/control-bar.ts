/**
 * <mashup-control-bar> — the bar at the bottom: microphone, camera, screen
 * share and devices (<mashup-media-controls>, only what the person may use
 * here), raise/lower hand, reactions, (hosts) show/hide the host menu, leave.
 * Every button has an icon and a text label.
 *
 * Properties: `hostMenuOpen`.
 * Events: `host-menu-toggle`, `leave`.
 */
import { localized, msg } from '@lit/localize';
import { REACTION_KINDS, type Ack, type ReactionKind } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { icon } from '../../icons.js';
import { hasRaisedHand, isHost } from '../../state/selectors.js';
import { barButtonStyles } from '../../styles/control-bar.js';
import { baseStyles } from '../../styles/shared.js';
import { REACTION_ICONS, reactionLabel } from '../reactions/reaction-kinds.js';
import '../media/media-controls.js';

@customElement('mashup-control-bar')
@localized()
export class ControlBar extends LitElement {
  static override styles = [
    baseStyles,
    barButtonStyles,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mu-space-2) var(--mu-space-3);
        padding: var(--mu-space-2) var(--mu-space-4);
        background: var(--mu-surface);
        border-top: 1px solid var(--mu-border-soft);
      }
      .group {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
      }
      .spacer {
        flex: 1;
      }
      .hand[aria-pressed='true'] svg {
        color: var(--mu-warning);
      }
      .leave {
        color: var(--mu-danger);
        border-color: var(--mu-danger);
      }
      .error {
        flex-basis: 100%;
        margin: 0;
      }
      /* Phones: the media buttons in the first row (media-controls.ts), hand, host menu and leave
         in the next; the four reactions share the last row with the label under the icon, so labels stay. */
      @media (max-width: 760px) {
        .bar {
          padding: var(--mu-space-2);
        }
        .spacer {
          display: block;
        }
        .group {
          order: 5;
          flex-basis: 100%;
          display: grid;
          grid-template-columns: repeat(4, minmax(0, 1fr));
          gap: var(--mu-space-1);
        }
        .group .btn {
          flex-direction: column;
          gap: 0;
          padding: 2px 4px;
          font-size: 0.75rem;
          font-weight: 600;
        }
        .btn {
          padding: 4px 10px;
        }
      }
    `,
  ];

  @property({ type: Boolean }) hostMenuOpen = false;
  #busy = false;
  @state() private error = '';
  readonly #live = new SessionController(this);

  override render() {
    const view = this.#live.view;
    if (!view) return nothing;
    const raised = hasRaisedHand(view);
    const live = this.#live.session?.status.kind === 'live';
    return html`<div class="bar" role="group" aria-label=${msg('Steuerung', { id: 'controls.label' })}>
      <mashup-media-controls></mashup-media-controls>
      <button
        class="btn hand"
        type="button"
        data-testid="hand-toggle"
        aria-pressed=${raised ? 'true' : 'false'}
        aria-disabled=${live ? 'false' : 'true'}
        @click=${() => this.#run(() => (raised ? this.#live.session!.lowerHand() : this.#live.session!.raiseHand()))}
      >
        ${icon('hand')}<span>${raised ? msg('Hand senken', { id: 'hand.lower' }) : msg('Hand heben', { id: 'hand.raise' })}</span>
      </button>
      <div class="group" role="group" aria-label=${msg('Reaktionen', { id: 'reaction.group' })}>
        ${REACTION_KINDS.map(
          (kind) => html`<button
            class="btn"
            type="button"
            data-testid="reaction-${kind}"
            aria-disabled=${live ? 'false' : 'true'}
            @click=${() => this.#react(kind)}
          >
            ${icon(REACTION_ICONS[kind])}<span>${reactionLabel(kind)}</span>
          </button>`,
        )}
      </div>
      <span class="spacer"></span>
      ${isHost(view)
        ? html`<button
            class="btn"
            type="button"
            data-testid="host-menu-toggle"
            aria-expanded=${this.hostMenuOpen ? 'true' : 'false'}
            @click=${() => this.dispatchEvent(new CustomEvent('host-menu-toggle', { bubbles: true, composed: true }))}
          >
            ${icon('sliders')}<span>${msg('Moderation', { id: 'role.host' })}</span>
          </button>`
        : nothing}
      <button
        class="btn leave"
        type="button"
        data-testid="leave"
        @click=${() => this.dispatchEvent(new CustomEvent('leave', { bubbles: true, composed: true }))}
      >
        ${icon('leave')}<span>${msg('Verlassen', { id: 'controls.leave' })}</span>
      </button>
      ${this.error ? html`<p class="error" role="alert" data-testid="controls-error">${icon('alert')}${this.error}</p>` : nothing}
    </div>`;
  }

  // aria-disabled instead of disabled: a disabled button drops keyboard focus
  // when the connection blips, so these guard the click themselves.
  async #react(kind: ReactionKind): Promise<void> {
    if (this.#live.session?.status.kind !== 'live') return;
    const reply = await this.#live.session?.react(kind);
    // Reactions are ambient: a rate limit just drops the extra clicks; other errors are shown.
    if (reply && !reply.ok && reply.error.code !== 'rate.limited') this.error = errorMessage(reply.error);
  }

  async #run(request: () => Promise<Ack<unknown>>): Promise<void> {
    if (this.#busy || this.#live.session?.status.kind !== 'live') return;
    this.#busy = true;
    this.error = '';
    const reply = await request();
    this.#busy = false;
    if (!reply.ok) this.error = errorMessage(reply.error);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-control-bar': ControlBar;
  }
}
