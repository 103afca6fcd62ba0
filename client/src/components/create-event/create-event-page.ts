/**
 * <mashup-create-event-page> — the form to create an event. After success it
 * shows the participant link and the host link (a secret) with copy buttons.
 */
import { localized, msg } from '@lit/localize';
import { LIMITS, type CreateEventReply, type Language } from '@mashup/shared';
import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { AppController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';
import '../copy-field/copy-field.js';

const HOUR_MS = 3_600_000;
const DEFAULT_LENGTH_MS = 8 * HOUR_MS;

/** `YYYY-MM-DDTHH:mm` in local time, the format of <input type="datetime-local">. */
function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

@customElement('mashup-create-event-page')
@localized()
export class CreateEventPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 720px;
      }
      h1 {
        font-size: 1.75rem;
        margin-bottom: var(--mu-space-4);
      }
      h1:focus,
      h2:focus {
        outline: none;
      }
      .two {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
        gap: var(--mu-space-4);
      }
      .result {
        display: grid;
        gap: var(--mu-space-5);
      }
      .secret {
        border-left: 4px solid var(--mu-warning);
        background: var(--mu-warning-soft);
        padding: var(--mu-space-3) var(--mu-space-4);
        border-radius: var(--mu-radius);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-3);
      }
    `,
  ];

  readonly #app = new AppController(this);
  @state() private busy = false;
  @state() private error = '';
  @state() private endError = '';
  @state() private titleError = '';
  @state() private created: CreateEventReply | null = null;
  @query('h1') private heading!: HTMLHeadingElement;
  @query('form') private form!: HTMLFormElement;
  readonly #defaultStart = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;

  focusHeading(): void {
    this.heading?.focus();
  }

  override render() {
    document.title = `${msg('Veranstaltung erstellen', { id: 'create.title' })} – Mashup`;
    return this.created ? this.#renderResult(this.created) : this.#renderForm();
  }

  #renderForm() {
    return html`<h1 tabindex="-1">${msg('Veranstaltung erstellen', { id: 'create.title' })}</h1>
      <form class="card" novalidate @submit=${this.#submit} aria-busy=${this.busy ? 'true' : 'false'}>
        <div class="field">
          <label for="title">${msg('Titel', { id: 'create.field.title' })}</label>
          <input
            id="title"
            name="title"
            required
            maxlength=${LIMITS.titleMax}
            data-testid="create-title"
            aria-invalid=${this.titleError ? 'true' : 'false'}
            aria-describedby=${this.titleError ? 'title-error' : ''}
            @input=${() => (this.titleError = '')}
          />
          ${this.titleError ? html`<p class="error" id="title-error">${icon('alert')}${this.titleError}</p>` : ''}
        </div>
        <div class="field">
          <label for="description">${msg('Beschreibung (optional)', { id: 'create.field.description' })}</label>
          <textarea id="description" name="description" rows="4" maxlength=${LIMITS.descriptionMax} data-testid="create-description"></textarea>
        </div>
        <div class="two">
          <div class="field">
            <label for="startsAt">${msg('Beginn', { id: 'create.field.start' })}</label>
            <input id="startsAt" name="startsAt" type="datetime-local" required .value=${toLocalInput(this.#defaultStart)} data-testid="create-starts" />
          </div>
          <div class="field">
            <label for="endsAt">${msg('Ende', { id: 'create.field.end' })}</label>
            <input
              id="endsAt"
              name="endsAt"
              type="datetime-local"
              required
              .value=${toLocalInput(this.#defaultStart + DEFAULT_LENGTH_MS)}
              data-testid="create-ends"
              aria-invalid=${this.endError ? 'true' : 'false'}
              aria-describedby=${this.endError ? 'end-error' : ''}
              @input=${() => (this.endError = '')}
            />
            ${this.endError ? html`<p class="error" id="end-error">${icon('alert')}${this.endError}</p>` : ''}
          </div>
        </div>
        <div class="field">
          <label for="language">${msg('Sprache der Veranstaltung', { id: 'create.field.language' })}</label>
          <select id="language" name="language" data-testid="create-language">
            <option value="de">Deutsch</option>
            <option value="en" lang="en">English</option>
          </select>
          <p class="hint">${msg('Teilnehmende sehen die Oberfläche zuerst in dieser Sprache und können sie umstellen.', { id: 'create.field.languageHint' })}</p>
        </div>
        <button class="btn primary" type="submit" data-testid="create-submit" ?disabled=${this.busy}>
          ${this.busy ? msg('Wird erstellt …', { id: 'create.busy' }) : msg('Veranstaltung erstellen', { id: 'create.submit' })}
        </button>
        ${this.error ? html`<p class="error" role="alert" data-testid="create-error">${icon('alert')}${this.error}</p>` : ''}
      </form>`;
  }

  #renderResult(created: CreateEventReply) {
    return html`<section class="result">
      <h1 tabindex="-1">${msg('Ihre Veranstaltung ist angelegt', { id: 'create.done.title' })}</h1>
      <p><strong>${created.event.title}</strong> · ${msg('Zugangscode', { id: 'create.done.code' })}: <code data-testid="event-code">${created.event.code}</code></p>
      <div class="card">
        <mashup-copy-field
          label=${msg('Link für Teilnehmende', { id: 'create.done.participantLink' })}
          description=${msg('Schicken Sie diesen Link an alle, die teilnehmen.', { id: 'create.done.participantHint' })}
          .value=${created.participantLink}
          inputTestid="participant-link"
          buttonTestid="copy-participant-link"
        ></mashup-copy-field>
      </div>
      <div class="card">
        <mashup-copy-field
          label=${msg('Link für die Moderation', { id: 'create.done.hostLink' })}
          description=${msg('Nur für Moderierende: Wer diesen Link hat, kann die Veranstaltung steuern.', { id: 'create.done.hostHint' })}
          .value=${created.hostLink}
          inputTestid="host-link"
          buttonTestid="copy-host-link"
        ></mashup-copy-field>
        <p class="secret">
          ${msg('Bewahren Sie den Moderationslink sicher auf. Er wird nur jetzt angezeigt.', { id: 'create.done.keepSafe' })}
        </p>
      </div>
      <div class="actions">
        <a class="btn primary" href=${created.hostLink} data-testid="open-host-link">
          ${msg('Jetzt als Moderation beitreten', { id: 'create.done.openHost' })}
        </a>
      </div>
    </section>`;
  }

  async #submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const data = new FormData(this.form);
    const title = String(data.get('title') ?? '').trim();
    const startsAt = Date.parse(String(data.get('startsAt') ?? ''));
    const endsAt = Date.parse(String(data.get('endsAt') ?? ''));
    this.titleError = title ? '' : msg('Bitte geben Sie einen Titel ein.', { id: 'create.error.title' });
    this.endError =
      Number.isFinite(startsAt) && Number.isFinite(endsAt) && endsAt > startsAt
        ? ''
        : msg('Das Ende muss nach dem Beginn liegen.', { id: 'create.error.end' });
    if (this.titleError || this.endError) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    const reply = await this.#app.services.api.createEvent({
      title,
      description: String(data.get('description') ?? '').trim(),
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(endsAt).toISOString(),
      language: (data.get('language') === 'en' ? 'en' : 'de') satisfies Language,
    });
    this.busy = false;
    if (!reply.ok) {
      this.error = errorMessage(reply.error);
      return;
    }
    this.created = reply.data;
    await this.updateComplete;
    this.focusHeading();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-create-event-page': CreateEventPage;
  }
}
