/**
 * <mashup-site-header> — the header outside an event: product name (link to
 * the start page) and the language toggle.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { baseStyles } from '../../styles/shared.js';
import '../lang-toggle/lang-toggle.js';

@customElement('mashup-site-header')
@localized()
export class SiteHeader extends LitElement {
  static override styles = [
    baseStyles,
    css`
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--mu-space-3);
        padding: var(--mu-space-2) var(--mu-space-4);
        background: var(--mu-surface);
        border-bottom: 1px solid var(--mu-border-soft);
      }
      .brand {
        display: inline-flex;
        align-items: center;
        gap: var(--mu-space-2);
        min-height: var(--mu-target);
        font-weight: 800;
        font-size: 1.125rem;
        color: var(--mu-text);
        text-decoration: none;
      }
      .logo {
        display: inline-grid;
        place-items: center;
        width: 28px;
        height: 28px;
        border-radius: 7px;
        background: var(--mu-primary);
        color: var(--mu-on-primary);
        font-size: 0.9rem;
      }
    `,
  ];

  override render() {
    return html`<header>
      <a class="brand" href="/">
        <span class="logo" aria-hidden="true">M</span><span>Mashup</span
        ><span class="visually-hidden"> – ${msg('zur Startseite', { id: 'header.home' })}</span>
      </a>
      <mashup-lang-toggle></mashup-lang-toggle>
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-site-header': SiteHeader;
  }
}
