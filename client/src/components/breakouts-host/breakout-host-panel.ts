/**
 * <mashup-breakout-host-panel> — the hosts' workshop rounds in the host area:
 * the open help requests (read out by <mashup-help-banner> in the frame,
 * which hosts see wherever they are), a text sent to every room, the list of
 * rounds (each a <mashup-round-host-item> with its controls, room overview and
 * board), the set-up dialog and the confirmations for deleting and closing.
 * All requests go through this panel, so there is one busy state and one
 * status/error line. Shown only to hosts; the server checks again.
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, isRoundLive, type Ack, type Round } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController, TickController } from '../../context.js';
import { icon } from '../../icons.js';
import { helpKeys } from '../../state/round-host.js';
import { fieldsetStyles, panelStyles } from '../../styles/panel.js';
import { baseStyles } from '../../styles/shared.js';
import { dialogStyles } from '../../styles/dialog.js';
import { syncDialog } from '../dialog-sync.js';
import { runRequestFor } from '../run-request.js';
import type { Confirmation, RoundAction } from './host-run.js';
import { hostStyles } from './host-styles.js';
import { clockTime } from './time-text.js';
import './round-dialog.js';
import './round-host-item.js';

@customElement('mashup-breakout-host-panel')
@localized()
export class BreakoutHostPanel extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    fieldsetStyles,
    dialogStyles,
    hostStyles,
    css`
      .rounds {
        gap: var(--mu-space-3);
      }
      .rounds > li {
        padding: 0;
        border: 0;
      }
      .help-notice {
        padding: var(--mu-space-3);
        border-radius: var(--mu-radius);
      }
      .help-notice ul {
        margin-top: var(--mu-space-1);
      }
      .help-notice li {
        border: 0;
        padding: 0;
      }
      .send {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: var(--mu-space-2);
        align-items: end;
      }
    `,
  ];

  @state() busy = false;
  @state() error = '';
  @state() done = '';
  @state() private dialogOpen = false;
  @state() private editing: Round | null = null;
  @state() private confirm: { kind: 'delete' | 'close'; roundId: string } | null = null;
  @state() private broadcast = '';
  @query('dialog.confirm') private confirmDialog?: HTMLDialogElement;
  readonly #live = new SessionController(this);
  /** Remaining time and "vor 2 Min." need a look every second while a round is live. */
  readonly #tick = new TickController(this, 1_000, () => {
    const view = this.#live.view;
    return view !== null && view.rounds.some((r) => isRoundLive(r, this.#now()));
  });
  protected override updated(): void {
    syncDialog(this.confirmDialog, this.confirm !== null);
  }

  override render() {
    const view = this.#live.view;
    if (!view) return nothing;
    const now = this.#now();
    const names = new Map(view.participants.map((p) => [p.id, p.name]));
    const open = [...helpKeys(view.rounds, now).values()];
    return html`<section class="card" aria-labelledby="breakout-host-title" data-testid="breakout-host-panel">
      <h2 id="breakout-host-title">${icon('people')}${msg('Workshoprunden', { id: 'breakoutHost.title' })}</h2>
      <div class="help-notice ${open.length ? 'help' : 'visually-hidden'}" data-testid="help-notice" data-count=${open.length}>
        ${open.length
          ? html`<p>${msg('Hilfe gerufen in:', { id: 'breakoutHost.helpOpen' })}</p>
              <ul>
                ${open.map(({ round, help }) => {
                  const ws = round.workshops.find((w) => w.id === help.workshopId);
                  return html`<li>${ws?.title ?? help.workshopId} (${names.get(help.by) ?? '?'}, ${clockTime(help.at)})</li>`;
                })}
              </ul>`
          : nothing}
      </div>
      ${this.#broadcastForm()}
      <div class="buttons">
        <button class="btn primary" type="button" data-testid="round-new" aria-disabled=${view.rounds.length >= LIMITS.roundsMax ? 'true' : 'false'}
          @click=${() => view.rounds.length < LIMITS.roundsMax && this.#openDialog(null)}>
          ${icon('plus')}${msg('Neue Workshoprunde', { id: 'breakoutHost.newTitle' })}
        </button>
      </div>
      ${view.rounds.length === 0
        ? html`<p class="muted">${msg('Noch keine Workshoprunde vorbereitet.', { id: 'breakoutHost.none' })}</p>`
        : html`<ul class="rounds" aria-label=${msg('Workshoprunden', { id: 'breakoutHost.title' })}>
            ${repeat(
              view.rounds,
              (r) => r.id,
              (r) => html`<li>
                <mashup-round-host-item .round=${r} .now=${now} .busy=${this.busy} .run=${this.#run} @round-action=${this.#onAction}></mashup-round-host-item>
              </li>`,
            )}
          </ul>`}
      <p class="ok-text" role="status" data-testid="round-host-status">${this.done}</p>
      ${this.error ? html`<p class="error" role="alert" data-testid="round-host-error">${icon('alert')}${this.error}</p>` : nothing}
      <mashup-round-dialog .open=${this.dialogOpen} .round=${this.editing} @round-dialog-close=${() => (this.dialogOpen = false)}></mashup-round-dialog>
      ${this.#confirmDialog(view.rounds)}
    </section>`;
  }

  #broadcastForm() {
    return html`<form class="send" @submit=${this.#send}>
      <div class="field">
        <label for="broadcast">${msg('An alle Räume senden', { id: 'breakoutHost.broadcast' })}</label>
        <input id="broadcast" maxlength=${LIMITS.announcementMax} data-testid="broadcast-input" aria-describedby="broadcast-hint"
          .value=${this.broadcast} @input=${(e: InputEvent) => (this.broadcast = (e.target as HTMLInputElement).value)} />
      </div>
      <button class="btn" type="submit" data-testid="broadcast-send" aria-disabled=${this.busy || this.broadcast.trim() === '' ? 'true' : 'false'}>
        ${icon('send')}${msg('Senden', { id: 'breakoutHost.broadcastSend' })}
      </button>
      <p class="hint" id="broadcast-hint">${msg('Erscheint als Durchsage im Plenum und in jedem Workshopraum.', { id: 'breakoutHost.broadcastHint' })}</p>
    </form>`;
  }

  #confirmDialog(rounds: readonly Round[]) {
    const c = this.confirm;
    const round = c ? rounds.find((r) => r.id === c.roundId) : undefined;
    return html`<dialog class="confirm" aria-labelledby="round-confirm-title" data-testid="round-confirm-dialog" @close=${() => (this.confirm = null)}>
      ${c && round
        ? html`<h2 id="round-confirm-title">
              ${c.kind === 'delete'
                ? msg(str`„${round.title}“ löschen?`, { id: 'breakoutHost.deleteTitle' })
                : msg(str`„${round.title}“ schließen?`, { id: 'breakoutHost.closeTitle' })}
            </h2>
            <p>
              ${c.kind === 'delete'
                ? msg('Die Runde mit allen Workshops und Zuteilungen wird entfernt.', { id: 'breakoutHost.deleteText' })
                : msg('In allen Räumen läuft dann eine Warnung von 60 Sekunden, danach sind alle zurück im Plenum.', { id: 'breakoutHost.closeText' })}
            </p>
            <div class="buttons">
              <button class="btn" type="button" data-testid="round-confirm-cancel" @click=${() => (this.confirm = null)}>${msg('Abbrechen', { id: 'common.cancel' })}</button>
              <button class="btn danger" type="button" data-testid="round-confirm" @click=${() => this.#confirmed(c.kind, round.id)}>
                ${c.kind === 'delete' ? msg('Löschen', { id: 'breakoutHost.delete' }) : msg('Schließen', { id: 'breakoutHost.close' })}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  #onAction = (e: CustomEvent<RoundAction>): void => {
    const a = e.detail;
    if (a.kind === 'edit') {
      this.#openDialog(this.#live.view?.rounds.find((r) => r.id === a.roundId) ?? null);
      return;
    }
    this.error = '';
    this.confirm = { kind: a.kind, roundId: a.roundId };
  };

  #openDialog(round: Round | null): void {
    this.error = '';
    this.editing = round;
    this.dialogOpen = true;
  }

  async #confirmed(kind: 'delete' | 'close', roundId: string): Promise<void> {
    this.confirm = null;
    const session = this.#live.session!;
    if (kind === 'delete') await this.#run(() => session.deleteRound(roundId), msg('Runde gelöscht.', { id: 'breakoutHost.deleted' }));
    else await this.#run(() => session.closeRound(roundId), msg('Die Runde schließt in 60 Sekunden.', { id: 'breakoutHost.closing' }));
  }

  #send = async (e: Event): Promise<void> => {
    e.preventDefault();
    const text = this.broadcast.trim();
    if (!text || this.busy) return;
    const ok = await this.#run(() => this.#live.session!.postAnnouncement(text), msg('An alle Räume gesendet.', { id: 'breakoutHost.broadcastDone' }));
    if (ok) this.broadcast = '';
  };

  /** Runs a request through the panels' shared status handling (run-request.ts); the confirmation may use the reply. */
  #run = <T>(request: () => Promise<Ack<T>>, confirmation: Confirmation<T> = ''): Promise<boolean> => runRequestFor(this, request, confirmation);

  #now(): number {
    return this.#live.session?.clock.serverNow() ?? Date.now();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-breakout-host-panel': BreakoutHostPanel;
  }
}
