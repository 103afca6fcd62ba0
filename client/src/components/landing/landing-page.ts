/**
 * <mashup-landing-page> — the start page: join an event with its code (or a
 * pasted link), or create a new event.
 *
 * Events: `mashup-navigate` to `/j/<CODE>` after a valid code.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { icon } from '../../icons.js';
import { hostKeyFromHash, parseJoinInput } from '../../router.js';
import { baseStyles } from '../../styles/shared.js';
import { navigateEvent } from '../navigate.js';

@customElement('mashup-landing-page')
@localized()
export class LandingPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: clamp(1.75rem, 4vw, 2.5rem);
        margin-bottom: var(--mu-space-2);
      }
      h1:focus {
        outline: none;
      }
      .lead {
        font-size: 1.125rem;
        color: var(--mu-text-muted);
        max-width: 60ch;
        margin-bottom: var(--mu-space-5);
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
        gap: var(--mu-space-5);
      }
      h2 {
        font-size: 1.25rem;
        margin-bottom: var(--mu-space-3);
      }
      .card p {
        margin-bottom: var(--mu-space-4);
      }
      .row {
        display: flex;
        gap: var(--mu-space-2);
      }
      .row input {
        flex: 1;
        text-transform: uppercase;
        font-family: var(--mu-font-mono);
        letter-spacing: 0.08em;
      }
    `,
  ];

  @state() private error = '';
  @query('h1') private heading!: HTMLHeadingElement;
  @query('#code') private codeInput!: HTMLInputElement;

  focusHeading(): void {
    this.heading?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = 'Mashup';
  }

  override render() {
    return html`
      <h1 tabindex="-1">${msg('Vernetzungstage online', { id: 'landing.title' })}</h1>
      <p class="lead">
        ${msg('Plenum, Workshops und Austausch in einem Browserfenster – ein Link, kein Konto, keine App.', {
          id: 'landing.lead',
        })}
      </p>
      <div class="grid">
        <section class="card" aria-labelledby="join-heading">
          <h2 id="join-heading">${msg('An einer Veranstaltung teilnehmen', { id: 'landing.join.title' })}</h2>
          <form novalidate @submit=${this.#submit}>
            <label for="code">${msg('Zugangscode oder Link', { id: 'landing.join.label' })}</label>
            <div class="row">
              <input
                id="code"
                name="code"
                data-testid="join-code-input"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                aria-describedby="code-hint ${this.error ? 'code-error' : ''}"
                aria-invalid=${this.error ? 'true' : 'false'}
                @input=${() => (this.error = '')}
              />
              <button class="btn primary" type="submit" data-testid="join-code-submit">
                ${msg('Teilnehmen', { id: 'landing.join.submit' })}
              </button>
            </div>
            <p class="hint" id="code-hint">
              ${msg('Den Code finden Sie in Ihrer Einladung, z. B. K7M2QX.', { id: 'landing.join.hint' })}
            </p>
            ${this.error
              ? html`<p class="error" id="code-error" role="alert" data-testid="join-code-error">${icon('alert')}${this.error}</p>`
              : ''}
          </form>
        </section>
        <section class="card" aria-labelledby="create-heading">
          <h2 id="create-heading">${msg('Veranstaltung organisieren', { id: 'landing.create.title' })}</h2>
          <p>
            ${msg('Legen Sie eine Veranstaltung an und erhalten Sie einen Link für Teilnehmende und einen für die Moderation.', {
              id: 'landing.create.text',
            })}
          </p>
          <a class="btn primary" href="/new" data-testid="create-event-link">
            ${icon('plus')}${msg('Veranstaltung erstellen', { id: 'landing.create.link' })}
          </a>
        </section>
      </div>
    `;
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const code = parseJoinInput(this.codeInput.value);
    if (!code) {
      this.error = msg('Bitte geben Sie einen gültigen Zugangscode ein: 6 Zeichen, z. B. K7M2QX.', {
        id: 'landing.join.invalid',
      });
      this.codeInput.focus();
      return;
    }
    // A pasted host link keeps its secret fragment, so organisers can use this field too.
    const raw = this.codeInput.value.trim();
    const hostKey = raw.includes('#') ? hostKeyFromHash(raw.slice(raw.indexOf('#'))) : null;
    this.dispatchEvent(navigateEvent(hostKey ? `/j/${code}#host=${encodeURIComponent(hostKey)}` : `/j/${code}`));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-landing-page': LandingPage;
  }
}
