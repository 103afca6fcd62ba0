/**
 * <mashup-workshop-choices> — the plenary's view of the next workshop round.
 * In choose mode: one card per workshop (title, tag, description, moderator,
 * free seats live, a visible "voll" state, one's own seat or waitlist place)
 * with a button to choose it — "Auf die Warteliste" when full — and one to
 * give the place up. Choosing another workshop gives up the previous place in
 * the same atomic step on the server (rule B3), so there is no "leave first".
 * In the other modes: the workshops for information and either the own
 * assignment ("Sie sind im Workshop X") or "Sie werden zugeteilt".
 *
 * Renders nothing when no round is offered. Session from context.
 */
import { localized, msg, str } from '@lit/localize';
import { workshopOf, type Ack, type Round, type Workshop } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { freeSeats, nameOf, offeredRound, seatStatus, type SeatStatus } from '../../state/breakouts.js';
import type { EventView } from '../../state/plenary-state.js';
import { baseStyles } from '../../styles/shared.js';
import { tileStyles } from '../../styles/stage.js';

@customElement('mashup-workshop-choices')
@localized()
export class WorkshopChoices extends LitElement {
  static override styles = [
    baseStyles,
    tileStyles,
    css`
      section {
        display: grid;
        gap: var(--mu-space-4);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
        gap: var(--mu-space-3);
      }
      li.mine {
        border: 2px solid var(--mu-primary);
      }
      h3 {
        font-size: 1.05rem;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
        align-items: center;
        font-size: 0.875rem;
      }
      .full {
        background: var(--mu-danger-soft);
        color: var(--mu-danger);
        border: 1px solid var(--mu-danger);
      }
      .status {
        font-weight: 700;
        color: var(--mu-success);
      }
      .status.waiting {
        color: var(--mu-warning);
      }
      .description {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
        margin-top: auto;
      }
      .outcome:empty {
        display: none;
      }
    `,
  ];

  @state() private busy = false;
  @state() private outcome = '';
  @state() private error = '';
  readonly #live = new SessionController(this);

  override render() {
    const view = this.#live.view;
    const session = this.#live.session;
    if (!view || !session) return nothing;
    const round = offeredRound(view, session.clock.serverNow());
    if (!round) return nothing;
    const choose = round.mode === 'choose';
    return html`<section class="card" aria-labelledby="choices-title" data-testid="workshop-choices" data-round-id=${round.id} data-mode=${round.mode}>
      <h2 id="choices-title">${icon('people')}${round.title}</h2>
      <p>
        ${choose
          ? msg('Bitte wählen Sie einen Workshop. Sie können Ihre Wahl ändern, bis die Runde beginnt.', { id: 'breakout.choose.intro' })
          : this.#assignment(view, round)}
      </p>
      <ul>
        ${round.workshops.map((w) => this.#card(view, round, w, choose))}
      </ul>
      <p class="outcome" role="status">${this.outcome}</p>
      ${this.error ? html`<p class="error" role="alert">${icon('alert')}${this.error}</p>` : nothing}
    </section>`;
  }

