/**
 * <mashup-lobby-host-item> — one lobby in the hosts' panel: title, kind,
 * phase (vorbereitet / offen / geschlossen) and how many sit; the controls
 * for its phase — edit, delete, open (not while another lobby is open, rule
 * L1), and while open: shuffle everyone and close (everyone back to the
 * plenary) — and its tables: occupancy ("2 / 6", "voll"), who sits there, and
 * a lock toggle per table (rule L4: nobody new sits down, who sits stays).
 *
 * Properties: `lobby`, `anotherOpen`, `busy`, `run` (the panel's request runner).
 * Events: `lobby-action` ({kind: edit|delete|close|shuffle, lobbyId}) — the panel opens the dialog or a confirmation.
 */
import { localized, msg, str } from '@lit/localize';
import { freeSeats, type Lobby, type Table } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { FocusKeeper } from '../focus-keeper.js';
import { SessionController } from '../../context.js';
import { hostButton } from '../host-button.js';
import { icon, type IconName } from '../../icons.js';
import { LobbyCommands } from '../../services/lobby-commands.js';
import { lobbyOccupancy, lobbyPhase, seatedPeople, type LobbyPhase } from '../../state/lobby.js';
import { panelStyles } from '../../styles/panel.js';
import { dataTableStyles } from '../../styles/data-table.js';
import { baseStyles } from '../../styles/shared.js';
import type { HostRun } from '../breakouts-host/host-run.js';
import { hostStyles } from '../breakouts-host/host-styles.js';
import { lobbyStyles } from '../lobby/lobby-styles.js';
import { fullBadge, kindLabel, lockedBadge, personLine } from '../lobby/lobby-words.js';

export interface LobbyAction {
  kind: 'edit' | 'delete' | 'close' | 'shuffle';
  lobbyId: string;
}

