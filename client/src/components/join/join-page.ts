/**
 * <mashup-join-page> — everything under `/j/<CODE>`: loads the event's public
 * info, asks for name and organisation (or rejoins with the token this device
 * holds), opens the live session and shows the plenary, and shows where a
 * session ended (removed, left, new version …) with the next step.
 *
 * Properties: `code` (join code), `hostKey` (secret from the `#host=` fragment or null).
 */
import { localized, msg } from '@lit/localize';
import type { ErrorBody, EventInfo } from '@mashup/shared';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { AppController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import type { Disposer } from '../../services/clock.js';
import type { EndReason, EventSession } from '../../services/event-session.js';
import type { MediaSession } from '../../services/media/media-session.js';
import { baseStyles } from '../../styles/shared.js';
import { navigateEvent } from '../navigate.js';
import type { JoinSubmitDetail } from './join-form.js';
import './join-form.js';
import '../notice/notice-panel.js';
import '../plenary/plenary-view.js';
import '../site-header/site-header.js';

type Phase =
  | { kind: 'loading' }
  | { kind: 'loadFailed'; error: ErrorBody }
  | { kind: 'form'; notice: string }
  | { kind: 'session' }
  | { kind: 'ended'; reason: EndReason };

@customElement('mashup-join-page')
@localized()
export class JoinPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        min-height: 100dvh;
      }
      .page {
        padding: var(--mu-space-5) var(--mu-space-4) 48px;
      }
      .skeleton {
        max-width: 640px;
        margin: 0 auto;
        display: grid;
        gap: var(--mu-space-3);
      }
      .bone {
        height: 20px;
        border-radius: var(--mu-radius);
        background: var(--mu-surface-2);
      }
      .bone.title {
        height: 36px;
        width: 70%;
      }
      .bone.block {
        height: 220px;
      }
    `,
  ];

  @property() code = '';
  @property({ attribute: false }) hostKey: string | null = null;
  @state() private phase: Phase = { kind: 'loading' };
  @state() private event: EventInfo | null = null;
  @state() private busy = false;
  @state() private error = '';
  @state() private session: EventSession | null = null;
  /** The tab's audio and video, living and dying with the session. */
  #media: MediaSession | null = null;
  @query('[data-focus-target]') private focusTarget?: HTMLElement & { focusHeading?: () => void };

  readonly #app = new AppController(this);
  #unsubscribe: Disposer | undefined;

  focusHeading(): void {
    this.focusTarget?.focusHeading?.();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.phase.kind === 'loading') void this.#load();
  }

  override disconnectedCallback(): void {
    this.#closeSession();
    super.disconnectedCallback();
  }

  protected override firstUpdated(): void {
    void this.#load();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('phase') && changed.get('phase') !== undefined) this.focusHeading();
    document.title = this.event ? `${this.event.title} – Mashup` : 'Mashup';
  }

  override render() {
    if (this.phase.kind === 'session' && this.session) {
      return html`<mashup-plenary .session=${this.session} .media=${this.#media ?? undefined} .code=${this.code}></mashup-plenary>`;
    }
    return html`<mashup-site-header></mashup-site-header>
      <main class="page">${this.#renderPhase()}</main>`;
  }

  #renderPhase() {
    const home = html`<a class="btn" href="/">${msg('Zur Startseite', { id: 'app.toHome' })}</a>`;
    switch (this.phase.kind) {
      case 'loading':
      case 'session':
        return html`<div class="skeleton" aria-busy="true">
          <span class="visually-hidden" role="status">${msg('Wird geladen …', { id: 'common.loading' })}</span>
          <div class="bone title"></div>
          <div class="bone"></div>
          <div class="bone block"></div>
        </div>`;
      case 'loadFailed': {
        const notFound = this.phase.error.code === 'event.not_found' || this.phase.error.code === 'http.not_found';
        return html`<mashup-notice-panel
          data-focus-target
          tone="error"
          data-testid=${notFound ? 'event-not-found' : 'load-error'}
          heading=${notFound
            ? msg('Veranstaltung nicht gefunden', { id: 'join.notFound.title' })
            : msg('Keine Verbindung zum Server', { id: 'join.loadFailed.title' })}
          text=${errorMessage(this.phase.error)}
        >
          ${notFound
            ? nothing
            : html`<button class="btn primary" type="button" @click=${() => this.#load()}>
                ${msg('Erneut versuchen', { id: 'common.retry' })}
              </button>`}
          ${home}
        </mashup-notice-panel>`;
      }
      case 'form': {
        const profile = this.#app.services.store.profile();
        return html`<mashup-join-form
          data-focus-target
          .event=${this.event!}
          .asHost=${this.hostKey !== null}
          .name=${profile?.name ?? ''}
          .org=${profile?.org ?? ''}
          .busy=${this.busy}
          .error=${this.error}
          .notice=${this.phase.notice}
          @join-submit=${this.#onSubmit}
        ></mashup-join-form>`;
      }
      case 'ended':
        return this.#renderEnded(this.phase.reason, home);
    }
  }

  #renderEnded(reason: EndReason, home: unknown) {
    const reload = html`<button class="btn primary" type="button" data-testid="reload" @click=${() => location.reload()}>
      ${msg('Seite neu laden', { id: 'common.reload' })}
    </button>`;
    switch (reason) {
      case 'removed':
        return html`<mashup-notice-panel
          data-focus-target
          data-testid="removed-screen"
          heading=${msg('Sie sind nicht mehr in der Veranstaltung', { id: 'ended.removed.title' })}
          text=${msg('Sie wurden von der Moderation aus der Veranstaltung entfernt.', { id: 'error.removed' })}
          >${home}</mashup-notice-panel
        >`;
      case 'left':
        return html`<mashup-notice-panel
          data-focus-target
          tone="success"
          data-testid="left-screen"
          heading=${msg('Sie haben die Veranstaltung verlassen', { id: 'ended.left.title' })}
          text=${msg('Sie können jederzeit über denselben Link wieder beitreten.', { id: 'ended.left.text' })}
        >
          <button class="btn primary" type="button" data-testid="rejoin" @click=${this.#rejoin}>
            ${msg('Wieder beitreten', { id: 'ended.left.rejoin' })}
          </button>
          ${home}
        </mashup-notice-panel>`;
      case 'versionMismatch':
        return html`<mashup-notice-panel
          data-focus-target
          data-testid="version-mismatch"
          heading=${msg('Neue Version verfügbar', { id: 'ended.version.title' })}
          text=${msg('Es gibt eine neue Version von Mashup. Bitte laden Sie die Seite neu.', { id: 'error.versionMismatch' })}
          >${reload}</mashup-notice-panel
        >`;
      case 'eventNotFound':
        return html`<mashup-notice-panel
          data-focus-target
          tone="error"
          data-testid="event-not-found"
          heading=${msg('Veranstaltung nicht gefunden', { id: 'join.notFound.title' })}
          text=${errorMessage('event.not_found')}
          >${home}</mashup-notice-panel
        >`;
      case 'authInvalid':
      case 'failed':
        return html`<mashup-notice-panel
          data-focus-target
          tone="error"
          data-testid="session-error"
          heading=${msg('Verbindung nicht möglich', { id: 'ended.failed.title' })}
          text=${msg('Die Verbindung zur Veranstaltung konnte nicht hergestellt werden. Bitte laden Sie die Seite neu.', {
            id: 'ended.failed.text',
          })}
          >${reload}${home}</mashup-notice-panel
        >`;
    }
  }

  async #load(): Promise<void> {
    this.phase = { kind: 'loading' };
    const { api, store, i18n } = this.#app.services;
    const reply = await api.getEvent(this.code);
    if (!reply.ok) {
      this.phase = { kind: 'loadFailed', error: reply.error };
      return;
    }
    this.event = reply.data.event;
    await i18n.suggest(this.event.language);
    // Reload or second tab: the token on this device rejoins as the same person.
    // A host link always goes through the form, so the secret reaches the server.
    const token = store.token(this.code);
    if (token && this.hostKey === null) this.#openSession(token);
    else this.phase = { kind: 'form', notice: '' };
  }

  async #onSubmit(e: CustomEvent<JoinSubmitDetail>): Promise<void> {
    const { api, store } = this.#app.services;
    const { name, org } = e.detail;
    this.busy = true;
    this.error = '';
    let token = store.token(this.code) ?? undefined;
    const body = () => ({ name, org, ...(this.hostKey ? { hostKey: this.hostKey } : {}), ...(token ? { token } : {}) });
    let reply = await api.join(this.code, body());
    if (!reply.ok && reply.error.code === 'auth.invalid' && token) {
      // A token from an older server or another device state: join afresh.
      store.forgetToken(this.code);
      token = undefined;
      reply = await api.join(this.code, body());
    }
    this.busy = false;
    if (!reply.ok) {
      switch (reply.error.code) {
        case 'auth.removed':
          // Keep the refused token: it is what keeps this device out after a reload (rule A2).
          this.phase = { kind: 'ended', reason: 'removed' };
          return;
        case 'event.not_found':
          this.phase = { kind: 'loadFailed', error: reply.error };
          return;
        default:
          this.error = errorMessage(reply.error);
          return;
      }
    }
    store.saveProfile({ name, org });
    store.saveToken(this.code, reply.data.token);
    if (this.hostKey !== null) {
      // The secret has done its job; take it out of the address bar so it is not shared by accident.
      this.dispatchEvent(navigateEvent(`/j/${this.code}`, true));
    }
    this.#openSession(reply.data.token);
  }

  #rejoin = (): void => {
    const token = this.#app.services.store.token(this.code);
    if (token) this.#openSession(token);
    else this.phase = { kind: 'form', notice: '' };
  };

  #openSession(token: string): void {
    this.#closeSession();
    const session = this.#app.services.openSession(token);
    this.#media = this.#app.services.openMedia(session);
    this.session = session;
    this.#unsubscribe = session.subscribe(() => this.#onSessionChange(session));
    this.phase = { kind: 'session' };
    session.connect();
  }

  #onSessionChange(session: EventSession): void {
    const status = session.status;
    if (status.kind !== 'ended' || this.session !== session) return;
    const { store } = this.#app.services;
    this.#closeSession();
    switch (status.reason) {
      case 'removed':
        // The token stays stored: a reload or a new join from this device is refused with auth.removed.
        this.phase = { kind: 'ended', reason: 'removed' };
        return;
      case 'authInvalid':
        store.forgetToken(this.code);
        this.phase = {
          kind: 'form',
          notice: msg('Ihre Anmeldung ist nicht mehr gültig. Bitte treten Sie erneut bei.', { id: 'error.authInvalid' }),
        };
        return;
      default:
        this.phase = { kind: 'ended', reason: status.reason };
    }
  }

  #closeSession(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    // Media first: it says media:leave on the still open connection and stops the camera.
    this.#media?.dispose();
    this.#media = null;
    this.session?.dispose();
    this.session = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-join-page': JoinPage;
  }
}
