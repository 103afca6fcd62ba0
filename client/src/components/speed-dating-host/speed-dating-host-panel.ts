/**
 * <mashup-speed-dating-host-panel> — the hosts' speed dating in the host
 * area: "Neues Speed-Dating" (set-up dialog) and one entry per session with
 * its state and time, who takes part, and per round the pairs, the trio, who
 * sits out and the rules that had to give way (`relaxed`: repeated pairs,
 * same municipality); plus Bearbeiten, Starten, Beenden and Löschen (the last
 * two confirmed). All requests go through this panel: one busy state, one
 * status and error line. Shown only to hosts; the server checks again.
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, formatRemaining, speedDatingPhase, type Ack, type SpeedDating } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { FocusKeeper } from '../focus-keeper.js';
import { SessionController, TickController } from '../../context.js';
import { icon } from '../../icons.js';
import { phaseRemainingMs, roundSummaries, takingPart, type RoundSummary } from '../../state/speed-dating.js';
import { fieldsetStyles, panelStyles, statusStyles } from '../../styles/panel.js';
import { baseStyles } from '../../styles/shared.js';
import { dialogStyles } from '../../styles/dialog.js';
import { syncDialog } from '../dialog-sync.js';
import { runRequest } from '../run-request.js';
import { durationText } from '../speed-dating/dating-words.js';
import './speed-dating-dialog.js';

type Confirm = { kind: 'stop' | 'delete'; speedDatingId: string };

@customElement('mashup-speed-dating-host-panel')
@localized()
export class SpeedDatingHostPanel extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    fieldsetStyles,
    dialogStyles,
    statusStyles,
    css`
      .sessions {
        gap: var(--mu-space-3);
      }
      .sessions > li {
        display: grid;
        gap: var(--mu-space-3);
        padding: var(--mu-space-3) var(--mu-space-4);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mu-space-2) var(--mu-space-3);
      }
      h3 {
        font-size: 1.05rem;
        overflow-wrap: anywhere;
      }
      .badge.live {
        background: var(--mu-success-soft);
        color: var(--mu-success);
      }
      .remaining {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .meta {
        font-size: 0.875rem;
        color: var(--mu-text-muted);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.875rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        text-align: left;
        padding: var(--mu-space-1) var(--mu-space-2);
        border-bottom: 1px solid var(--mu-border-soft);
        vertical-align: top;
      }
      tr.running {
        background: var(--mu-primary-soft);
        color: var(--mu-on-primary-soft);
        font-weight: 700;
      }
      .warn {
        color: var(--mu-warning);
        font-weight: 700;
      }
      details > summary {
        cursor: pointer;
        min-height: var(--mu-target);
        font-weight: 600;
      }
      .people {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mu-space-1);
        margin-top: var(--mu-space-2);
      }
      .people li {
        padding: 0 var(--mu-space-2);
        border-radius: 999px;
        background: var(--mu-surface-2);
        font-size: 0.875rem;
      }
      .scroll {
        overflow-x: auto;
      }
    `,
  ];

  @state() busy = false;
  @state() error = '';
  @state() done = '';
  @state() private dialogOpen = false;
  @state() private editing: SpeedDating | null = null;
  @state() private confirm: Confirm | null = null;
  @query('dialog.confirm') private confirmDialog?: HTMLDialogElement;
  @query('#dating-host-title') private heading?: HTMLElement;
  readonly #live = new SessionController(this);
  /** "Öffnen"/"Starten" give way to the controls they unlock: focus goes there, not to the page. */
  readonly #focus = new FocusKeeper(this);

  constructor() {
    super();
    // The time left needs a look every second while a session is started and not over.
    new TickController(this, 1_000, () => {
      const view = this.#live.view;
      const now = this.#now();
      return view?.speedDatings.some((sd) => ['lead', 'round', 'break'].includes(speedDatingPhase(sd, now).kind)) ?? false;
    });
  }

  protected override updated(): void {
    syncDialog(this.confirmDialog, this.confirm !== null);
  }

  override render() {
    const view = this.#live.view;
    if (!view) return nothing;
    const now = this.#now();
    const full = view.speedDatings.length >= LIMITS.speedDatingsMax;
    return html`<section class="card" aria-labelledby="dating-host-title" data-testid="dating-host-panel">
      <h2 id="dating-host-title" tabindex="-1">${icon('people')}${msg('Speed-Dating', { id: 'speedDating.kicker' })}</h2>
      <div class="buttons">
        <button class="btn primary" type="button" data-testid="dating-new" aria-disabled=${full ? 'true' : 'false'} @click=${() => !full && this.#openDialog(null)}>
          ${icon('plus')}${msg('Neues Speed-Dating', { id: 'speedDatingHost.new' })}
        </button>
      </div>
      ${view.speedDatings.length === 0
        ? html`<p class="muted">${msg('Noch kein Speed-Dating vorbereitet.', { id: 'speedDatingHost.none' })}</p>`
        : html`<ul class="sessions" aria-label=${msg('Speed-Datings', { id: 'speedDatingHost.list' })}>
            ${repeat(view.speedDatings, (sd) => sd.id, (sd) => this.#item(sd, now))}
          </ul>`}
      <p class="ok-text" role="status" data-testid="dating-host-status">${this.done}</p>
      ${this.error ? html`<p class="error" role="alert" data-testid="dating-host-error">${icon('alert')}${this.error}</p>` : nothing}
      <mashup-speed-dating-dialog .open=${this.dialogOpen} .speedDating=${this.editing} @speed-dating-dialog-close=${() => (this.dialogOpen = false)}></mashup-speed-dating-dialog>
      ${this.#confirmDialog(view.speedDatings)}
    </section>`;
  }

  #item(sd: SpeedDating, now: number) {
    const view = this.#live.view!;
    const phase = speedDatingPhase(sd, now);
    const people = takingPart(view, sd);
    const busy = this.busy ? 'true' : 'false';
    return html`<li data-testid="dating-host-item" data-speed-dating-id=${sd.id} data-focus-scope=${sd.id} data-phase=${phase.kind}>
      <div class="head">
        <h3>${sd.title}</h3>
        <span class="badge ${phase.kind === 'round' || phase.kind === 'break' || phase.kind === 'lead' ? 'live' : ''}" data-testid="dating-host-state">${this.#stateText(sd, now)}</span>
        ${phase.kind === 'lead' || phase.kind === 'round' || phase.kind === 'break'
          ? html`<span class="remaining" data-testid="dating-host-remaining">${formatRemaining(phaseRemainingMs(phase, now))}</span>`
          : nothing}
      </div>
      <p class="meta">
        ${msg(str`${sd.rounds} Runden zu je ${durationText(sd.roundMs)}, Pause ${durationText(sd.breakMs)}.`, { id: 'speedDatingHost.scheduleLine' })}
        ${sd.rules.differentMunicipality ? msg('Verschiedene Kommunen.', { id: 'speedDatingHost.ruleMunicipalityShort' }) : nothing}
        ${sd.rules.matchByTopics ? msg('Nach Themen.', { id: 'speedDatingHost.ruleTopicsShort' }) : nothing}
        ${sd.topics.length > 0 ? msg(str`${sd.topics.length} Themen.`, { id: 'speedDatingHost.topicCount' }) : nothing}
      </p>
      <details>
        <summary data-testid="dating-host-people">
          ${phase.kind === 'prepared'
            ? msg(str`Jetzt dabei: ${people.length} Teilnehmende`, { id: 'speedDatingHost.wouldTakePart' })
            : msg(str`Dabei: ${people.length} Teilnehmende`, { id: 'speedDatingHost.takingPart' })}
        </summary>
        <ul class="people">
          ${people.map((p) => html`<li>${p.org ? `${p.name} · ${p.org}` : p.name}</li>`)}
        </ul>
      </details>
      ${phase.kind !== 'prepared' ? this.#rounds(roundSummaries(sd, now)) : nothing}
      <div class="buttons">
        ${phase.kind === 'prepared'
          ? html`<button class="btn primary" type="button" data-testid="dating-start" aria-disabled=${busy} @click=${() => this.#start(sd)}>
                ${icon('play')}${msg('Starten', { id: 'speedDatingHost.start' })}
              </button>
              <button class="btn" type="button" data-testid="dating-edit" aria-disabled=${busy} @click=${() => this.#openDialog(sd)}>
                ${msg('Bearbeiten', { id: 'speedDatingHost.edit' })}
              </button>`
          : nothing}
        ${phase.kind === 'lead' || phase.kind === 'round' || phase.kind === 'break'
          ? html`<button class="btn danger" type="button" data-testid="dating-stop" aria-disabled=${busy} @click=${() => this.#ask('stop', sd.id)}>
              ${icon('stop')}${msg('Beenden', { id: 'speedDatingHost.stop' })}
            </button>`
          : html`<button class="btn" type="button" data-testid="dating-delete" aria-disabled=${busy} @click=${() => this.#ask('delete', sd.id)}>
              ${msg('Löschen', { id: 'breakoutHost.delete' })}
            </button>`}
      </div>
    </li>`;
  }

  #stateText(sd: SpeedDating, now: number): string {
    const phase = speedDatingPhase(sd, now);
    switch (phase.kind) {
      case 'prepared':
        return msg('Vorbereitet', { id: 'speedDatingHost.prepared' });
      case 'lead':
        return msg('Beginnt gleich', { id: 'speedDatingHost.lead' });
      case 'round': {
        const n = phase.round + 1;
        return msg(str`Runde ${n} von ${sd.rounds} läuft`, { id: 'speedDatingHost.running' });
      }
      case 'break': {
        const n = phase.round + 1;
        return msg(str`Pause nach Runde ${n}`, { id: 'speedDatingHost.breakState' });
      }
      case 'ended':
        return sd.stoppedAt !== null ? msg('Vorzeitig beendet', { id: 'speedDatingHost.stopped' }) : msg('Beendet', { id: 'speedDatingHost.ended' });
    }
  }

  /** Per round: pairs, trio, people, who sits out and the rules that gave way (the matcher's `relaxed`). */
  #rounds(rows: RoundSummary[]) {
    return html`<div class="scroll">
      <table data-testid="dating-host-rounds">
        <caption class="visually-hidden">${msg('Runden im Überblick', { id: 'speedDatingHost.roundsCaption' })}</caption>
        <thead>
          <tr>
            <th scope="col">${msg('Runde', { id: 'speedDatingHost.round' })}</th>
            <th scope="col">${msg('Paare', { id: 'speedDatingHost.pairs' })}</th>
            <th scope="col">${msg('Dreiergruppe', { id: 'speedDatingHost.trio' })}</th>
            <th scope="col">${msg('Setzen aus', { id: 'speedDatingHost.sittingOut' })}</th>
            <th scope="col">${msg('Regeln gelockert', { id: 'speedDatingHost.relaxed' })}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr class=${r.state === 'running' ? 'running' : ''} data-testid="dating-host-round" data-round=${r.round + 1} data-state=${r.state}
              data-pairs=${r.pairs ?? ''} data-trios=${r.trios}>
              <th scope="row">${r.round + 1}${r.state === 'running' ? html` (${msg('läuft', { id: 'speedDatingHost.now' })})` : nothing}${
                r.state === 'skipped' ? html` (${msg('entfällt', { id: 'speedDatingHost.skipped' })})` : nothing
              }</th>
              <td>${r.pairs ?? '–'}</td>
              <td>${r.trios > 0 ? msg('ja', { id: 'speedDatingHost.yes' }) : msg('nein', { id: 'speedDatingHost.no' })}</td>
              <td>${r.sittingOut}</td>
              <td>${this.#relaxed(r)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #relaxed(r: RoundSummary) {
    if (r.repeated === 0 && r.sameMunicipality === 0) return msg('keine', { id: 'speedDatingHost.relaxedNone' });
    const parts: string[] = [];
    const repeated = r.repeated;
    const same = r.sameMunicipality;
    if (repeated > 0) parts.push(msg(str`${repeated} × wiederholt`, { id: 'speedDatingHost.relaxedRepeated' }));
    if (same > 0) parts.push(msg(str`${same} × gleiche Kommune`, { id: 'speedDatingHost.relaxedSame' }));
    return html`<span class="warn">${icon('alert')} ${parts.join(', ')}</span>`;
  }

  #confirmDialog(sessions: readonly SpeedDating[]) {
    const c = this.confirm;
    const sd = c ? sessions.find((s) => s.id === c.speedDatingId) : undefined;
    return html`<dialog class="confirm" aria-labelledby="dating-confirm-title" data-testid="dating-confirm-dialog" @close=${() => (this.confirm = null)}>
      ${c && sd
        ? html`<h2 id="dating-confirm-title">
              ${c.kind === 'stop'
                ? msg(str`„${sd.title}“ jetzt beenden?`, { id: 'speedDatingHost.stopTitle' })
                : msg(str`„${sd.title}“ löschen?`, { id: 'breakoutHost.deleteTitle' })}
            </h2>
            <p>
              ${c.kind === 'stop'
                ? msg('Alle Paare enden sofort. Danach können alle markieren, mit wem sie in Kontakt bleiben möchten.', { id: 'speedDatingHost.stopText' })
                : msg('Das Speed-Dating wird entfernt, mit allen Paarungen und Markierungen.', { id: 'speedDatingHost.deleteText' })}
            </p>
            <div class="buttons">
              <button class="btn" type="button" data-testid="dating-confirm-cancel" @click=${() => (this.confirm = null)}>${msg('Abbrechen', { id: 'common.cancel' })}</button>
              <button class="btn danger" type="button" data-testid="dating-confirm" @click=${() => this.#confirmed(c)}>
                ${c.kind === 'stop' ? msg('Beenden', { id: 'speedDatingHost.stop' }) : msg('Löschen', { id: 'breakoutHost.delete' })}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  #openDialog(sd: SpeedDating | null): void {
    this.error = '';
    this.editing = sd;
    this.dialogOpen = true;
  }

  #ask(kind: Confirm['kind'], speedDatingId: string): void {
    if (this.busy) return;
    this.error = '';
    this.confirm = { kind, speedDatingId };
  }

  async #start(sd: SpeedDating): Promise<void> {
    await this.#run(() => this.#live.session!.startSpeedDating(sd.id), msg('Gestartet: Runde 1 beginnt in wenigen Sekunden.', { id: 'speedDatingHost.started' }));
  }

  async #confirmed(c: Confirm): Promise<void> {
    this.confirm = null;
    const session = this.#live.session!;
    if (c.kind === 'stop') await this.#run(() => session.stopSpeedDating(c.speedDatingId), msg('Speed-Dating beendet.', { id: 'speedDatingHost.stoppedDone' }));
    else await this.#run(() => session.deleteSpeedDating(c.speedDatingId), msg('Speed-Dating gelöscht.', { id: 'speedDatingHost.deleted' }));
    await this.#focusHeading();
  }

  /**
   * After "Beenden" or "Löschen" the button that opened the dialog is gone (the session shows
   * "Löschen" instead, or is removed), so the dialog's focus return would fall to <body>: the
   * panel heading takes it, and the status or error line below says what happened.
   */
  async #focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  #run(request: () => Promise<Ack<unknown>>, confirmation: string): Promise<boolean> {
    return runRequest(this, request, confirmation);
  }

  #now(): number {
    return this.#live.session?.clock.serverNow() ?? Date.now();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-speed-dating-host-panel': SpeedDatingHostPanel;
  }
}