@customElement('mashup-lobby-host-item')
@localized()
export class LobbyHostItem extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    hostStyles,
    lobbyStyles,
    dataTableStyles,
    css`
      article {
        display: grid;
        gap: var(--mu-space-3);
        padding: var(--mu-space-3);
        border: 1px solid var(--mu-border-soft);
        border-radius: var(--mu-radius);
      }
      article[data-phase='open'] {
        border: 2px solid var(--mu-primary);
      }
      h3 {
        font-size: 1rem;
        overflow-wrap: anywhere;
      }
      th,
      td {
        padding: var(--mu-space-1) var(--mu-space-2);
        overflow-wrap: anywhere;
      }
      .occupancy {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      td .badge {
        margin-left: var(--mu-space-1);
      }
      .names {
        font-size: 0.875rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        min-height: var(--mu-target);
        padding: var(--mu-space-1) 0;
      }
    `,
  ];

  @property({ attribute: false }) lobby!: Lobby;
  @property({ type: Boolean }) anotherOpen = false;
  @property({ type: Boolean }) busy = false;
  @property({ attribute: false }) run!: HostRun;
  readonly #live = new SessionController(this);
  /** "Öffnen"/"Starten" give way to the controls they unlock: focus goes there, not to the page. */
  readonly #focus = new FocusKeeper(this);

  override render() {
    const l = this.lobby;
    if (!l || !this.#live.view) return nothing;
    const phase = lobbyPhase(l);
    const { seated, seats } = lobbyOccupancy(l);
    return html`<article data-testid="lobby-item" data-lobby-id=${l.id} data-phase=${phase} aria-labelledby="lobby-${l.id}">
      <div>
        <h3 id="lobby-${l.id}">${l.title}</h3>
        <p class="meta">
          <span class="badge ${phase === 'open' ? 'live' : ''}" data-testid="lobby-phase">${phaseLabel(phase)}</span>
          <span>${kindLabel(l.kind)}</span>
          <span data-testid="lobby-occupancy">· ${msg(str`${l.tables.length} Tische, ${seated} von ${seats} Plätzen besetzt`, { id: 'lobbyHost.summary' })}</span>
        </p>
      </div>
      ${this.#controls(l, phase)}
      ${phase === 'open'
        ? this.#tables(l)
        : html`<details>
            <summary>${msg(str`Tische ansehen und sperren (${l.tables.length})`, { id: 'lobbyHost.tablesToggle' })}</summary>
            ${this.#tables(l)}
          </details>`}
    </article>`;
  }

  #controls(l: Lobby, phase: LobbyPhase) {
    const commands = () => new LobbyCommands(this.#live.session!.transport);
    const open = phase === 'open';
    return html`<div class="buttons" role="group" aria-label=${msg('Lobby steuern', { id: 'lobbyHost.controls' })}>
        ${open
          ? nothing
          : this.#button('lobby-open', msg('Öffnen', { id: 'breakoutHost.open' }), 'play', this.anotherOpen, () =>
              this.run(() => commands().open(l.id), msg('Die Lobby ist offen: alle sehen jetzt die Tische.', { id: 'lobbyHost.opened' })),
            true)}
        ${open ? this.#button('lobby-shuffle', msg('Alle neu mischen', { id: 'lobbyHost.shuffle' }), 'shuffle', false, () => this.#action('shuffle')) : nothing}
        ${this.#button('lobby-edit', msg('Bearbeiten', { id: 'breakoutHost.edit' }), 'sliders', false, () => this.#action('edit'))}
        ${open ? this.#button('lobby-close', msg('Schließen', { id: 'breakoutHost.close' }), 'stop', false, () => this.#action('close')) : nothing}
        ${this.#button('lobby-delete', msg('Löschen', { id: 'breakoutHost.delete' }), 'close', false, () => this.#action('delete'))}
      </div>
      ${!open && this.anotherOpen
        ? html`<p class="hint">${msg('Öffnen geht, sobald die offene Lobby geschlossen ist.', { id: 'lobbyHost.otherOpen' })}</p>`
        : nothing}`;
  }

  #tables(l: Lobby) {
    const view = this.#live.view!;
    return html`<table>
      <caption>${msg('Tische', { id: 'lobbyHost.tables' })}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Tisch', { id: 'lobby.col.table' })}</th>
          <th scope="col">${msg('Besetzt', { id: 'lobbyHost.col.occupancy' })}</th>
          <th scope="col">${msg('Wer dort sitzt', { id: 'lobby.col.people' })}</th>
          <th scope="col">${msg('Sperre', { id: 'lobbyHost.col.lock' })}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          l.tables,
          (t) => t.id,
          (t) => html`<tr data-testid="lobby-host-table" data-table-id=${t.id}>
            <th scope="row">${t.name}</th>
            <td class="occupancy">
              <span data-testid="lobby-host-occupancy">${t.seated.length} / ${t.capacity}</span>${freeSeats(t) === 0
                ? fullBadge('')
                : nothing}${t.locked ? lockedBadge('') : nothing}
            </td>
            <td class="names">${seatedPeople(view, t).map(personLine).join(', ') || html`<span class="muted">–</span>`}</td>
            <td>${this.#lockButton(l, t)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** A toggle (pressed = locked) with one label in both states, as toggles should; the row's badge says "gesperrt" in words. */
  #lockButton(l: Lobby, t: Table) {
    const session = this.#live.session!;
    const label = msg('Sperren', { id: 'lobbyHost.lock' });
    return html`<button class="btn small" type="button" data-testid="lobby-lock" aria-pressed=${t.locked ? 'true' : 'false'}
      aria-label="${label}: ${t.name}" aria-disabled=${this.busy ? 'true' : 'false'}
      @click=${() => {
        if (this.busy) return;
        void this.run(
          () => new LobbyCommands(session.transport).lock(l.id, t.id, !t.locked),
          t.locked
            ? msg(str`„${t.name}“ ist wieder offen.`, { id: 'lobbyHost.unlockedDone' })
            : msg(str`„${t.name}“ ist gesperrt: niemand Neues setzt sich dazu.`, { id: 'lobbyHost.lockedDone' }),
        );
      }}>
      ${icon(t.locked ? 'lock' : 'unlock')}${label}
    </button>`;
  }

  #action(kind: LobbyAction['kind']): void {
    this.dispatchEvent(new CustomEvent<LobbyAction>('lobby-action', { detail: { kind, lobbyId: this.lobby.id }, bubbles: true, composed: true }));
  }

  #button(testid: string, label: string, iconName: IconName | null, unavailable: boolean, action: () => unknown, primary = false) {
    return hostButton({ testid, label, icon: iconName, off: unavailable || this.busy, action, primary });
  }
}

function phaseLabel(phase: LobbyPhase): string {
  switch (phase) {
    case 'prepared':
      return msg('Vorbereitet', { id: 'lobbyHost.phasePrepared' });
    case 'open':
      return msg('Offen', { id: 'lobbyHost.phaseOpen' });
    case 'closed':
      return msg('Geschlossen', { id: 'lobbyHost.phaseClosed' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-lobby-host-item': LobbyHostItem;
  }
}
