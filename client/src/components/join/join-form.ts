/**
 * <mashup-join-form> — name and municipality/organisation before entering an
 * event; both are prefilled from this device.
 *
 * Properties: `event` (EventInfo), `asHost`, `name`, `org` (initial values),
 * `busy`, `error` (shown inline), `notice` (why the form is shown again).
 * Events: `join-submit` — detail `{ name, org }`, both trimmed; name non-empty.
 */
import { localized, msg } from '@lit/localize';
import { LIMITS, type EventInfo } from '@mashup/shared';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { AppController } from '../../context.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';

export interface JoinSubmitDetail {
  name: string;
  org: string;
}

export function formatEventTime(event: EventInfo, locale: string): string {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return '';
  const sameDay = start.toDateString() === end.toDateString();
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  return sameDay
    ? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

@customElement('mashup-join-form')
@localized()
export class JoinForm extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 640px;
        margin: 0 auto;
      }
      .event {
        margin-bottom: var(--mu-space-5);
      }
      .kicker {
        font-weight: 700;
        color: var(--mu-text-muted);
        text-transform: uppercase;
        letter-spacing: 0.06em;
        font-size: 0.8rem;
      }
      h1 {
        font-size: clamp(1.5rem, 4vw, 2rem);
        margin: var(--mu-space-1) 0 var(--mu-space-2);
      }
      h1:focus {
        outline: none;
      }
      .description {
        white-space: pre-line;
        margin-top: var(--mu-space-3);
      }
      h2 {
        font-size: 1.25rem;
        margin-bottom: var(--mu-space-4);
      }
      .host {
        display: flex;
        gap: var(--mu-space-2);
        align-items: center;
        margin-bottom: var(--mu-space-4);
      }
      .notice {
        border-left: 4px solid var(--mu-primary);
        background: var(--mu-primary-soft);
        color: var(--mu-on-primary-soft);
        padding: var(--mu-space-3) var(--mu-space-4);
        border-radius: var(--mu-radius);
        margin-bottom: var(--mu-space-4);
      }
      .privacy {
        font-size: 0.875rem;
        color: var(--mu-text-muted);
        margin: var(--mu-space-4) 0;
      }
      button[type='submit'] {
        width: 100%;
        min-height: 44px;
      }
    `,
  ];

  @property({ attribute: false }) event!: EventInfo;
  @property({ type: Boolean }) asHost = false;
  @property() name = '';
  @property() org = '';
  @property({ type: Boolean }) busy = false;
  @property() error = '';
  @property() notice = '';
  @state() private nameError = '';
  @query('h1') private heading!: HTMLHeadingElement;
  @query('#name') private nameInput!: HTMLInputElement;
  @query('#org') private orgInput!: HTMLInputElement;
  readonly #app = new AppController(this);

  focusHeading(): void {
    this.heading?.focus();
  }

  override render() {
    const when = formatEventTime(this.event, this.#app.services.i18n.locale);
    return html`
      <header class="event">
        <p class="kicker">${msg('Veranstaltung', { id: 'join.kicker' })}</p>
        <h1 tabindex="-1" data-testid="event-title">${this.event.title}</h1>
        ${when ? html`<p class="muted">${when}</p>` : ''}
        ${this.event.description ? html`<p class="description">${this.event.description}</p>` : ''}
      </header>
      <form class="card" novalidate @submit=${this.#submit} aria-busy=${this.busy ? 'true' : 'false'}>
        <h2>${msg('Wie sollen andere Sie sehen?', { id: 'join.form.title' })}</h2>
        ${this.notice ? html`<p class="notice" role="status" data-testid="join-notice">${this.notice}</p>` : ''}
        ${this.asHost
          ? html`<p class="host" data-testid="join-as-host"><span class="badge">${msg('Moderation', { id: 'role.host' })}</span>
              ${msg('Sie treten mit dem Moderationslink bei.', { id: 'join.asHost' })}</p>`
          : ''}
        <div class="field">
          <label for="name">${msg('Anzeigename', { id: 'join.field.name' })}</label>
          <input
            id="name"
            name="name"
            required
            autocomplete="name"
            maxlength=${LIMITS.nameMax}
            .value=${this.name}
            data-testid="join-name"
            aria-invalid=${this.nameError ? 'true' : 'false'}
            aria-describedby=${this.nameError ? 'name-error' : ''}
            @input=${() => (this.nameError = '')}
          />
          ${this.nameError ? html`<p class="error" id="name-error">${icon('alert')}${this.nameError}</p>` : ''}
        </div>
        <div class="field">
          <label for="org">${msg('Kommune oder Organisation', { id: 'join.field.org' })}</label>
          <input
            id="org"
            name="org"
            autocomplete="organization"
            maxlength=${LIMITS.orgMax}
            .value=${this.org}
            data-testid="join-org"
            aria-describedby="org-hint"
          />
          <p class="hint" id="org-hint">${msg('Zum Beispiel: Stadt Ulm, Landkreis Wunsiedel', { id: 'join.field.orgHint' })}</p>
        </div>
        <p class="privacy">
          ${msg('Name und Organisation sehen alle in dieser Veranstaltung. Dieses Gerät merkt sich beides für das nächste Mal.', {
            id: 'join.privacy',
          })}
        </p>
        <button class="btn primary" type="submit" data-testid="join-submit" ?disabled=${this.busy}>
          ${this.busy ? msg('Sie treten bei …', { id: 'join.busy' }) : msg('Beitreten', { id: 'join.submit' })}
        </button>
        ${this.error ? html`<p class="error" role="alert" data-testid="join-error">${icon('alert')}${this.error}</p>` : ''}
      </form>
    `;
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.busy) return;
    const name = this.nameInput.value.trim();
    const org = this.orgInput.value.trim();
    if (!name) {
      this.nameError = msg('Bitte geben Sie einen Namen ein.', { id: 'join.error.name' });
      this.nameInput.focus();
      return;
    }
    this.dispatchEvent(
      new CustomEvent<JoinSubmitDetail>('join-submit', { detail: { name, org }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-join-form': JoinForm;
  }
}
