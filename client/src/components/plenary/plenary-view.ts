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
 * Lobbies (Social Eating, Get-together): while a lobby is open the room is
 * its floor or one's table (rule L2), and the main view is
 * <mashup-lobby-view> — the table floor, or the table's own room; the top
 * bar names "lobby title · table". The hosts' lobby controls
 * (<mashup-lobby-host-panel>, components/lobby-host/) sit in the host area.
 *
 * Speed dating: while a session runs the room is one's pair or the
 * session's floor (rule S2); the main view is <mashup-dating-pair> (video
 * grid, partner card, starter, countdown) or <mashup-dating-floor> (breaks,
 * sitting out, joined late), and the top bar says "Speed-Dating · Runde 2
 * von 5". Before round 1 the plenary (or lobby) shows <mashup-dating-panel>,
 * after the end <mashup-dating-contacts>. The hosts' controls
 * (<mashup-speed-dating-host-panel>, components/speed-dating-host/) sit in the host area.
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
import { localized, msg, str } from '@lit/localize';
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
import '../lobby/lobby-view.js';
import '../lobby-host/lobby-host-panel.js';
import { liveRound } from '@mashup/shared';
import { roomWorkshop } from '../../state/breakouts.js';
import { lobbyPlace } from '../../state/lobby.js';
import '../speed-dating/dating-pair.js';
import '../speed-dating/dating-floor.js';
import '../speed-dating/dating-panel.js';
import '../speed-dating/dating-contacts.js';
import '../speed-dating-host/speed-dating-host-panel.js';
import { activeSpeedDating, contactSessions, datingPlace, datingSituation, type DatingPlace } from '../../state/speed-dating.js';
import type { EventView } from '../../state/plenary-state.js';

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
    // Speed dating comes before the lobby, as in roomOf: a session runs during a get-together.
    const dating = room ? null : datingPlace(view, roomId, now);
    const place = room || dating ? null : lobbyPlace(view, roomId);
    // Where one is, for the top bar, the main landmark and the transition: a workshop, "lobby · table", the lobby.
    const roomName =
      room?.workshop.title ??
      (dating ? datingRoomName(dating, now) : place ? (place.table ? `${place.lobby.title} · ${place.table.name}` : place.lobby.title) : '');
    return html`
      <mashup-top-bar
        .event=${view.event}
        .self=${selfParticipant(view) ?? null}
        .countdown=${view.countdown}
        .clock=${this.session.clock}
        .roomName=${roomName}
        .round=${liveRound(view.rounds, now)}
        .dating=${dating?.sd ?? null}
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
          <main id="main" aria-label=${roomName || msg('Plenum', { id: 'room.plenary' })}>
            ${host && this.hostMenuOpen ? this.#hostNav(room !== null) : nothing}
            ${room
              ? html`<mashup-workshop-room .round=${room.round} .workshop=${room.workshop}></mashup-workshop-room>`
              : dating
                ? dating.kind === 'pair'
                  ? html`<mashup-dating-pair .sd=${dating.sd} .round=${dating.round}></mashup-dating-pair>`
                  : html`<mashup-dating-floor .sd=${dating.sd}></mashup-dating-floor>`
                : place
                  ? // Speed dating (the start's countdown, afterwards "Kontakte") above the floor, and below
                    // a table's grid: seats are kept during a session, so people come back to their table.
                    // One template for both: a second one would re-create the lobby view on every sit-down
                    // and lose its confirmation ("Sie sitzen jetzt an …").
                    html`${place.table ? nothing : this.#dating(view, now)}<mashup-lobby-view
                        .lobby=${place.lobby}
                        .table=${place.table}
                      ></mashup-lobby-view>${place.table ? this.#dating(view, now) : nothing}`
                  : this.#plenaryMain(view, now)}
            ${host && this.hostMenuOpen
              ? html`${room
                    ? nothing
                    : html`<mashup-host-menu id="host-area-menu" tabindex="-1"></mashup-host-menu>
                        <mashup-pk-host-panel id="host-area-pk" tabindex="-1"></mashup-pk-host-panel>
                        <mashup-video-host-panel id="host-area-video" tabindex="-1"></mashup-video-host-panel>`}
                  <!-- The hosts' workshop-round controls (components/breakouts-host/). -->
                  <mashup-breakout-host-panel id="host-area-rounds" tabindex="-1"></mashup-breakout-host-panel>
                  <!-- The hosts' lobbies with tables (components/lobby-host/). -->
                  <mashup-lobby-host-panel id="host-area-lobbies" tabindex="-1"></mashup-lobby-host-panel>
                  <!-- The hosts' speed dating (components/speed-dating-host/). -->
                  <mashup-speed-dating-host-panel id="host-area-dating" tabindex="-1"></mashup-speed-dating-host-panel>`
              : nothing}
          </main>
          <mashup-reaction-overlay></mashup-reaction-overlay>
          <mashup-room-transition
            .roomId=${roomId}
            .destination=${dating ? datingDestination(view, dating, now) : (place?.table?.name ?? roomName)}
          ></mashup-room-transition>
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

  /**
   * Speed dating outside its rooms: the session before round 1 (topics, sitting out, the start
   * countdown) and, once one has ended, its "Kontakte" view — in the plenary and in a lobby alike.
   */
  #dating(view: EventView, now: number) {
    const sd = activeSpeedDating(view, now);
    const ended = contactSessions(view, view.self.participantId, now);
    return html`${sd ? html`<mashup-dating-panel .sd=${sd}></mashup-dating-panel>` : nothing}
    ${ended.map((e) => html`<mashup-dating-contacts .sd=${e}></mashup-dating-contacts>`)}`;
  }

  #plenaryMain(view: NonNullable<SessionController['view']>, now: number) {
    // What is happening now comes first: a running Pecha Kucha, the next round's choice, the results
    // (with a host's spotlight); the welcome and the Pecha Kucha preview below them.
    const pkRunning = view.pechakucha?.run ? true : false;
    // The stage's pictures first (renders nothing while nobody on stage sends).
    return html`<mashup-media-grid mode="stage"></mashup-media-grid>
      ${view.video ? html`<mashup-video-player></mashup-video-player>` : nothing}
      ${pkRunning ? html`<mashup-pk-stage></mashup-pk-stage>` : nothing}
      ${this.#dating(view, now)}
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
   * hosts expect. In a workshop room only the round and lobby panels are there.
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
      { id: 'host-area-lobbies', label: msg('Lobbys und Tische', { id: 'lobbyHost.panelTitle' }) },
      { id: 'host-area-dating', label: msg('Speed-Dating', { id: 'speedDating.kicker' }) },
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

/** The top bar's room name in a running session: "Speed-Dating · Runde 2 von 5", in a break "Speed-Dating · Pause". */
function datingRoomName(place: DatingPlace, now: number): string {
  const s = datingSituation(place.sd, '', now);
  if (s.kind === 'break') return msg('Speed-Dating · Pause', { id: 'speedDating.roomBreak' });
  const n = (place.kind === 'pair' ? place.round : s.kind === 'waiting' ? s.round : 0) + 1;
  const total = place.sd.rounds;
  return msg(str`Speed-Dating · Runde ${n} von ${total}`, { id: 'speedDating.roomRound' });
}

/** What the transition screen names: the partners of a pair ("Ada und Ben"), or why one is on the floor. */
function datingDestination(view: EventView, place: DatingPlace, now: number): string {
  if (place.kind === 'pair') {
    const names = place.members.filter((id) => id !== view.self.participantId).map((id) => view.participants.find((p) => p.id === id)?.name ?? '');
    return names.filter((n) => n !== '').join(msg(' und ', { id: 'speedDating.and' }));
  }
  // Hosts are never paired (rule S3): on the floor they host, whatever the round.
  if (isHost(view)) return msg('Sie moderieren und sind in keinem Paar', { id: 'speedDating.transitionHost' });
  const s = datingSituation(place.sd, view.self.participantId, now);
  if (s.kind === 'waiting' && s.sittingOut) return msg('Sie setzen diese Runde aus', { id: 'speedDating.transitionSitOut' });
  if (s.kind === 'waiting') return msg('Sie sind in der nächsten Runde dabei', { id: 'speedDating.transitionLate' });
  return msg('Pause, gleich wechseln die Paare', { id: 'speedDating.transitionBreak' });
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-plenary': PlenaryView;
  }
}
