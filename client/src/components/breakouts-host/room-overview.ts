/**
 * <mashup-room-overview> — all rooms of the live round for hosts: one row per
 * workshop with occupancy ("7 / 10"), moderator, an open help request
 * (highlighted with its time, "Erledigt"), the last activity, and a button to
 * drop into the room or go back to the plenary.
 *
 * Last activity: the newer of the session's `room:activity` pushes (chat and
 * results in that room) and the room's results board's last change, so a
 * host who joined after the last push still sees when results were written.
 *
 * Properties: `round`, `now` (server time), `busy`, `run` (the panel's request runner).
 */
import { localized, msg, str } from '@lit/localize';
import type { Round } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import type { EventSession } from '../../services/event-session.js';
import { roomRows, visitOf, type RoomRow } from '../../state/round-host.js';
import { dataTableStyles } from '../../styles/data-table.js';
import { baseStyles } from '../../styles/shared.js';
import type { HostRun } from './host-run.js';
import { hostStyles } from './host-styles.js';
import { agoText, clockTime } from './time-text.js';

@customElement('mashup-room-overview')
@localized()
export class RoomOverview extends LitElement {
  static override styles = [
    baseStyles,
    hostStyles,
    dataTableStyles,
    css`
      tr.help td,
      tr.help th {
        background: var(--mu-warning-soft);
      }
      tr.help th {
        border-left: 4px solid var(--mu-warning);
      }
      .occupancy {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-1);
      }
    `,
  ];

  @property({ attribute: false }) round!: Round;
  @property({ attribute: false }) now = 0;
  @property({ type: Boolean }) busy = false;
  @property({ attribute: false }) run!: HostRun;
  readonly #live = new SessionController(this);

  override render() {
    const view = this.#live.view;
    const session = this.#live.session;
    if (!view || !session || !this.round) return nothing;
    const rows = roomRows(this.round, session.roomActivity, view.results);
    const names = new Map(view.participants.map((p) => [p.id, p.name]));
    const visiting = visitOf(this.round, view.self.participantId);
    return html`<table data-testid="room-overview">
      <caption>${msg('Räume', { id: 'breakoutHost.rooms' })}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Workshop', { id: 'breakoutHost.workshop' })}</th>
          <th scope="col">${msg('Belegung', { id: 'breakoutHost.occupancy' })}</th>
          <th scope="col">${msg('Hilfe', { id: 'breakoutHost.help' })}</th>
          <th scope="col">${msg('Letzte Aktivität', { id: 'breakoutHost.activity' })}</th>
          <th scope="col"><span class="visually-hidden">${msg('Aktionen', { id: 'breakoutHost.actions' })}</span></th>
        </tr>
      </thead>
      <tbody>
        ${repeat(rows, (row) => row.workshop.id, (row) => this.#row(row, names, visiting, session))}
      </tbody>
    </table>`;
  }

  #row(row: RoomRow, names: Map<string, string>, visiting: string | null, session: EventSession) {
    const w = row.workshop;
    const roundId = this.round.id;
    const here = visiting === w.id;
    const moderator = w.moderatorId ? (names.get(w.moderatorId) ?? '?') : null;
    return html`<tr data-testid="room-row" data-workshop-id=${w.id} data-help=${row.help ? 'true' : 'false'} class=${row.help ? 'help' : ''}>
      <th scope="row">
        ${w.title}
        ${moderator ? html`<div class="meta">${msg(str`Moderation: ${moderator}`, { id: 'breakoutHost.moderatedBy' })}</div>` : nothing}
        ${w.tag ? html`<div class="meta">${w.tag}</div>` : nothing}
      </th>
      <td>
        <span class="occupancy" data-testid="room-occupancy" aria-label=${msg(str`${row.seated} von ${row.capacity} Plätzen belegt`, { id: 'breakoutHost.occupancyLabel' })}>
          ${row.seated} / ${row.capacity}
        </span>
      </td>
      <td>
        ${row.help
          ? html`<span class="help-text" data-testid="room-help">
                ${icon('alert')}${msg(str`Hilfe gerufen von ${names.get(row.help.by) ?? '?'} um ${clockTime(row.help.at)}`, { id: 'breakoutHost.helpBy' })}
              </span>
              <button class="btn small" type="button" data-testid="room-help-done" aria-disabled=${this.busy ? 'true' : 'false'}
                aria-label=${msg(str`Erledigt: Hilfe in ${w.title}`, { id: 'breakoutHost.helpDoneFor' })}
                @click=${() => !this.busy && this.run(() => session.helpDone(roundId, w.id), msg('Hilfe erledigt.', { id: 'breakoutHost.helpDoneSaid' }))}>
                ${msg('Erledigt', { id: 'breakoutHost.helpDone' })}
              </button>`
          : html`<span class="muted">–</span>`}
      </td>
      <td data-testid="room-activity">${agoText(row.lastActivity, this.now)}</td>
      <td><div class="actions">
        ${here
          ? html`<button class="btn small" type="button" data-testid="room-leave-visit" aria-disabled=${this.busy ? 'true' : 'false'}
              @click=${() => !this.busy && this.run(() => session.visitWorkshop(roundId, null), msg('Sie sind zurück im Plenum.', { id: 'breakoutHost.leftRoom' }))}>
              ${msg('Zurück ins Plenum', { id: 'breakoutHost.leaveVisit' })}
            </button>`
          : html`<button class="btn small" type="button" data-testid="room-visit" aria-disabled=${this.busy ? 'true' : 'false'}
              aria-label=${msg(str`Raum betreten: ${w.title}`, { id: 'breakoutHost.visitFor' })}
              @click=${() => !this.busy && this.run(() => session.visitWorkshop(roundId, w.id), msg(str`Sie sind jetzt in „${w.title}“.`, { id: 'breakoutHost.visited' }))}>
              ${msg('Raum betreten', { id: 'breakoutHost.visit' })}
            </button>`}
      </div></td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-room-overview': RoomOverview;
  }
}
