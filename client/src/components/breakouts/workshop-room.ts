/**
 * <mashup-workshop-room> — the main view while one is in a workshop room
 * (`roomOf(self)` is a workshop, rule B1): title, tag, description and
 * moderator; the round's countdown with its 5- and 1-minute alerts and the
 * closing warning; "Hilfe rufen" (notifies the hosts, `breakout:help`); "Wer
 * ist hier" (`workshopMembers`); and for the room's moderator and the hosts
 * the title/description editor. The room's audio and video grid
 * (<mashup-media-grid>) is the main area, right below the title. The results
 * board sits in the side panel's "Ergebnisse" tab (shared/UI.md's frame), the
 * chat is the room's own.
 *
 * Properties: `round` (the live Round), `workshop` (Workshop). Session from context.
 */
import { localized, msg, str } from '@lit/localize';
import { workshopMembers, type Round, type Workshop } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { canModerate, nameOf } from '../../state/breakouts.js';
import { baseStyles } from '../../styles/shared.js';
import { runRequest } from '../run-request.js';
import './round-countdown.js';
import './workshop-edit.js';
import '../media/media-grid.js';

@customElement('mashup-workshop-room')
@localized()
export class WorkshopRoom extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      section {
        display: grid;
        gap: var(--mu-space-4);
      }
      .kicker {
        font-size: 0.875rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--mu-text-muted);
      }
      h2 {
        font-size: 1.5rem;
        overflow-wrap: anywhere;
      }
      .description {
        white-space: pre-line;
        overflow-wrap: anywhere;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
        align-items: center;
      }
      .help {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mu-space-3);
      }
      .ok {
        color: var(--mu-success);
        font-weight: 600;
      }
      h3 {
        font-size: 1.05rem;
        display: flex;
        align-items: center;
        gap: var(--mu-space-2);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
      }
      li {
        padding: var(--mu-space-1) var(--mu-space-3);
        border: 1px solid var(--mu-border-soft);
        border-radius: 999px;
        background: var(--mu-surface-2);
      }
      li.self {
        border-color: var(--mu-primary);
      }
      .org {
        color: var(--mu-text-muted);
        font-size: 0.875rem;
      }
    `,
  ];

  @property({ attribute: false }) round: Round | null = null;
  @property({ attribute: false }) workshop: Workshop | null = null;
  @state() busy = false;
  @state() error = '';
  @state() done = '';
  readonly #live = new SessionController(this);

  override render() {
    const view = this.#live.view;
    const session = this.#live.session;
    const round = this.round;
    const w = this.workshop;
    if (!view || !session || !round || !w) return nothing;
    const moderator = nameOf(view, w.moderatorId);
    const helpAsked = this.done !== '' || round.help.some((h) => h.workshopId === w.id);
    return html`<section class="card" aria-labelledby="room-title" data-testid="workshop-room" data-workshop-id=${w.id}>
      <p class="kicker">${msg('Workshopraum', { id: 'breakout.room.kicker' })}</p>
      <h2 id="room-title" data-testid="workshop-title">${w.title}</h2>
      <p class="meta">
        ${w.tag ? html`<span class="badge">${w.tag}</span>` : nothing}
        ${moderator ? html`<span>${msg(str`Moderation: ${moderator}`, { id: 'breakout.moderatedBy' })}</span>` : nothing}
      </p>
      <mashup-media-grid mode="room"></mashup-media-grid>
      ${w.description ? html`<p class="description" data-testid="workshop-description">${w.description}</p>` : nothing}
      ${canModerate(view, w) ? html`<mashup-workshop-edit .roundId=${round.id} .workshop=${w}></mashup-workshop-edit>` : nothing}
      <mashup-round-countdown .round=${round} .clock=${session.clock}></mashup-round-countdown>
      <div class="help">
        <button class="btn" type="button" aria-disabled=${this.busy ? 'true' : 'false'} data-testid="help-button" @click=${this.#help}>
          ${icon('hand')}${msg('Hilfe rufen', { id: 'breakout.help' })}
        </button>
        <p role="status" class="ok" data-testid="help-status">
          ${helpAsked ? msg('Die Moderation wurde benachrichtigt', { id: 'breakout.helpSent' }) : ''}
        </p>
      </div>
      ${this.error ? html`<p class="error" role="alert">${icon('alert')}${this.error}</p>` : nothing}
      ${this.#members(round, w)}
    </section>`;
  }

  #members(round: Round, w: Workshop) {
    const view = this.#live.view!;
    const ids = workshopMembers(round, w.id);
    const people = ids.map((id) => view.participants.find((p) => p.id === id)).filter((p) => p !== undefined);
    return html`<div>
      <h3 id="members-title">${icon('people')}${msg(str`Wer ist hier (${people.length})`, { id: 'breakout.members' })}</h3>
      <ul aria-labelledby="members-title" data-testid="workshop-members">
        ${people.map(
          (p) => html`<li class=${p.id === view.self.participantId ? 'self' : ''} data-testid="workshop-member" data-participant-id=${p.id}>
            <span>${p.name}</span>${p.org ? html` <span class="org">· ${p.org}</span>` : nothing}
            ${p.id === w.moderatorId ? html` <span class="badge">${msg('Raummoderation', { id: 'role.moderator' })}</span>` : nothing}
            ${p.id === view.self.participantId ? html` <span class="org">(${msg('Sie', { id: 'common.you' })})</span>` : nothing}
          </li>`,
        )}
      </ul>
    </div>`;
  }

  async #help(): Promise<void> {
    const session = this.#live.session;
    if (!session) return;
    await runRequest(this, () => session.askForHelp(), msg('Die Moderation wurde benachrichtigt', { id: 'breakout.helpSent' }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-workshop-room': WorkshopRoom;
  }
}
