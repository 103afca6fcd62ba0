/**
 * <mashup-round-host-item> — one workshop round in the hosts' panel: title,
 * phase and mode; before it opens: edit, delete, publish, assign (with the
 * strategies the mode allows) and open; while it is live: the remaining time,
 * ±5 minutes, close, and the room overview; the board for placing people by
 * hand (any mode, until the closing warning) with the CSV import.
 *
 * Properties: `round`, `now` (server time of the panel's render), `busy`, `run` (the panel's request runner).
 * Events: `round-action` ({kind: edit|delete|close, roundId}) — the panel opens the dialog or the confirmation.
 */
import { localized, msg, str } from '@lit/localize';
import { closesAt, formatRemaining, roundPhase, roundRemainingMs, isRoundLive, type Round, type RoundPhase } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { FocusKeeper } from '../focus-keeper.js';
import { SessionController } from '../../context.js';
import { hostButton } from '../host-button.js';
import { icon, type IconName } from '../../icons.js';
import { assignStrategies, seatsChangeable, type AssignStrategy } from '../../state/round-host.js';
import { panelStyles } from '../../styles/panel.js';
import { baseStyles } from '../../styles/shared.js';
import type { HostRun, RoundAction } from './host-run.js';
import { hostStyles } from './host-styles.js';
import { modeLabel, phaseLabel } from './mode-label.js';
import './assign-board.js';
import './csv-import.js';
import './room-overview.js';

const FIVE_MINUTES = 5 * 60_000;

