/**
 * <mashup-host-menu> — what hosts control in the plenary: the announcement
 * (post, clear) and the shared countdown (start with label and minutes, pause,
 * resume, +1 minute, stop). Shown only to hosts; the server checks again.
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, isCountdownPaused, type Ack } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { icon, type IconName } from '../../icons.js';
import { fieldsetStyles, panelStyles } from '../../styles/panel.js';
import { baseStyles } from '../../styles/shared.js';
import { runRequest } from '../run-request.js';
// Defines <mashup-breakout-host-panel>, which the plenary's host area renders beside this menu.
import '../breakouts-host/breakout-host-panel.js';

const MINUTE_MS = 60_000;
const DEFAULT_MINUTES = 5;

@customElement('mashup-host-menu')
@localized()
export class HostMenu extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    fieldsetStyles,
    css`
      /* Our legends carry an icon. */
      legend {
        display: flex;
        align-items: center;
        gap: var(--mu-space-2);
      }
      legend svg {
        width: 20px;
        height: 20px;
      }
      .two {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 7rem;
        gap: var(--mu-space-2);
      }
      .current {
        font-size: 0.875rem;
        color: var(--mu-text-muted);
        overflow-wrap: anywhere;
      }
      .counter {
        font-size: 0.8rem;
        color: var(--mu-text-muted);
        text-align: right;
        margin-top: 2px;
      }
      .error {
        margin: 0;
      }
      .ok {
        color: var(--mu-success);
        font-weight: 600;
        min-height: 1.5em;
      }
    `,
  ];

  @state() private announcement = '';
  @state() private label = '';
  @state() private minutes = String(DEFAULT_MINUTES);
  @state() busy = false;
  @state() error = '';
  @state() done = '';
  @query('#announcement') private announcementInput!: HTMLTextAreaElement;
  readonly #live = new SessionController(this);

  override render() {
    const view = this.#live.view;
    if (!view) return nothing;
    const cd = view.countdown;
    const paused = cd !== null && isCountdownPaused(cd);
    return html`<section class="card" aria-labelledby="host-title" data-testid="host-menu">
      <h2 id="host-title">${icon('sliders')}${msg('Moderation', { id: 'role.host' })}</h2>
      <div class="grid">
        <fieldset>
          <legend>${icon('megaphone')}${msg('Durchsage', { id: 'host.announcement' })}</legend>
          <div class="field">
            <label for="announcement">${msg('Text der Durchsage', { id: 'host.announcement.label' })}</label>
            <textarea
              id="announcement"
              rows="2"
              maxlength=${LIMITS.announcementMax}
              data-testid="host-announcement-input"
              .value=${this.announcement}
              @input=${(e: InputEvent) => (this.announcement = (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            <p class="counter">${msg(str`${this.announcement.length} von ${LIMITS.announcementMax} Zeichen`, { id: 'host.announcement.counter' })}</p>
          </div>
          <div class="buttons">
            ${this.#button('host-announcement-send', msg('Durchsage senden', { id: 'host.announcement.send' }), null, false, this.#post, true)}
            ${this.#button('host-announcement-clear', msg('Durchsage entfernen', { id: 'host.announcement.clear' }), null, view.announcement === null, () =>
              this.#run(() => this.#live.session!.clearAnnouncement(), msg('Durchsage entfernt.', { id: 'host.announcement.cleared' })),
            )}
          </div>
          ${view.announcement
            ? html`<p class="current">${msg('Aktuell:', { id: 'host.current' })} ${view.announcement.text}</p>`
            : nothing}
        </fieldset>
        <fieldset>
          <legend>${icon('timer')}${msg('Countdown', { id: 'countdown.defaultLabel' })}</legend>
          <div class="two">
            <div class="field">
              <label for="cd-label">${msg('Bezeichnung', { id: 'host.countdown.label' })}</label>
              <input
                id="cd-label"
                maxlength=${LIMITS.countdownLabelMax}
                placeholder=${msg('z. B. Kaffeepause', { id: 'host.countdown.labelPlaceholder' })}
                data-testid="host-countdown-label"
                .value=${this.label}
                @input=${(e: InputEvent) => (this.label = (e.target as HTMLInputElement).value)}
              />
            </div>
            <div class="field">
              <label for="cd-minutes">${msg('Minuten', { id: 'host.countdown.minutes' })}</label>
              <input
                id="cd-minutes"
                type="number"
                inputmode="decimal"
                min="0.1"
                max=${LIMITS.countdownMaxMs / MINUTE_MS}
                step="any"
                data-testid="host-countdown-minutes"
                .value=${this.minutes}
                @input=${(e: InputEvent) => (this.minutes = (e.target as HTMLInputElement).value)}
              />
            </div>
          </div>
          <div class="buttons">
            ${this.#button(
              'host-countdown-start',
              cd ? msg('Neu starten', { id: 'host.countdown.restart' }) : msg('Starten', { id: 'host.countdown.start' }),
              'play',
              false,
              this.#start,
              true,
            )}
            ${this.#button('host-countdown-pause', msg('Pausieren', { id: 'host.countdown.pause' }), 'pause', !cd || paused, () =>
              this.#run(() => this.#live.session!.pauseCountdown()),
            )}
            ${this.#button('host-countdown-resume', msg('Fortsetzen', { id: 'host.countdown.resume' }), 'play', !paused, () =>
              this.#run(() => this.#live.session!.resumeCountdown()),
            )}
            ${this.#button('host-countdown-extend', msg('+1 Minute', { id: 'host.countdown.extend' }), null, !cd, () =>
              this.#run(() => this.#live.session!.extendCountdown(MINUTE_MS)),
            )}
            ${this.#button('host-countdown-stop', msg('Beenden', { id: 'host.countdown.stop' }), 'stop', !cd, () =>
              this.#run(() => this.#live.session!.stopCountdown()),
            )}
          </div>
        </fieldset>
      </div>
      <p class="ok" role="status" data-testid="host-status">${this.done}</p>
      ${this.error ? html`<p class="error" role="alert" data-testid="host-error">${icon('alert')}${this.error}</p>` : nothing}
    </section>`;
  }

  /**
   * aria-disabled rather than disabled: a button that becomes unavailable right
   * after use (Pause once paused) keeps keyboard focus; the click is ignored instead.
   */
  #button(testid: string, label: string, iconName: IconName | null, unavailable: boolean, action: () => unknown, primary = false) {
    const off = unavailable || this.busy;
    return html`<button
      class="btn ${primary ? 'primary' : ''}"
      type="button"
      data-testid=${testid}
      aria-disabled=${off ? 'true' : 'false'}
      @click=${() => {
        if (!off) void action();
      }}
    >
      ${iconName ? icon(iconName) : nothing}${label}
    </button>`;
  }

  #post = async (): Promise<void> => {
    const text = this.announcement.trim();
    if (!text) {
      this.error = msg('Bitte geben Sie einen Text für die Durchsage ein.', { id: 'host.announcement.empty' });
      this.announcementInput.focus();
      return;
    }
    const ok = await this.#run(() => this.#live.session!.postAnnouncement(text), msg('Durchsage gesendet.', { id: 'host.announcement.sent' }));
    if (ok) this.announcement = '';
  };

  #start = async (): Promise<void> => {
    const minutes = Number(this.minutes.replace(',', '.'));
    const durationMs = Math.round(minutes * 60) * 1000;
    if (!Number.isFinite(minutes) || durationMs < 1000 || durationMs > LIMITS.countdownMaxMs) {
      this.error = msg('Bitte geben Sie eine Dauer zwischen 0,1 und 1440 Minuten ein.', { id: 'host.countdown.invalid' });
      return;
    }
    await this.#run(() => this.#live.session!.startCountdown(this.label.trim(), durationMs), msg('Countdown gestartet.', { id: 'host.countdown.started' }));
  };

  /** Runs a host request through the panels' shared status handling (run-request.ts). */
  #run(request: () => Promise<Ack<unknown>>, confirmation = ''): Promise<boolean> {
    return runRequest(this, request, confirmation);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-host-menu': HostMenu;
  }
}
