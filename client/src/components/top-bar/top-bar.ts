/**
 * <mashup-top-bar> — answers "where am I, what is happening, how long":
 * event title · room name, the live workshop round and its time left
 * ("Workshoprunde 1 · 12:34 übrig"), the shared countdown, who you are here,
 * the language toggle.
 *
 * Properties: `event` (EventInfo), `self` (own ParticipantView, if known),
 * `countdown` (Countdown | null), `clock` (ServerClock), `roomName` (the
 * workshop's title; empty for the plenary), `round` (the live Round or null),
 * `dating` (the running speed-dating session or null: its line says the time
 * left, "02:13 übrig", or in a break "Nächste Runde in 00:20").
 */
import { localized, msg, str } from '@lit/localize';
import {
  closesAt,
  formatRemaining,
  roundPhase,
  roundRemainingMs,
  speedDatingPhase,
  type Countdown,
  type EventInfo,
  type ParticipantView,
  type Round,
  type SpeedDating,
} from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TickController } from '../../context.js';
import { baseStyles } from '../../styles/shared.js';
import { roleLabel } from '../people/role-label.js';
import type { ServerClock } from '../countdown/countdown-timer.js';
import '../countdown/countdown-timer.js';
import '../lang-toggle/lang-toggle.js';

@customElement('mashup-top-bar')
@localized()
export class TopBar extends LitElement {
  static override styles = [
    baseStyles,
    css`
      header {
        display: flex;
        align-items: center;
        gap: var(--mu-space-3) var(--mu-space-4);
        flex-wrap: wrap;
        min-height: 64px;
        padding: var(--mu-space-2) var(--mu-space-4);
        background: var(--mu-surface);
        border-bottom: 1px solid var(--mu-border-soft);
      }
      .where {
        flex: 1 1 240px;
        min-width: 0;
      }
      h1 {
        font-size: 1.125rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .room {
        font-weight: 600;
        color: var(--mu-text-muted);
      }
      .round {
        font-size: 0.875rem;
        font-variant-numeric: tabular-nums;
        color: var(--mu-text-muted);
        font-weight: 600;
      }
      .sep {
        color: var(--mu-text-muted);
        padding: 0 0.35em;
      }
      .self {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0 var(--mu-space-2);
        font-size: 0.875rem;
        max-width: 40ch;
      }
      .self strong {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        max-width: 20ch;
      }
      @media (max-width: 760px) {
        h1 {
          white-space: normal;
        }
        .self .muted {
          display: none;
        }
        mashup-countdown {
          order: 3;
          flex: 1 1 100%;
        }
      }
    `,
  ];

  @property({ attribute: false }) event!: EventInfo;
  @property({ attribute: false }) self: ParticipantView | null = null;
  @property({ attribute: false }) countdown: Countdown | null = null;
  @property({ attribute: false }) clock: ServerClock | null = null;
  @property() roomName = '';
  @property({ attribute: false }) round: Round | null = null;
  @property({ attribute: false }) dating: SpeedDating | null = null;

  constructor() {
    super();
    // Only while a round is live; the digits come from the schedule, the tick only decides when to look.
    new TickController(this, 500, () => this.round !== null || this.dating !== null);
  }

  override render() {
    return html`<header>
      <div class="where">
        <h1>
          <span data-testid="event-title">${this.event.title}</span><span class="sep" aria-hidden="true">·</span><span
            class="room"
            data-testid="room-name"
            ><span class="visually-hidden">, </span>${this.roomName || msg('Plenum', { id: 'room.plenary' })}</span
          >
        </h1>
        ${this.#renderRound()} ${this.#renderDating()}
      </div>
      <mashup-countdown .countdown=${this.countdown} .clock=${this.clock}></mashup-countdown>
      ${this.#renderSelf()}
      <mashup-lang-toggle></mashup-lang-toggle>
    </header>`;
  }

  #renderRound() {
    const round = this.round;
    if (!round || !this.clock) return nothing;
    const now = this.clock.serverNow();
    const text =
      roundPhase(round, now) === 'closing'
        ? msg(str`${round.title} · zurück ins Plenum in ${formatRemaining((closesAt(round) ?? now) - now)}`, { id: 'breakout.topbar.closing' })
        : msg(str`${round.title} · ${formatRemaining(roundRemainingMs(round, now))} übrig`, { id: 'breakout.topbar.running' });
    return html`<p class="round" data-testid="round-status">${text}</p>`;
  }

  #renderDating() {
    const sd = this.dating;
    if (!sd || !this.clock) return nothing;
    const now = this.clock.serverNow();
    const phase = speedDatingPhase(sd, now);
    let text: string;
    // The room name says "Speed-Dating · Runde 2 von 5" (or "· Pause"); this line the time.
    if (phase.kind === 'round') {
      text = msg(str`${formatRemaining(phase.endsAt - now)} übrig`, { id: 'speedDating.topbar.round' });
    } else if (phase.kind === 'break') {
      text = msg(str`Nächste Runde in ${formatRemaining(phase.endsAt - now)}`, { id: 'speedDating.topbar.break' });
    } else {
      return nothing;
    }
    return html`<p class="round" data-testid="dating-status">${text}</p>`;
  }

  #renderSelf() {
    if (!this.self) return '';
    const badge = roleLabel(this.self.role);
    return html`<p class="self">
      <span class="muted">${msg('Sie sind hier als', { id: 'topbar.self' })}</span>
      <strong data-testid="self-name">${this.self.name}</strong>
      ${badge ? html`<span class="badge" data-testid="self-role">${badge}</span>` : ''}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-top-bar': TopBar;
  }
}
