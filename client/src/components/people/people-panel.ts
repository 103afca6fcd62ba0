/**
 * <mashup-people-panel> — everyone in the event: name, organisation, role,
 * online or not; raised hands first, in the order they were raised. Hosts
 * also get "Hand senken" per person and for all, "Wort erteilen" / "Wort
 * entziehen" (the floor in the plenary: that person may then send audio and
 * video there, rule M2; next to a raised hand, else under "Aktionen"), and per
 * person "Zur Co-Moderation machen" / "Co-Moderation entziehen" and
 * "Entfernen" (with a confirmation dialog).
 */
import { localized, msg, str } from '@lit/localize';
import type { Ack, ParticipantView } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AppController, SessionController } from '../../context.js';
import { errorMessage } from '../../i18n/error-messages.js';
import { icon } from '../../icons.js';
import { connectedCount, isHost, peopleRows, type PersonRow } from '../../state/selectors.js';
import { baseStyles } from '../../styles/shared.js';
import { roleLabel } from './role-label.js';
import { syncDialog } from '../dialog-sync.js';

@customElement('mashup-people-panel')
@localized()
export class PeoplePanel extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--mu-space-2);
        padding: var(--mu-space-3) var(--mu-space-4);
        border-bottom: 1px solid var(--mu-border-soft);
      }
      .counts {
        font-weight: 600;
      }
      ul {
        flex: 1;
        min-height: 0;
        overflow-y: auto;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        padding: var(--mu-space-3) var(--mu-space-4);
        border-bottom: 1px solid var(--mu-border-soft);
      }
      li.hand {
        background: var(--mu-warning-soft);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
        align-items: flex-start;
      }
      /* Wraps the host actions below the name when the panel is narrow. */
      .who {
        flex: 1 1 180px;
        min-width: 0;
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px var(--mu-space-2);
      }
      .name {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .org {
        color: var(--mu-text-muted);
        font-size: 0.875rem;
        overflow-wrap: anywhere;
      }
      .presence {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        font-size: 0.8rem;
        color: var(--mu-text-muted);
      }
      .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        border: 1px solid var(--mu-text-muted);
      }
      .online .dot {
        background: var(--mu-success);
        border-color: var(--mu-success);
      }
      .online {
        color: var(--mu-success);
      }
      .handmark {
        display: flex;
        flex-basis: 100%;
        align-items: center;
        gap: 4px;
        font-weight: 700;
        font-size: 0.875rem;
        color: var(--mu-warning);
      }
      .badge.floor {
        display: inline-flex;
        align-items: center;
        gap: 2px;
      }
      .badge.floor svg {
        width: 14px;
        height: 14px;
      }
      .handmark svg {
        flex: none;
        width: 18px;
        height: 18px;
      }
      .actions,
      .more {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-2);
      }
      .actions {
        margin-left: auto;
      }
      .more {
        margin-top: var(--mu-space-2);
      }
      .error {
        margin: 0;
        padding: var(--mu-space-2) var(--mu-space-4);
      }
      dialog {
        max-width: min(480px, calc(100vw - 32px));
        border: 1px solid var(--mu-border);
        border-radius: calc(var(--mu-radius) * 1.5);
        background: var(--mu-surface);
        color: var(--mu-text);
        padding: var(--mu-space-5);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      dialog h2 {
        font-size: 1.25rem;
        margin-bottom: var(--mu-space-3);
      }
      dialog .buttons {
        display: flex;
        justify-content: flex-end;
        gap: var(--mu-space-2);
        margin-top: var(--mu-space-4);
      }
    `,
  ];

  /** Person whose extra actions are open. */
  @state() private expanded: string | null = null;
  @state() private confirmRemove: ParticipantView | null = null;
  @state() private error = '';
  @state() private busy = false;
  @query('dialog') private dialog?: HTMLDialogElement;
  readonly #live = new SessionController(this);
  readonly #app = new AppController(this);

  protected override updated(): void {
    syncDialog(this.dialog, Boolean(this.confirmRemove));
  }

  override render() {
    const view = this.#live.view;
    if (!view) return nothing;
    const host = isHost(view);
    const rows = peopleRows(view, this.#app.services.i18n.locale);
    const online = connectedCount(view);
    return html`
      <div class="head">
        <p class="counts" data-testid="people-counts">
          ${msg(str`${online} online · ${view.participants.length} insgesamt`, { id: 'people.counts' })}
        </p>
        ${host && view.hands.length > 0
          ? html`<button class="btn small" type="button" data-testid="hands-lower-all" ?disabled=${this.busy} @click=${this.#lowerAll}>
              ${icon('hand')}${msg('Alle Hände senken', { id: 'people.lowerAll' })}
            </button>`
          : nothing}
      </div>
      ${this.error ? html`<p class="error" role="alert" data-testid="people-error">${icon('alert')}${this.error}</p>` : nothing}
      <ul tabindex="0" aria-label=${msg('Personen in der Veranstaltung', { id: 'people.listLabel' })}>
        ${repeat(rows, (r) => r.participant.id, (r) => this.#row(r, host))}
      </ul>
      ${this.#renderDialog()}
    `;
  }

  #row(row: PersonRow, host: boolean) {
    const p = row.participant;
    const badge = roleLabel(p.role);
    const open = this.expanded === p.id;
    const canManage = host && !row.isSelf;
    // Hosts are on stage anyway; the floor is for everyone else.
    const floorable = canManage && p.role !== 'host';
    const hasFloor = this.#live.view?.floor.includes(p.id) ?? false;
    // Where a host looks first: beside the raised hand, or while the person has the floor.
    const floorUpFront = floorable && (row.handPosition !== null || hasFloor);
    return html`<li
      class=${row.handPosition !== null ? 'hand' : ''}
      data-testid="people-item"
      data-participant-id=${p.id}
      data-connected=${p.connected ? 'true' : 'false'}
      data-hand=${row.handPosition !== null ? 'true' : 'false'}
      data-role=${p.role}
    >
      <div class="row">
        <div class="who">
          <div class="line">
            ${row.handPosition !== null
              ? html`<span class="handmark" data-testid="people-hand">${icon('hand')}${msg(str`Hand gehoben · Platz ${row.handPosition}`, { id: 'people.handPosition' })}</span>`
              : nothing}
            <span class="name" data-testid="people-name">${p.name}</span>
            ${row.isSelf ? html`<span class="muted" data-testid="self-marker">(${msg('Sie', { id: 'common.you' })})</span>` : nothing}
            ${hasFloor
              ? html`<span class="badge floor" data-testid="people-floor">${icon('mic')}${msg('hat das Wort', { id: 'people.hasFloor' })}</span>`
              : nothing}
            ${badge ? html`<span class="badge" data-testid="people-role">${badge}</span>` : nothing}
          </div>
          <div class="line">
            ${p.org ? html`<span class="org">${p.org}</span>` : nothing}
            <span class="presence ${p.connected ? 'online' : ''}">
              <span class="dot" aria-hidden="true"></span>${p.connected
                ? msg('online', { id: 'people.online' })
                : msg('nicht verbunden', { id: 'people.offline' })}
            </span>
          </div>
        </div>
        ${canManage
          ? html`<div class="actions">
              ${row.handPosition !== null
                ? html`<button class="btn small" type="button" data-testid="person-lower-hand" ?disabled=${this.busy}
                    aria-label=${msg(str`Hand senken: ${p.name}`, { id: 'people.lowerHandFor' })}
                    @click=${() => this.#run(() => this.#live.session!.dismissHand(p.id))}>
                    ${msg('Hand senken', { id: 'hand.lower' })}
                  </button>`
                : nothing}
              ${floorUpFront ? this.#floorButton(p, hasFloor, row.handPosition !== null) : nothing}
              <button class="btn small quiet" type="button" data-testid="person-actions" aria-expanded=${open ? 'true' : 'false'}
                aria-label=${msg(str`Aktionen für ${p.name}`, { id: 'people.actionsFor' })}
                @click=${() => (this.expanded = open ? null : p.id)}>
                ${icon('more')}<span>${msg('Aktionen', { id: 'people.actions' })}</span>
              </button>
            </div>`
          : nothing}
      </div>
      ${canManage && open
        ? html`<div class="more">
            ${floorable && !floorUpFront ? this.#floorButton(p, hasFloor, false) : nothing}
            ${p.role === 'host'
              ? html`<button class="btn small" type="button" data-testid="person-toggle-host" ?disabled=${this.busy}
                  @click=${() => this.#run(() => this.#live.session!.setRole(p.id, 'participant'))}>
                  ${msg('Co-Moderation entziehen', { id: 'people.revokeHost' })}
                </button>`
              : html`<button class="btn small" type="button" data-testid="person-toggle-host" ?disabled=${this.busy}
                  @click=${() => this.#run(() => this.#live.session!.setRole(p.id, 'host'))}>
                  ${icon('shield')}${msg('Zur Co-Moderation machen', { id: 'people.makeHost' })}
                </button>`}
            <button class="btn small danger" type="button" data-testid="person-remove" @click=${() => (this.confirmRemove = p)}>
              ${msg('Entfernen', { id: 'people.remove' })}
            </button>
          </div>`
        : nothing}
    </li>`;
  }

  /** Gives or takes back the floor; giving it answers a raised hand, so the hand goes down. */
  #floorButton(p: ParticipantView, hasFloor: boolean, handRaised: boolean) {
    const session = this.#live.session!;
    const toggle = async (): Promise<Ack<unknown>> => {
      const reply = await session.setFloor(p.id, !hasFloor);
      return reply.ok && !hasFloor && handRaised ? session.dismissHand(p.id) : reply;
    };
    return html`<button class="btn small" type="button" data-testid="person-floor" aria-pressed=${hasFloor ? 'true' : 'false'} ?disabled=${this.busy}
      aria-label=${hasFloor
        ? msg(str`Wort entziehen: ${p.name}`, { id: 'people.takeFloorFor' })
        : msg(str`Wort erteilen: ${p.name}`, { id: 'people.giveFloorFor' })}
      @click=${() => this.#run(toggle)}>
      ${icon('mic')}${hasFloor ? msg('Wort entziehen', { id: 'people.takeFloor' }) : msg('Wort erteilen', { id: 'people.giveFloor' })}
    </button>`;
  }

  #renderDialog() {
    const p = this.confirmRemove;
    return html`<dialog aria-labelledby="remove-title" data-testid="remove-dialog" @close=${() => (this.confirmRemove = null)}>
      ${p
        ? html`<h2 id="remove-title">${msg(str`${p.name} entfernen?`, { id: 'people.remove.title' })}</h2>
            <p>${msg('Die Person wird sofort aus der Veranstaltung getrennt und kann mit diesem Zugang nicht wieder beitreten.', { id: 'people.remove.text' })}</p>
            ${this.error ? html`<p class="error" role="alert">${icon('alert')}${this.error}</p>` : nothing}
            <div class="buttons">
              <button class="btn" type="button" data-testid="remove-cancel" @click=${() => (this.confirmRemove = null)}>
                ${msg('Abbrechen', { id: 'common.cancel' })}
              </button>
              <button class="btn danger" type="button" data-testid="remove-confirm" ?disabled=${this.busy} @click=${() => this.#remove(p.id)}>
                ${msg('Entfernen', { id: 'people.remove' })}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  async #remove(participantId: string): Promise<void> {
    const ok = await this.#run(() => this.#live.session!.removeParticipant(participantId));
    if (ok) {
      this.confirmRemove = null;
      this.expanded = null;
    }
  }

  #lowerAll = (): void => {
    void this.#run(() => this.#live.session!.dismissAllHands());
  };

  /** Runs a host request, showing its error inline; resolves whether it worked. */
  async #run(request: () => Promise<Ack<unknown>>): Promise<boolean> {
    this.busy = true;
    this.error = '';
    const reply = await request();
    this.busy = false;
    if (!reply.ok) this.error = errorMessage(reply.error);
    return reply.ok;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-people-panel': PeoplePanel;
  }
}
