/**
 * <mashup-plenary> — the frame of a room, here the plenary: top bar, connection
 * and announcement banners, the main view (stage, host menu), the side panel
 * (chat, people) and the control bar, plus the reaction overlay. The main view
 * shows the video greeting playing for everyone, the Pecha Kucha stage while a
 * block runs (the welcome otherwise), "Ihr Vortrag" for presenters and, for
 * hosts, the host menu with the Pecha Kucha and video panels.
 *
 * Workshop rounds: the room one is in (`session.roomId`, computed from the
 * rounds and the synced clock, rule B1) switches the main view — the
 * workshop room view in a workshop, the plenary otherwise, where the choose
 * list of the next round and the results wall appear. A short transition
 * screen names the destination of every move. The hosts' round controls
 * (`<mashup-breakout-host-panel>`, components/breakouts-host/) sit in the
 * host area of both views; jump links at the top of the main view (`host-nav`)
 * take hosts to any host panel without scrolling.
 *
 * Hosts see open help requests in a banner below the announcement
 * (`<mashup-help-banner>`), whether or not the host area is open.
 *
 * Audio and video: the MediaSession assigned to `media` is provided to all
 * children (`mediaContext`); the plenary shows the stage's pictures (only
 * people who send) above the stage content, a workshop room its grid, and the
 * control bar the media buttons.
 *
 * Properties: `session` (EventSession, provided to all children via context),
 * `media` (MediaControls, provided via mediaContext; undefined → no media UI), `code`.
 * Layout: three rows and two columns on wide screens; one column below 760px,
 * where the side panel becomes a section below the stage.
 */
import { ContextProvider, provide } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AppController, SessionController, sessionContext } from '../../context.js';
import type { EventSession } from '../../services/event-session.js';
import type { MediaControls } from '../../services/media/types.js';
import { mediaContext } from '../media/media-context.js';
import '../media/media-grid.js';
import { connectedCount, isHost, selfParticipant } from '../../state/selectors.js';
import { baseStyles } from '../../styles/shared.js';
import '../top-bar/top-bar.js';
import '../connection/connection-banner.js';
import '../announcement/announcement-banner.js';
import '../stage/stage-welcome.js';
import '../host-menu/host-menu.js';
import '../side-panel/side-panel.js';
import '../control-bar/control-bar.js';
import '../reactions/reaction-overlay.js';
import '../pechakucha/pk-stage.js';
import '../pechakucha/pk-my-talk.js';
import '../pechakucha/pk-host-panel.js';
import '../video/video-player.js';
import '../video/video-host-panel.js';
import '../breakouts/workshop-choices.js';
import '../breakouts/workshop-room.js';
import '../breakouts/results-wall.js';
import '../breakouts/room-transition.js';
import '../breakouts-host/help-banner.js';
import { liveRound } from '@mashup/shared';
import { roomWorkshop } from '../../state/breakouts.js';

