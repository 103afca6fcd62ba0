/**
 * <mashup-countdown> — the shared countdown: label, large mm:ss digits and a
 * progress bar, plus a screen-reader announcement at one minute left and at
 * the end. The time shown is always computed from the server's schedule
 * (`endsAt` / `pausedRemainingMs`) and the synced clock; the 250 ms tick only
 * decides how often to look, so every participant sees the same second.
 *
 * Properties: `countdown` (Countdown | null), `clock` ({ serverNow(): number }).
 */
import { localized, msg, str } from '@lit/localize';
import { countdownRemainingMs, formatRemaining, isCountdownPaused, type Countdown } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { TickController } from '../../context.js';
import { WARNING_MS, countdownCue } from '../../state/countdown-cues.js';
import { icon } from '../../icons.js';
import { baseStyles } from '../../styles/shared.js';

export interface ServerClock {
  serverNow(): number;
}

const TICK_MS = 250;

@customElement('mashup-countdown')
@localized()
export class CountdownTimer extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .box {
        display: grid;
        grid-template-columns: auto auto;
        grid-template-areas: 'label digits' 'bar bar';
        align-items: center;
        column-gap: var(--mu-space-3);
        row-gap: 2px;
        padding: 4px 12px;
        border-radius: var(--mu-radius);
        background: var(--mu-surface-2);
        border: 1px solid var(--mu-border-soft);
      }
      .label {
        grid-area: label;
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        align-items: center;
        column-gap: var(--mu-space-1);
        font-size: 0.875rem;
        font-weight: 600;
        max-width: 24ch;
        line-height: 1.2;
      }
      .label svg {
        width: 18px;
        height: 18px;
        flex: none;
      }
      .name {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .digits {
        grid-area: digits;
        font-family: var(--mu-font-mono);
        font-variant-numeric: tabular-nums;
        font-size: 1.75rem;
        font-weight: 700;
        line-height: 1.1;
        text-align: right;
      }
      .state {
        grid-column: 2;
        font-size: 0.75rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .bar {
        grid-area: bar;
        height: 4px;
        border-radius: 2px;
        background: var(--mu-border-soft);
        overflow: hidden;
      }
      .fill {
        height: 100%;
        width: 100%;
        background: var(--mu-primary);
        transform-origin: left center;
      }
      /* Last minute and over: colour changes, and the state text says it too. */
      .box.warning,
      .box.over {
        background: var(--mu-warning-soft);
        border-color: var(--mu-warning);
      }
      .box.warning .digits,
      .box.over .digits,
      .box.warning .state,
      .box.over .state {
        color: var(--mu-warning);
      }
      .box.warning .fill,
      .box.over .fill {
        background: var(--mu-warning);
      }
    `,
  ];

  @property({ attribute: false }) countdown: Countdown | null = null;
  @property({ attribute: false }) clock: ServerClock | null = null;

  /** What the live region says; set only when a threshold is crossed. */
  #spoken = '';
  #lastId: string | null = null;
  #lastRemaining: number | null = null;

  constructor() {
    super();
    new TickController(this, TICK_MS, () => this.countdown !== null && !isCountdownPaused(this.countdown));
  }

  override render() {
    const cd = this.countdown;
    const remaining = cd && this.clock ? countdownRemainingMs(cd, this.clock.serverNow()) : 0;
    if (cd) this.#trackThresholds(cd, remaining);
    else this.#lastId = null;
    const live = html`<div class="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="countdown-announcement">${this.#spoken}</div>`;
    if (!cd) return live;
    const paused = isCountdownPaused(cd);
    const over = remaining === 0;
    const warning = !over && remaining <= WARNING_MS;
    const progress = cd.totalMs > 0 ? Math.min(1, Math.max(0, remaining / cd.totalMs)) : 0;
    const label = cd.label || msg('Countdown', { id: 'countdown.defaultLabel' });
    const stateText = over
      ? msg('Zeit abgelaufen', { id: 'countdown.over' })
      : paused
        ? msg('Pausiert', { id: 'countdown.paused' })
        : warning
          ? msg('Letzte Minute', { id: 'countdown.lastMinute' })
          : '';
    return html`<div
        class="box ${over ? 'over' : warning ? 'warning' : ''}"
        role="group"
        aria-label=${msg(str`Countdown: ${label}`, { id: 'countdown.groupLabel' })}
        data-testid="countdown"
        data-state=${over ? 'over' : paused ? 'paused' : 'running'}
      >
        <span class="label">
          ${icon(paused ? 'pause' : 'timer')}
          <span class="name" data-testid="countdown-label">${label}</span>
          ${stateText ? html`<span class="state" data-testid="countdown-state">${stateText}</span>` : nothing}
        </span>
        <span class="digits" role="timer" aria-label=${msg(str`verbleibende Zeit ${formatRemaining(remaining)}`, { id: 'countdown.remainingLabel' })}>
          <span data-testid="countdown-remaining" aria-hidden="true">${formatRemaining(remaining)}</span>
        </span>
        <div class="bar" aria-hidden="true">
          <div class="fill" style=${styleMap({ transform: `scaleX(${progress})` })}></div>
        </div>
      </div>
      ${live}`;
  }

  /** Sets the live region's text when a cue threshold is crossed (see countdown-cues.ts). */
  #trackThresholds(cd: Countdown, remaining: number): void {
    if (cd.id !== this.#lastId) {
      this.#lastId = cd.id;
      this.#lastRemaining = remaining;
      return;
    }
    const cue = countdownCue(this.#lastRemaining ?? remaining, remaining);
    this.#lastRemaining = remaining;
    const label = cd.label || msg('Countdown', { id: 'countdown.defaultLabel' });
    if (cue === 'over') this.#spoken = msg(str`Die Zeit ist abgelaufen: ${label}`, { id: 'countdown.announceOver' });
    if (cue === 'lastMinute') this.#spoken = msg(str`Noch eine Minute: ${label}`, { id: 'countdown.announceMinute' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-countdown': CountdownTimer;
  }
}
