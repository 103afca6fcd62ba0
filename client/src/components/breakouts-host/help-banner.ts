/**
 * <mashup-help-banner> — open help requests for hosts, just below the top bar
 * like the announcement: wherever a host is (plenary, a workshop room, host
 * menu closed, round panel scrolled away), a request is seen and heard at
 * once. One row per open request with the workshop, who asked and when,
 * "Raum betreten" (breakout:visit; left out while the host is in that room)
 * and "Erledigt" (breakout:helpDone). A row disappears when the request is
 * done, by any host.
 *
 * Arrivals are read out through one stable live region (rendered even when
 * there is no banner, so its first content is announced). This is the one
 * place that announces help; the round panel only lists the requests.
 *
 * Renders nothing for non-hosts. Session from context.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { arrivedHelp, helpKeys, openHelpRows, visitOf, type HelpRow } from '../../state/round-host.js';
import { isHost } from '../../state/selectors.js';
import { baseStyles } from '../../styles/shared.js';
import { runRequest } from '../run-request.js';
import { clockTime } from './time-text.js';

@customElement('mashup-help-banner')
@localized()
export class HelpBanner extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      /* Colour plus the icon and the words "Hilfe gerufen", never colour alone. */
      .banner {
        display: grid;
        gap: var(--mu-space-2);
        padding: var(--mu-space-3) var(--mu-space-4);
        background: var(--mu-warning-soft);
        border-bottom: 2px solid var(--mu-warning);
      }
      ul {
        display: grid;
        gap: var(--mu-space-2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mu-space-2) var(--mu-space-3);
      }
      .text {
        display: flex;
        align-items: flex-start;
        gap: var(--mu-space-2);
        flex: 1 1 16rem;
        min-width: 0;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .text svg {
        flex: none;
        width: 22px;
        height: 22px;
        color: var(--mu-warning);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
      }
    `,
  ];

  @state() busy = false;
  @state() error = '';
  @state() done = '';
  /** What the live region says: the newest arrival; cleared when no request is open, so a later one is read out again. */
  @state() private said = '';
  readonly #live = new SessionController(this);
  /** Help requests seen so far; null until a host's first look. */
  #seen: Set<string> | null = null;

  protected override willUpdate(): void {
    const view = this.#live.view;
    if (!view || !isHost(view)) {
      this.#seen = null;
      return;
    }
    const current = helpKeys(view.rounds, this.#now());
    const latest = arrivedHelp(this.#seen, current).at(-1);
    if (latest) {
      const ws = latest.round.workshops.find((w) => w.id === latest.help.workshopId);
      const who = view.participants.find((p) => p.id === latest.help.by)?.name ?? '?';
      this.said = msg(str`${who} ruft Hilfe in „${ws?.title ?? ''}“.`, { id: 'breakoutHost.helpArrived' });
    }
    if (current.size === 0) this.said = '';
    this.#seen = new Set(current.keys());
  }

  override render() {
    const view = this.#live.view;
    if (!view || !isHost(view)) return nothing;
    const rows = openHelpRows(view.rounds, this.#now());
    const names = new Map(view.participants.map((p) => [p.id, p.name]));
    return html`<p class="visually-hidden" role="alert" data-testid="help-banner-said">${this.said}</p>
      ${rows.length
        ? html`<section class="banner" aria-label=${msg('Hilfe gerufen', { id: 'helpBanner.label' })} data-testid="help-banner" data-count=${rows.length}>
            <ul>
              ${repeat(rows, (r) => r.key, (r) => this.#row(r, names.get(r.help.by) ?? '?', visitOf(r.round, view.self.participantId)))}
            </ul>
            ${this.error ? html`<p class="error" role="alert" data-testid="help-banner-error">${icon('alert')}${this.error}</p>` : nothing}
          </section>`
        : nothing}`;
  }

  #row(row: HelpRow, who: string, visiting: string | null) {
    const { round, workshop: w } = row;
    const session = this.#live.session!;
    const disabled = this.busy ? 'true' : 'false';
    return html`<li data-testid="help-banner-item" data-round-id=${round.id} data-workshop-id=${w.id}>
      <p class="text">
        ${icon('alert')}<span>${msg(str`Hilfe gerufen in „${w.title}“ von ${who} um ${clockTime(row.help.at)}`, { id: 'helpBanner.text' })}</span>
      </p>
      <div class="buttons">
        ${visiting === w.id
          ? nothing
          : html`<button class="btn small" type="button" data-testid="help-banner-visit" aria-disabled=${disabled}
              aria-label=${msg(str`Raum betreten: ${w.title}`, { id: 'breakoutHost.visitFor' })}
              @click=${() => runRequest(this, () => session.visitWorkshop(round.id, w.id))}>
              ${msg('Raum betreten', { id: 'breakoutHost.visit' })}
            </button>`}
        <button class="btn small primary" type="button" data-testid="help-banner-done" aria-disabled=${disabled}
          aria-label=${msg(str`Erledigt: Hilfe in ${w.title}`, { id: 'breakoutHost.helpDoneFor' })}
          @click=${() => runRequest(this, () => session.helpDone(round.id, w.id))}>
          ${icon('check')}${msg('Erledigt', { id: 'breakoutHost.helpDone' })}
        </button>
      </div>
    </li>`;
  }

  #now(): number {
    return this.#live.session?.clock.serverNow() ?? Date.now();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-help-banner': HelpBanner;
  }
}