@customElement('mashup-plenary')
@localized()
export class PlenaryView extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto auto auto minmax(0, 1fr) auto;
        height: 100vh;
        height: 100dvh;
        background: var(--mu-bg);
      }
      .body {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(300px, 380px);
        min-height: 0;
      }
      .main-col {
        position: relative;
        display: grid;
        min-height: 0;
      }
      main {
        /* The containing block of the visually hidden texts inside the panels (position: absolute):
           without it they sit at their static place far below and stretch the document, so the page
           itself scrolled on wide screens and a jump link scrolled the top bar away. */
        position: relative;
        overflow: auto;
        min-height: 0;
        padding: var(--mu-space-4);
        display: grid;
        align-content: start;
        gap: var(--mu-space-4);
      }
      .host-nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-1);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      /* The jump targets: a little air above a panel scrolled to the top. */
      main > [tabindex='-1'] {
        scroll-margin-top: var(--mu-space-4);
      }
      mashup-side-panel {
        min-height: 0;
        border-left: 1px solid var(--mu-border-soft);
      }
      .loading {
        display: grid;
        justify-items: center;
        align-content: start;
        gap: var(--mu-space-3);
        color: var(--mu-text-muted);
        padding: 48px var(--mu-space-4);
      }
      /* Phones and narrow windows: one column; the page scrolls, the side panel
         is a section below the stage and the control bar stays at the bottom. */
      @media (max-width: 760px) {
        :host {
          display: flex;
          flex-direction: column;
          height: auto;
          min-height: 100dvh;
        }
        .body {
          display: flex;
          flex-direction: column;
          flex: 1;
        }
        main {
          overflow: visible;
        }
        .main-col {
          display: block;
        }
        mashup-side-panel {
          border-left: 0;
          border-top: 1px solid var(--mu-border-soft);
          height: 70vh;
          height: 70dvh;
        }
        mashup-control-bar {
          position: sticky;
          bottom: 0;
          z-index: 2;
        }
      }
    `,
  ];

  @property({ attribute: false }) session!: EventSession;
  /** Set by whoever creates the MediaSession; every media view reads it from mediaContext. */
  @provide({ context: mediaContext })
  @property({ attribute: false })
  media?: MediaControls;
  @property() code = '';
  @state() private hostMenuOpen = true;
  @state() private dismissedId: string | null = null;

  readonly #provider = new ContextProvider(this, { context: sessionContext });
  readonly #live = new SessionController(this, { fromContext: false });
  readonly #app = new AppController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session')) {
      this.#provider.setValue(this.session);
      this.#live.attach(this.session);
    }
    if (changed.has('code')) this.dismissedId = this.#app.services.store.dismissedAnnouncement(this.code);
  }

  override render() {
    const view = this.#live.view;
    const status = this.session.status;
    if (!view) {
      // Nothing to show yet: say what is happening and offer the one thing a person can do.
      return html`<div class="loading" data-testid="plenary-loading">
        <p role="status">
          ${status.kind === 'reconnecting'
            ? msg('Verbindung verloren – wir verbinden neu …', { id: 'connection.reconnecting' })
            : msg('Verbindung zur Veranstaltung wird aufgebaut …', { id: 'connection.connecting' })}
        </p>
        <button class="btn" type="button" data-testid="reconnect-now" @click=${() => this.session.reconnectNow()}>
          ${msg('Jetzt neu verbinden', { id: 'connection.retryNow' })}
        </button>
      </div>`;
    }
    const host = isHost(view);
    const now = this.session.clock.serverNow();
    const roomId = this.session.roomId;
    const room = roomWorkshop(view, roomId, now);
    return html`
      <mashup-top-bar
        .event=${view.event}
        .self=${selfParticipant(view) ?? null}
        .countdown=${view.countdown}
        .clock=${this.session.clock}
        .roomName=${room?.workshop.title ?? ''}
        .round=${liveRound(view.rounds, now)}
      ></mashup-top-bar>
      <mashup-connection-banner .status=${status} @reconnect-now=${() => this.session.reconnectNow()}></mashup-connection-banner>
      <mashup-announcement-banner
        .announcement=${view.announcement}
        .dismissedId=${this.dismissedId}
        @announcement-dismiss=${this.#dismiss}
      ></mashup-announcement-banner>
      <!-- Always in the page (it renders nothing for non-hosts), so the grid rows stay the same for everyone. -->
      <mashup-help-banner></mashup-help-banner>
      <div class="body">
        <div class="main-col">
          <main id="main" aria-label=${room ? room.workshop.title : msg('Plenum', { id: 'room.plenary' })}>
            ${host && this.hostMenuOpen ? this.#hostNav(room !== null) : nothing}
            ${room
              ? html`<mashup-workshop-room .round=${room.round} .workshop=${room.workshop}></mashup-workshop-room>`
              : this.#plenaryMain(view)}
            ${host && this.hostMenuOpen
              ? html`${room
                    ? nothing
                    : html`<mashup-host-menu id="host-area-menu" tabindex="-1"></mashup-host-menu>
                        <mashup-pk-host-panel id="host-area-pk" tabindex="-1"></mashup-pk-host-panel>
                        <mashup-video-host-panel id="host-area-video" tabindex="-1"></mashup-video-host-panel>`}
                  <!-- The hosts' workshop-round controls (components/breakouts-host/). -->
                  <mashup-breakout-host-panel id="host-area-rounds" tabindex="-1"></mashup-breakout-host-panel>`
              : nothing}
          </main>
          <mashup-reaction-overlay></mashup-reaction-overlay>
          <mashup-room-transition .roomId=${roomId} .destination=${room?.workshop.title ?? ''}></mashup-room-transition>
        </div>
        <mashup-side-panel></mashup-side-panel>
      </div>
      <mashup-control-bar
        .hostMenuOpen=${this.hostMenuOpen}
        @host-menu-toggle=${() => (this.hostMenuOpen = !this.hostMenuOpen)}
        @leave=${() => this.session.leave()}
      ></mashup-control-bar>
    `;
  }

  #plenaryMain(view: NonNullable<SessionController['view']>) {
    // What is happening now comes first: a running Pecha Kucha, the next round's choice, the results
    // (with a host's spotlight); the welcome and the Pecha Kucha preview below them.
    const pkRunning = view.pechakucha?.run ? true : false;
    // The stage's pictures first (renders nothing while nobody on stage sends).
    return html`<mashup-media-grid mode="stage"></mashup-media-grid>
      ${view.video ? html`<mashup-video-player></mashup-video-player>` : nothing}
      ${pkRunning ? html`<mashup-pk-stage></mashup-pk-stage>` : nothing}
      <mashup-workshop-choices></mashup-workshop-choices>
      <mashup-results-wall></mashup-results-wall>
      ${pkRunning
        ? nothing
        : html`<mashup-stage-welcome .event=${view.event} .connected=${connectedCount(view)}></mashup-stage-welcome>
            ${view.pechakucha ? html`<mashup-pk-stage></mashup-pk-stage>` : nothing}`}
      <mashup-pk-my-talk></mashup-pk-my-talk>`;
  }

  /**
   * Jump links to the host panels. The panels keep one place in the page —
   * moving the round panel up while a round runs would re-create it (losing
   * an open dialog, a draft, a pending confirmation) and would still leave it
   * below the stage — so hosts get one keyboard-operable step to any of them.
   * Links rather than tabs: every panel stays rendered, as the e2e specs and
   * hosts expect. In a workshop room only the round panel is there.
   */
  #hostNav(inRoom: boolean) {
    const targets = [
      ...(inRoom
        ? []
        : [
            { id: 'host-area-menu', label: msg('Moderation', { id: 'role.host' }) },
            { id: 'host-area-pk', label: msg('Pecha Kucha', { id: 'pk.host.title' }) },
            { id: 'host-area-video', label: msg('Videobotschaften', { id: 'video.host.title' }) },
          ]),
      { id: 'host-area-rounds', label: msg('Workshoprunden', { id: 'breakoutHost.title' }) },
    ];
    return html`<nav class="host-nav" aria-label=${msg('Bereiche der Moderation', { id: 'hostNav.label' })} data-testid="host-nav">
      <ul>
        ${targets.map(
          (t) => html`<li>
            <a class="btn small quiet" href="#${t.id}" data-testid="host-nav-link" data-target=${t.id} @click=${(e: Event) => this.#jump(e, t.id)}>${t.label}</a>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  /** Fragment links do not reach into shadow roots: scroll and move focus by hand, so keyboard users land in the panel. */
  #jump(e: Event, id: string): void {
    e.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  #dismiss(e: CustomEvent<{ id: string }>): void {
    this.dismissedId = e.detail.id;
    this.#app.services.store.saveDismissedAnnouncement(this.code, e.detail.id);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-plenary': PlenaryView;
  }
}
