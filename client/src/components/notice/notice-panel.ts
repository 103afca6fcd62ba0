/**
 * <mashup-notice-panel> — a full-width message with a next step: removed,
 * left, event not found, new version available, connection failed.
 *
 * Attributes: `heading`, `text`, `tone` ('info' | 'success' | 'error').
 * Slot: default — the actions (buttons or links) that offer the next step.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';

@customElement('mashup-notice-panel')
export class NoticePanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 640px;
        margin: 48px auto;
      }
      .card {
        display: grid;
        gap: var(--mu-space-4);
      }
      .head {
        display: flex;
        gap: var(--mu-space-3);
        align-items: center;
      }
      .head svg {
        width: 28px;
        height: 28px;
        flex: none;
        color: var(--mu-primary);
      }
      :host([tone='error']) .head svg {
        color: var(--mu-danger);
      }
      :host([tone='success']) .head svg {
        color: var(--mu-success);
      }
      h1 {
        font-size: 1.5rem;
      }
      h1:focus {
        outline: none;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-3);
      }
    `,
  ];

  @property() heading = '';
  @property() text = '';
  @property({ reflect: true }) tone: 'info' | 'success' | 'error' = 'info';
  @query('h1') private headingEl!: HTMLHeadingElement;

  focusHeading(): void {
    this.headingEl?.focus();
  }

  override render() {
    return html`<section class="card" role=${this.tone === 'error' ? 'alert' : 'status'}>
      <div class="head">
        ${icon(this.tone === 'error' ? 'alert' : this.tone === 'success' ? 'check' : 'info')}
        <h1 tabindex="-1">${this.heading}</h1>
      </div>
      <p>${this.text}</p>
      <div class="actions"><slot></slot></div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-notice-panel': NoticePanel;
  }
}
