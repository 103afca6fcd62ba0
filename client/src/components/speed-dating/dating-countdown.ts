/**
 * <mashup-dating-countdown> — the speed-dating clock: large mm:ss digits for
 * what comes next in one's situation — the start (lead), the end of one's
 * round, the next round (in a break, or while waiting a round out on the
 * floor). In a round's last 30 seconds the box changes colour, gets a thick
 * border and says "Noch 30 Sekunden – gleich wechseln die Paare" (never
 * colour alone), and the live region says it once when the mark is crossed;
 * someone arriving inside the last 30 seconds sees it without being shouted
 * at. Everything is computed from the session's schedule and the synced
 * clock (rule S2): every pair shows the same second; the tick only decides
 * how often to look.
 *
 * Properties: `sd` (SpeedDating), `participantId` (whose situation), `clock`
 * ({ serverNow(): number }).
 */
import { localized, msg, str } from '@lit/localize';
import { formatRemaining, type SpeedDating } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { TickController } from '../../context.js';
import { icon } from '../../icons.js';
import { datingClock, warningCrossed, type DatingClock } from '../../state/speed-dating.js';
import { baseStyles } from '../../styles/shared.js';
import { countdownBoxStyles } from '../../styles/countdown-box.js';
import type { ServerClock } from '../countdown/countdown-timer.js';

const TICK_MS = 250;

/** What the clock counts down to, in words (functions: the language can change while shown). */
const LABELS: Record<DatingClock['target'], () => string> = {
  start: () => msg('Das Speed-Dating beginnt in', { id: 'speedDating.countdown.startsIn' }),
  roundEnd: () => msg('Verbleibende Zeit in dieser Runde', { id: 'speedDating.countdown.round' }),
  nextRound: () => msg('Nächste Runde in', { id: 'speedDating.countdown.next' }),
  end: () => msg('Das Speed-Dating endet in', { id: 'speedDating.countdown.endsIn' }),
};

@customElement('mashup-dating-countdown')
@localized()
export class DatingCountdown extends LitElement {
  static override styles = [
    baseStyles,
    countdownBoxStyles,
    css`
      :host {
        display: grid;
        gap: var(--mu-space-2);
      }
      .digits {
        font-size: clamp(2.5rem, 6vw, 3.5rem);
      }
      /* The 30-second warning: colour, a thick border and the words. */
      .box.warning {
        background: var(--mu-warning-soft);
        border: 3px solid var(--mu-warning);
      }
      .box.warning .digits,
      .box.warning .level {
        color: var(--mu-warning);
      }
      .level {
        display: flex;
        align-items: center;
        gap: var(--mu-space-1);
        font-weight: 700;
      }
      .level svg {
        width: 20px;
        height: 20px;
      }
    `,
  ];

  @property({ attribute: false }) sd: SpeedDating | null = null;
  @property() participantId = '';
  @property({ attribute: false }) clock: ServerClock | null = null;

  /** What the live region says; set only on crossing the 30-second mark. */
  #spoken = '';
  #lastKey = '';
  #lastRemaining = 0;

  constructor() {
    super();
    new TickController(this, TICK_MS, () => this.sd !== null && this.sd.startAt !== null);
  }

  override render() {
    const live = html`<div class="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="dating-alert">${this.#spoken}</div>`;
    const sd = this.sd;
    if (!sd || !this.clock) return live;
    const now = this.clock.serverNow();
    const c = datingClock(sd, this.participantId, now);
    if (!c) return live;
    const remaining = Math.max(0, c.until - now);
    const warning = c.state === 'warning';
    const label = LABELS[c.target]();
    // The live region speaks when one's own round crosses the mark; a new round or the floor starts afresh.
    this.#track(`${sd.id}:${c.target}:${c.until}`, c.target === 'roundEnd' ? remaining : 0);
    const digits = formatRemaining(remaining);
    return html`<div class="box ${warning ? 'warning' : ''}" role="group" aria-label=${label} data-testid="dating-countdown" data-state=${c.state}>
        <span class="label">${icon('timer')}${label}</span>
        ${warning
          ? html`<span class="level" data-testid="dating-warning">${icon('alert')}${msg('Noch 30 Sekunden – gleich wechseln die Paare', { id: 'speedDating.warning' })}</span>`
          : nothing}
        <span class="digits" role="timer" aria-label=${msg(str`verbleibende Zeit ${digits}`, { id: 'countdown.remainingLabel' })}>
          <span data-testid="dating-remaining" aria-hidden="true">${digits}</span>
        </span>
      </div>
      ${live}`;
  }

  /** Sets the live region's text when a round's time crosses 30 seconds left. */
  #track(key: string, remaining: number): void {
    if (key !== this.#lastKey) {
      this.#lastKey = key;
      this.#lastRemaining = remaining;
      this.#spoken = '';
      return;
    }
    if (warningCrossed(this.#lastRemaining, remaining)) {
      this.#spoken = msg('Noch 30 Sekunden in dieser Runde', { id: 'speedDating.announceWarning' });
    }
    this.#lastRemaining = remaining;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-dating-countdown': DatingCountdown;
  }
}
