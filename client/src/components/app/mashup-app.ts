/**
 * <mashup-app> — the app shell: provides the app services to every component
 * and routes between the landing page, the create form and an event.
 *
 * Properties: `services` (AppServices, set once by main.ts).
 * Listens for: `mashup-navigate` events and clicks on same-origin links, which it
 * turns into history navigation without a page load.
 */
import { ContextProvider } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { appContext, type AppServices } from '../../context.js';
import { hostKeyFromHash, matchRoute, type Route } from '../../router.js';
import { baseStyles } from '../../styles/shared.js';
import { NAVIGATE_EVENT, type NavigateDetail } from '../navigate.js';
import '../site-header/site-header.js';
import '../landing/landing-page.js';
import '../create-event/create-event-page.js';
import '../join/join-page.js';
import '../notice/notice-panel.js';

/** Pages that can take focus on their main heading after a navigation. */
interface FocusablePage extends HTMLElement {
  focusHeading?: () => void;
}

@customElement('mashup-app')
@localized()
export class MashupApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        min-height: 100dvh;
      }
      .page {
        max-width: 960px;
        margin: 0 auto;
        padding: var(--mu-space-5) var(--mu-space-4) 48px;
      }
    `,
  ];

  @property({ attribute: false }) services!: AppServices;
  @state() private route: Route = matchRoute(location.pathname);
  @state() private hash = location.hash;

  readonly #provider = new ContextProvider(this, { context: appContext });
  #focusAfterRender = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    this.addEventListener('click', this.#onClick);
    this.addEventListener(NAVIGATE_EVENT, this.#onNavigate);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#onPopState);
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener(NAVIGATE_EVENT, this.#onNavigate);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services')) this.#provider.setValue(this.services);
  }

  protected override updated(): void {
    if (!this.#focusAfterRender) return;
    this.#focusAfterRender = false;
    // Tell screen-reader and keyboard users the page changed: focus its heading.
    const page = this.renderRoot.querySelector<FocusablePage>('[data-page]');
    if (page && 'updateComplete' in page) {
      void (page as FocusablePage & { updateComplete: Promise<unknown> }).updateComplete.then(() => page.focusHeading?.());
    }
  }

  override render() {
    switch (this.route.name) {
      case 'landing':
        return html`<mashup-site-header></mashup-site-header>
          <main class="page"><mashup-landing-page data-page></mashup-landing-page></main>`;
      case 'new':
        return html`<mashup-site-header></mashup-site-header>
          <main class="page"><mashup-create-event-page data-page></mashup-create-event-page></main>`;
      case 'join':
        // keyed: another event code is another page with fresh state and session.
        return keyed(
          this.route.code,
          html`<mashup-join-page data-page .code=${this.route.code} .hostKey=${hostKeyFromHash(this.hash)}></mashup-join-page>`,
        );
      case 'notFound':
        return html`<mashup-site-header></mashup-site-header>
          <main class="page">
            <mashup-notice-panel
              data-page
              data-testid="page-not-found"
              heading=${msg('Seite nicht gefunden', { id: 'app.notFound.title' })}
              text=${msg('Diese Adresse gibt es bei Mashup nicht. Prüfen Sie den Link oder starten Sie auf der Startseite.', {
                id: 'app.notFound.text',
              })}
            >
              <a class="btn primary" href="/">${msg('Zur Startseite', { id: 'app.toHome' })}</a>
            </mashup-notice-panel>
          </main>`;
    }
  }

  #go(path: string, replace: boolean): void {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.#read();
    this.#focusAfterRender = !replace;
    if (!replace) window.scrollTo(0, 0);
  }

  #read(): void {
    this.route = matchRoute(location.pathname);
    this.hash = location.hash;
  }

  readonly #onPopState = (): void => {
    this.#read();
    this.#focusAfterRender = true;
  };

  readonly #onNavigate = (e: CustomEvent<NavigateDetail>): void => {
    e.stopPropagation();
    this.#go(e.detail.path, e.detail.replace ?? false);
  };

  readonly #onClick = (e: MouseEvent): void => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const anchor = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || matchRoute(url.pathname).name === 'notFound') return;
    e.preventDefault();
    this.#go(url.pathname + url.search + url.hash, false);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-app': MashupApp;
  }
}