  #assignment(view: EventView, round: Round) {
    const mine = workshopOf(round, view.self.participantId);
    return html`<strong data-testid="choice-status"
      >${mine
        ? msg(str`Sie sind im Workshop „${mine.title}“.`, { id: 'breakout.assigned' })
        : msg('Sie werden zugeteilt. Sobald die Runde beginnt, kommen Sie automatisch in Ihren Workshopraum.', {
            id: 'breakout.toBeAssigned',
          })}</strong
    >`;
  }

  #card(view: EventView, round: Round, w: Workshop, choose: boolean) {
    const free = freeSeats(round, w);
    const full = free === 0;
    const own = seatStatus(round, w, view.self.participantId);
    const moderator = nameOf(view, w.moderatorId);
    const titleId = `ws-${w.id}`;
    return html`<li class="tile ${own.kind === 'none' ? '' : 'mine'}" aria-labelledby=${titleId} data-testid="workshop-choice" data-workshop-id=${w.id} data-full=${full ? 'true' : 'false'}>
      <h3 id=${titleId}>${w.title}</h3>
      <p class="meta">
        ${w.tag ? html`<span class="badge">${w.tag}</span>` : nothing}
        <span data-testid="workshop-free-seats">${msg(str`${free} von ${w.capacity} Plätzen frei`, { id: 'breakout.freeSeats' })}</span>
        ${full ? html`<span class="badge full" data-testid="workshop-full">${msg('voll', { id: 'breakout.fullBadge' })}</span>` : nothing}
      </p>
      ${moderator ? html`<p class="meta muted">${msg(str`Moderation: ${moderator}`, { id: 'breakout.moderatedBy' })}</p>` : nothing}
      ${w.description ? html`<p class="description">${w.description}</p>` : nothing}
      ${choose ? this.#own(own) : nothing}
      ${choose ? this.#buttons(round, w, own, full) : nothing}
    </li>`;
  }

  #own(own: SeatStatus) {
    switch (own.kind) {
      case 'none':
        return nothing;
      case 'moderator':
        return html`<p class="status" data-testid="choice-status">${msg('Sie moderieren diesen Workshop', { id: 'breakout.status.moderator' })}</p>`;
      case 'seated':
        return html`<p class="status" data-testid="choice-status">${icon('check')} ${msg('Sie haben einen Platz', { id: 'breakout.status.seated' })}</p>`;
      case 'waitlist':
        return html`<p class="status waiting" data-testid="choice-status">
          ${msg(str`Warteliste, Platz ${own.position}`, { id: 'breakout.status.waitlist' })}
        </p>`;
    }
  }

  #buttons(round: Round, w: Workshop, own: SeatStatus, full: boolean) {
    if (own.kind === 'moderator') return nothing;
    const disabled = this.busy ? 'true' : 'false';
    if (own.kind === 'none') {
      return html`<div class="buttons">
        <button class="btn ${full ? '' : 'primary'}" type="button" aria-disabled=${disabled} data-testid="workshop-choose" @click=${() => this.#choose(round, w)}>
          ${full
            ? msg('Auf die Warteliste', { id: 'breakout.joinWaitlist' })
            : html`${msg('Wählen', { id: 'breakout.choose' })}<span class="visually-hidden">: ${w.title}</span>`}
        </button>
      </div>`;
    }
    return html`<div class="buttons">
      <button class="btn" type="button" aria-disabled=${disabled} data-testid="workshop-leave" @click=${() => this.#leave(round)}>
        ${own.kind === 'waitlist'
          ? msg('Warteliste verlassen', { id: 'breakout.leaveWaitlist' })
          : msg('Platz freigeben', { id: 'breakout.leave' })}
      </button>
    </div>`;
  }

  async #choose(round: Round, w: Workshop): Promise<void> {
    const reply = await this.#run(() => this.#live.session!.chooseWorkshop(round.id, w.id));
    if (reply?.ok) {
      this.outcome = reply.data.seated
        ? msg(str`Sie haben einen Platz in „${w.title}“.`, { id: 'breakout.outcome.seated' })
        : msg(str`„${w.title}“ ist voll. Sie stehen auf Platz ${reply.data.position} der Warteliste.`, { id: 'breakout.outcome.waitlist' });
    }
  }

  async #leave(round: Round): Promise<void> {
    const reply = await this.#run(() => this.#live.session!.leaveWorkshop(round.id));
    if (reply?.ok) this.outcome = msg('Sie haben Ihren Platz freigegeben.', { id: 'breakout.outcome.left' });
  }

  async #run<T>(request: () => Promise<Ack<T>>): Promise<Ack<T> | null> {
    if (this.busy) return null;
    this.busy = true;
    this.error = '';
    this.outcome = '';
    const reply = await request();
    this.busy = false;
    if (!reply.ok) this.error = errorMessage(reply.error);
    return reply;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-workshop-choices': WorkshopChoices;
  }
}