@customElement('mashup-round-host-item')
@localized()
export class RoundHostItem extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    hostStyles,
    css`
      article {
        display: grid;
        gap: var(--mu-space-3);
        padding: var(--mu-space-3);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
      }
      article[data-phase='open'],
      article[data-phase='closing'] {
        border: 2px solid var(--mu-primary);
      }
      h3 {
        font-size: 1rem;
        overflow-wrap: anywhere;
      }
      .assign {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
        align-items: center;
      }
      .assign select {
        width: auto;
      }
    `,
  ];

  @property({ attribute: false }) round!: Round;
  @property({ attribute: false }) now = 0;
  @property({ type: Boolean }) busy = false;
  @property({ attribute: false }) run!: HostRun;
  @state() private strategy: AssignStrategy | null = null;
  /** null: the default (open for manual rounds and the live round). */
  @state() private boardOpen: boolean | null = null;
  readonly #live = new SessionController(this);
  /** "Öffnen"/"Starten" give way to the controls they unlock: focus goes there, not to the page. */
  readonly #focus = new FocusKeeper(this);

  override render() {
    const r = this.round;
    const view = this.#live.view;
    if (!r || !view) return nothing;
    const phase = roundPhase(r, this.now);
    const live = phase === 'open' || phase === 'closing';
    const seats = r.workshops.reduce((n, w) => n + (r.seats[w.id]?.seated.length ?? 0), 0);
    const boardOpen = seatsChangeable(phase) && (this.boardOpen ?? (r.mode === 'manual' || live));
    return html`<article data-testid="round-item" data-round-id=${r.id} data-phase=${phase} aria-labelledby="round-${r.id}">
      <div>
        <h3 id="round-${r.id}">${r.title}</h3>
        <p class="meta">
          <span class="badge ${live ? 'live' : ''}">${phaseLabel(phase)}</span>
          <span>${modeLabel(r.mode)}</span>
          <span>· ${r.workshops.length === 1 ? msg('1 Workshop', { id: 'breakoutHost.oneWorkshop' }) : msg(str`${r.workshops.length} Workshops`, { id: 'breakoutHost.nWorkshops' })},
            ${msg(str`${seats} zugeteilt, ${Math.round(r.durationMs / 60_000)} Min.`, { id: 'breakoutHost.summary' })}</span>
        </p>
      </div>
      ${live ? this.#remaining(r, phase) : nothing}
      ${this.#controls(r, phase, view.rounds)}
      ${live ? html`<mashup-room-overview .round=${r} .now=${this.now} .busy=${this.busy} .run=${this.run}></mashup-room-overview>` : nothing}
      ${seatsChangeable(phase)
        ? html`<div>
            <button class="btn small" type="button" data-testid="round-board-toggle" aria-expanded=${boardOpen ? 'true' : 'false'}
              @click=${() => (this.boardOpen = !boardOpen)}>
              ${boardOpen ? msg('Zuteilung ausblenden', { id: 'breakoutHost.boardHide' }) : msg('Zuteilung von Hand', { id: 'breakoutHost.boardShow' })}
            </button>
          </div>`
        : nothing}
      ${boardOpen
        ? html`<mashup-assign-board .round=${r} .busy=${this.busy} .run=${this.run}></mashup-assign-board>
            <mashup-csv-import .round=${r}></mashup-csv-import>`
        : nothing}
    </article>`;
  }

  #remaining(r: Round, phase: RoundPhase) {
    if (phase === 'closing') {
      const left = Math.max(0, (closesAt(r) ?? this.now) - this.now);
      return html`<p data-testid="round-host-remaining" data-phase="closing">
        ${msg('Zurück ins Plenum in', { id: 'breakoutHost.backIn' })} <span class="remaining">${formatRemaining(left)}</span>
      </p>`;
    }
    return html`<p data-testid="round-host-remaining" data-phase="open">
      ${msg('Verbleibende Zeit', { id: 'breakoutHost.remaining' })} <span class="remaining">${formatRemaining(roundRemainingMs(r, this.now))}</span>
    </p>`;
  }

  #controls(r: Round, phase: RoundPhase, rounds: readonly Round[]) {
    const session = this.#live.session!;
    const before = phase === 'draft' || phase === 'published';
    // The time ran out (no host closed it): the warning runs, and five more minutes can still save the round.
    if (phase === 'closing' && r.closingAt === null) {
      return html`<div class="buttons" role="group" aria-label=${msg('Runde steuern', { id: 'breakoutHost.controls' })}>
        ${this.#button('round-extend-plus', msg('+5 Minuten', { id: 'breakoutHost.plus5' }), 'plus', false, () =>
          this.run(() => session.extendRound(r.id, FIVE_MINUTES), msg('Um 5 Minuten verlängert.', { id: 'breakoutHost.extended' })),
        )}
      </div>`;
    }
    if (phase === 'open') {
      return html`<div class="buttons" role="group" aria-label=${msg('Runde steuern', { id: 'breakoutHost.controls' })}>
        ${this.#button('round-extend-plus', msg('+5 Minuten', { id: 'breakoutHost.plus5' }), 'plus', false, () =>
          this.run(() => session.extendRound(r.id, FIVE_MINUTES), msg('Um 5 Minuten verlängert.', { id: 'breakoutHost.extended' })),
        )}
        ${this.#button('round-extend-minus', msg('−5 Minuten', { id: 'breakoutHost.minus5' }), null, false, () =>
          this.run(() => session.extendRound(r.id, -FIVE_MINUTES), msg('Um 5 Minuten verkürzt.', { id: 'breakoutHost.shortened' })),
        )}
        ${this.#button('round-close', msg('Schließen', { id: 'breakoutHost.close' }), 'stop', false, () => this.#action({ kind: 'close', roundId: r.id }))}
      </div>`;
    }
    if (!before) return nothing;
    const strategies = assignStrategies(r, rounds);
    const strategy = this.strategy !== null && strategies.includes(this.strategy) ? this.strategy : strategies[0];
    const otherLive = rounds.some((o) => o.id !== r.id && isRoundLive(o, this.now));
    return html`<div class="buttons" role="group" aria-label=${msg('Runde vorbereiten', { id: 'breakoutHost.prepare' })}>
        ${this.#button('round-edit', msg('Bearbeiten', { id: 'breakoutHost.edit' }), 'sliders', false, () => this.#action({ kind: 'edit', roundId: r.id }))}
        ${this.#button('round-delete', msg('Löschen', { id: 'breakoutHost.delete' }), 'close', false, () => this.#action({ kind: 'delete', roundId: r.id }))}
        ${phase === 'draft'
          ? this.#button('round-publish', msg('Veröffentlichen', { id: 'breakoutHost.publish' }), 'megaphone', false, () =>
              this.run(
                () => session.publishRound(r.id),
                r.mode === 'choose'
                  ? msg('Veröffentlicht: Teilnehmende können jetzt wählen.', { id: 'breakoutHost.publishedChoose' })
                  : msg('Veröffentlicht: Teilnehmende sehen die Runde.', { id: 'breakoutHost.publishedDone' }),
              ),
            )
          : nothing}
        ${this.#button('round-open', msg('Öffnen', { id: 'breakoutHost.open' }), 'play', otherLive, () =>
          this.run(() => session.openRound(r.id), msg('Die Runde ist offen: alle sind in ihren Räumen.', { id: 'breakoutHost.opened' })),
        true)}
      </div>
      ${otherLive ? html`<p class="hint">${msg('Öffnen geht, sobald die laufende Runde geschlossen ist.', { id: 'breakoutHost.otherLive' })}</p>` : nothing}
      ${strategies.length && strategy
        ? html`<div class="assign">
            ${strategies.length > 1
              ? html`<label class="visually-hidden" for="strategy-${r.id}">${msg('Art der Zuteilung', { id: 'breakoutHost.strategy' })}</label>
                  <select id="strategy-${r.id}" data-testid="round-assign-strategy" @change=${(e: Event) => (this.strategy = (e.target as HTMLSelectElement).value as AssignStrategy)}>
                    ${strategies.map((s) => html`<option value=${s} ?selected=${s === strategy}>${strategyLabel(s)}</option>`)}
                  </select>`
              : nothing}
            ${this.#button('round-assign', r.mode === 'choose' ? msg('Übrige zuteilen', { id: 'breakoutHost.assignRest' }) : msg('Zuteilen', { id: 'breakoutHost.assign' }), 'people', false, () =>
              this.run(
                () => session.assignRound(r.id, strategy),
                (d) => msg(str`${d.placed} zugeteilt, ${d.unplaced} ohne Platz`, { id: 'breakoutHost.assigned' }),
              ),
            )}
            ${strategies.length === 1 ? html`<span class="hint">${strategyLabel(strategy)}</span>` : nothing}
          </div>`
        : nothing}`;
  }

  #action(detail: RoundAction): void {
    this.dispatchEvent(new CustomEvent<RoundAction>('round-action', { detail, bubbles: true, composed: true }));
  }

  #button(testid: string, label: string, iconName: IconName | null, unavailable: boolean, action: () => unknown, primary = false) {
    return hostButton({ testid, label, icon: iconName, off: unavailable || this.busy, action, primary });
  }
}

function strategyLabel(s: AssignStrategy): string {
  switch (s) {
    case 'balanced':
      return msg('zufällig und ausgewogen', { id: 'breakoutHost.strategyBalanced' });
    case 'keep':
      return msg('Gruppen der vorigen Runde', { id: 'breakoutHost.strategyKeep' });
    case 'rotate':
      return msg('möglichst neue Begegnungen', { id: 'breakoutHost.strategyRotate' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-round-host-item': RoundHostItem;
  }
}
