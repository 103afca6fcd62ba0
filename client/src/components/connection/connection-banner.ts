/**
 * <mashup-connection-banner> — shown while the connection is lost: says that
 * we are reconnecting (the content below stays visible) and offers a button
 * to try right away.
 *
 * Properties: `status` (SessionStatus).
 * Events: `reconnect-now`.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SessionStatus } from '../../services/event-session.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';

@customElement('mashup-connection-banner')
@localized()
export class ConnectionBanner extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .banner {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: var(--mu-space-2) var(--mu-space-3);
        padding: var(--mu-space-2) var(--mu-space-4);
        background: var(--mu-warning-soft);
        border-bottom: 2px solid var(--mu-warning);
        font-weight: 600;
      }
      .banner svg {
        width: 20px;
        height: 20px;
        color: var(--mu-warning);
      }
      .text {
        flex: 1 1 auto;
      }
    `,
  ];

  @property({ attribute: false }) status: SessionStatus = { kind: 'connecting' };

  override render() {
    // The live region stays in the DOM so its text change is announced.
    const reconnecting = this.status.kind === 'reconnecting';
    return html`<div role="status" aria-live="polite">
      ${reconnecting
        ? html`<div class="banner" data-testid="connection-banner">
            ${icon('wifiOff')}
            <span class="text">${msg('Verbindung verloren – wir verbinden neu …', { id: 'connection.reconnecting' })}</span>
            <button
              class="btn small"
              type="button"
              data-testid="reconnect-now"
              @click=${() => this.dispatchEvent(new CustomEvent('reconnect-now', { bubbles: true, composed: true }))}
            >
              ${msg('Jetzt neu verbinden', { id: 'connection.retryNow' })}
            </button>
          </div>`
        : ''}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-connection-banner': ConnectionBanner;
  }
}
