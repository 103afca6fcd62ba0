/**
 * <mashup-announcement-banner> — the host's current announcement, just below
 * the top bar. Each person can hide an announcement; a new one shows again.
 *
 * Properties: `announcement` (Announcement | null), `dismissedId` (string | null).
 * Events: `announcement-dismiss` — detail `{ id }`.
 */
import { localized, msg } from '@lit/localize';
import type { Announcement } from '@mashup/shared';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';

@customElement('mashup-announcement-banner')
@localized()
export class AnnouncementBanner extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .banner {
        display: flex;
        align-items: flex-start;
        gap: var(--mu-space-3);
        padding: var(--mu-space-3) var(--mu-space-4);
        background: var(--mu-primary-soft);
        color: var(--mu-on-primary-soft);
        border-bottom: 2px solid var(--mu-primary);
      }
      .banner > svg {
        width: 24px;
        height: 24px;
        flex: none;
        margin-top: 2px;
      }
      .content {
        flex: 1;
        min-width: 0;
      }
      .title {
        font-weight: 700;
        margin-right: var(--mu-space-2);
      }
      .text {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .btn {
        color: inherit;
      }
    `,
  ];

  @property({ attribute: false }) announcement: Announcement | null = null;
  @property({ attribute: false }) dismissedId: string | null = null;

  override render() {
    const a = this.announcement;
    const visible = a !== null && a.id !== this.dismissedId;
    // One stable live region; only its content changes, so new announcements are read out.
    return html`<div role="status" aria-live="polite" aria-atomic="true">
      ${visible
        ? html`<div class="banner" data-testid="announcement-banner" data-announcement-id=${a.id}>
            ${icon('megaphone')}
            <p class="content">
              <span class="title">${msg('Durchsage:', { id: 'announcement.title' })}</span>
              <span class="text" data-testid="announcement-text">${a.text}</span>
            </p>
            <button
              class="btn quiet small"
              type="button"
              data-testid="announcement-dismiss"
              @click=${() => this.#dismiss(a.id)}
            >
              ${icon('close')}<span>${msg('Ausblenden', { id: 'announcement.dismiss' })}</span>
            </button>
          </div>`
        : ''}
    </div>`;
  }

  #dismiss(id: string): void {
    this.dispatchEvent(new CustomEvent('announcement-dismiss', { detail: { id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-announcement-banner': AnnouncementBanner;
  }
}
