/**
 * <mashup-round-countdown> — the round's time in a workshop room: large mm:ss
 * digits, a colour change at 5 and at 1 minute left, and during the closing
 * warning a banner "In 45 Sekunden geht es zurück ins Plenum". Everything is
 * computed from the round's schedule and the synced clock (rules T1, B1), so
 * every room shows the same second; the 250 ms tick only decides how often
 * to look. The live region speaks on crossings only (5 min, 1 min, the start
 * of the warning), never the state someone finds on arrival.
 *
 * Properties: `round` (Round, live), `clock` ({ serverNow(): number }).
 */
import { localized, msg, str } from '@lit/localize';
import { closesAt, formatRemaining, roundPhase, roundRemainingMs, type Round } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TickController } from '../../context.js';
import { icon } from '../../icons.js';
import { closingSecondsLeft, roundAlertCrossed, roundAlertLevel } from '../../state/breakouts.js';
import { baseStyles } from '../../styles/shared.js';
import { countdownBoxStyles } from '../../styles/countdown-box.js';
import type { ServerClock } from '../countdown/countdown-timer.js';

const TICK_MS = 250;
const MINUTE_MS = 60_000;

@customElement('mashup-round-countdown')
@localized()
export class RoundCountdown extends LitElement {
  static override styles = [
    baseStyles,
    countdownBoxStyles,
    css`
      :host {
        display: grid;
        gap: var(--mu-space-3);
      }
      .level {
        font-size: 0.8rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      /* 5 minutes, 1 minute and the warning: colour changes, and the words say it too. */
      .box.alert {
        background: var(--mu-warning-soft);
        border-color: var(--mu-warning);
      }
      .box.alert .digits,
      .box.alert .level {
        color: var(--mu-warning);
      }
      .box.last {
        border-width: 3px;
      }
      .warning {
        display: flex;
        align-items: center;
        gap: var(--mu-space-2);
        padding: var(--mu-space-3) var(--mu-space-4);
        border-radius: var(--mu-radius);
        background: var(--mu-warning);
        color: var(--mu-surface);
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) round: Round | null = null;
  @property({ attribute: false }) clock: ServerClock | null = null;

  /** What the live region says; set only when a threshold is crossed. */
  #spoken = '';
  #lastRoundId: string | null = null;
  #lastRemaining = 0;
  #lastPhase = '';

  constructor() {
    super();
    new TickController(this, TICK_MS, () => this.round !== null);
  }

  override render() {
    const round = this.round;
    const live = html`<div class="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="round-alert">${this.#spoken}</div>`;
    if (!round || !this.clock) return live;
    const now = this.clock.serverNow();
    const phase = roundPhase(round, now);
    const closing = phase === 'closing';
    // Open: the round's own time; closing: the time until everyone is back in the plenary.
    const remaining = closing ? Math.max(0, (closesAt(round) ?? now) - now) : roundRemainingMs(round, now);
    this.#track(round, closing ? 'closing' : 'open', roundRemainingMs(round, now));
    const level = closing ? MINUTE_MS : roundAlertLevel(remaining);
    const levelText = closing
      ? msg('Rückkehr ins Plenum', { id: 'breakout.countdown.returning' })
      : level === MINUTE_MS
        ? msg('Letzte Minute', { id: 'countdown.lastMinute' })
        : level !== null
          ? msg('Noch 5 Minuten', { id: 'breakout.countdown.fiveLeft' })
          : '';
    const seconds = closingSecondsLeft(round, now);
    return html`<div
        class="box ${level !== null ? 'alert' : ''} ${level === MINUTE_MS ? 'last' : ''}"
        role="group"
        aria-label=${msg(str`Verbleibende Zeit: ${round.title}`, { id: 'breakout.countdown.label' })}
        data-testid="round-countdown"
        data-state=${closing ? 'closing' : 'open'}
      >
        <span class="label">${icon('timer')}${round.title}</span>
        ${levelText ? html`<span class="level">${levelText}</span>` : nothing}
        <span class="digits" role="timer" aria-label=${msg(str`verbleibende Zeit ${formatRemaining(remaining)}`, { id: 'countdown.remainingLabel' })}>
          <span data-testid="round-remaining" aria-hidden="true">${formatRemaining(remaining)}</span>
        </span>
      </div>
      ${closing
        ? html`<p class="warning" data-testid="closing-warning">
            ${icon('alert')}${msg(str`In ${seconds} Sekunden geht es zurück ins Plenum`, { id: 'breakout.closingWarning' })}
          </p>`
        : nothing}
      ${live}`;
  }

  /** Sets the live region's text on a crossing: 5 min, 1 min, the start of the closing warning. */
  #track(round: Round, phase: 'open' | 'closing', remaining: number): void {
    if (round.id !== this.#lastRoundId) {
      this.#lastRoundId = round.id;
      this.#lastRemaining = remaining;
      this.#lastPhase = phase;
      this.#spoken = '';
      return;
    }
    const crossed = phase === 'open' ? roundAlertCrossed(this.#lastRemaining, remaining) : null;
    if (phase === 'closing' && this.#lastPhase === 'open') {
      this.#spoken = msg('In 60 Sekunden geht es zurück ins Plenum', { id: 'breakout.announceClosing' });
    } else if (crossed === MINUTE_MS) {
      this.#spoken = msg('Noch eine Minute in dieser Workshoprunde', { id: 'breakout.announceMinute' });
    } else if (crossed !== null) {
      this.#spoken = msg('Noch 5 Minuten in dieser Workshoprunde', { id: 'breakout.announceFive' });
    }
    this.#lastRemaining = remaining;
    this.#lastPhase = phase;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-round-countdown': RoundCountdown;
  }
}
