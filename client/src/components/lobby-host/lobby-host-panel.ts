/**
 * <mashup-lobby-host-panel> — the hosts' lobbies in the host area ("Social
 * Eating" at lunch, the evening "Get-together"): a new lobby, the list of
 * lobbies (each a <mashup-lobby-host-item> with its controls and tables), the
 * set-up dialog, and the confirmations for what moves everyone — shuffling,
 * closing (everyone back to the plenary) and deleting. All requests go
 * through this panel: one busy state and one status/error line. Shown only
 * to hosts; the server checks again.
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, type Ack, type Lobby } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { LobbyCommands } from '../../services/lobby-commands.js';
import { anotherOpen } from '../../state/lobby.js';
import { dialogStyles } from '../../styles/dialog.js';
import { panelStyles, statusStyles } from '../../styles/panel.js';
import { baseStyles } from '../../styles/shared.js';
import { syncDialog } from '../dialog-sync.js';
import { runRequestFor, type Confirmation } from '../run-request.js';
import './lobby-dialog.js';
import './lobby-host-item.js';
import type { LobbyAction } from './lobby-host-item.js';

type Confirm = { kind: 'delete' | 'close' | 'shuffle'; lobbyId: string };

@customElement('mashup-lobby-host-panel')
@localized()
export class LobbyHostPanel extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    dialogStyles,
    statusStyles,
    css`
      .lobbies > li {
        padding: 0;
        border: 0;
      }
    `,
  ];

  @state() busy = false;
  @state() error = '';
  @state() done = '';
  @state() private dialogOpen = false;
  @state() private editing: Lobby | null = null;
  @state() private confirm: Confirm | null = null;
  @query('dialog.confirm') private confirmDialog?: HTMLDialogElement;
  @query('#lobby-host-title') private heading?: HTMLElement;
  readonly #live = new SessionController(this);

  protected override updated(): void {
    syncDialog(this.confirmDialog, this.confirm !== null);
  }

  override render() {
    const view = this.#live.view;
    if (!view) return nothing;
    const lobbies = view.lobbies;
    const full = lobbies.length >= LIMITS.lobbiesMax;
    return html`<section class="card" aria-labelledby="lobby-host-title" data-testid="lobby-host-panel">
      <h2 id="lobby-host-title" tabindex="-1">${icon('table')}${msg('Lobbys und Tische', { id: 'lobbyHost.panelTitle' })}</h2>
      <p class="hint">
        ${msg('Social Eating am Mittag, Get-together am Abend: Teilnehmende setzen sich an Tische mit eigenem Bild, Ton und Chat. Solange eine Lobby offen ist, sind alle dort statt im Plenum.', {
          id: 'lobbyHost.intro',
        })}
      </p>
      <div class="buttons">
        <button class="btn primary" type="button" data-testid="lobby-new" aria-disabled=${full ? 'true' : 'false'} @click=${() => !full && this.#openDialog(null)}>
          ${icon('plus')}${msg('Neue Lobby', { id: 'lobbyHost.newTitle' })}
        </button>
      </div>
      ${lobbies.length === 0
        ? html`<p class="muted">${msg('Noch keine Lobby vorbereitet.', { id: 'lobbyHost.none' })}</p>`
        : html`<ul class="lobbies" aria-label=${msg('Lobbys', { id: 'lobbyHost.list' })}>
            ${repeat(
              lobbies,
              (l) => l.id,
              (l) => html`<li>
                <mashup-lobby-host-item .lobby=${l} .anotherOpen=${anotherOpen(lobbies, l.id)} .busy=${this.busy} .run=${this.#run}
                  @lobby-action=${this.#onAction}></mashup-lobby-host-item>
              </li>`,
            )}
          </ul>`}
      <p class="ok-text" role="status" data-testid="lobby-host-status">${this.done}</p>
      ${this.error ? html`<p class="error" role="alert" data-testid="lobby-host-error">${icon('alert')}${this.error}</p>` : nothing}
      <mashup-lobby-dialog .open=${this.dialogOpen} .lobby=${this.editing} @lobby-dialog-close=${() => (this.dialogOpen = false)}></mashup-lobby-dialog>
      ${this.#confirmDialog(lobbies)}
    </section>`;
  }

  #confirmDialog(lobbies: readonly Lobby[]) {
    const c = this.confirm;
    const lobby = c ? lobbies.find((l) => l.id === c.lobbyId) : undefined;
    return html`<dialog class="confirm" aria-labelledby="lobby-confirm-title" data-testid="lobby-confirm-dialog" @close=${() => (this.confirm = null)}>
      ${c && lobby
        ? html`<h2 id="lobby-confirm-title">${this.#confirmTitle(c.kind, lobby.title)}</h2>
            <p>${this.#confirmText(c.kind)}</p>
            <div class="buttons">
              <button class="btn" type="button" data-testid="lobby-confirm-cancel" @click=${() => (this.confirm = null)}>${msg('Abbrechen', { id: 'common.cancel' })}</button>
              <button class="btn ${c.kind === 'shuffle' ? 'primary' : 'danger'}" type="button" data-testid="lobby-confirm" @click=${() => this.#confirmed(c)}>
                ${this.#confirmButton(c.kind)}
              </button>
            </div>`
        : nothing}
    </dialog>`;
  }

  #confirmTitle(kind: Confirm['kind'], title: string): string {
    switch (kind) {
      case 'delete':
        return msg(str`„${title}“ löschen?`, { id: 'breakoutHost.deleteTitle' });
      case 'close':
        return msg(str`„${title}“ schließen?`, { id: 'breakoutHost.closeTitle' });
      case 'shuffle':
        return msg(str`Alle in „${title}“ neu mischen?`, { id: 'lobbyHost.shuffleTitle' });
    }
  }

  #confirmText(kind: Confirm['kind']): string {
    switch (kind) {
      case 'delete':
        return msg('Die Lobby mit allen Tischen wird entfernt. Ist sie offen, sind alle sofort zurück im Plenum.', { id: 'lobbyHost.deleteText' });
      case 'close':
        return msg('Alle Tische werden geräumt und alle sind sofort zurück im Plenum.', { id: 'lobbyHost.closeText' });
      case 'shuffle':
        return msg('Alle, die gerade in der Lobby sind, werden zufällig und gleichmäßig auf die Tische verteilt. Gesperrte Tische bleiben, wie sie sind.', {
          id: 'lobbyHost.shuffleText',
        });
    }
  }

  #confirmButton(kind: Confirm['kind']): string {
    switch (kind) {
      case 'delete':
        return msg('Löschen', { id: 'breakoutHost.delete' });
      case 'close':
        return msg('Schließen', { id: 'breakoutHost.close' });
      case 'shuffle':
        return msg('Neu mischen', { id: 'lobbyHost.shuffleConfirm' });
    }
  }

  #onAction = (e: CustomEvent<LobbyAction>): void => {
    const a = e.detail;
    if (a.kind === 'edit') {
      this.#openDialog(this.#live.view?.lobbies.find((l) => l.id === a.lobbyId) ?? null);
      return;
    }
    this.error = '';
    this.confirm = { kind: a.kind, lobbyId: a.lobbyId };
  };

  #openDialog(lobby: Lobby | null): void {
    this.error = '';
    this.editing = lobby;
    this.dialogOpen = true;
  }

  async #confirmed(c: Confirm): Promise<void> {
    this.confirm = null;
    const commands = new LobbyCommands(this.#live.session!.transport);
    switch (c.kind) {
      case 'delete':
        await this.#run(() => commands.remove(c.lobbyId), msg('Lobby gelöscht.', { id: 'lobbyHost.deleted' }));
        await this.#focusHeading();
        return;
      case 'close':
        await this.#run(() => commands.close(c.lobbyId), msg('Die Lobby ist geschlossen: alle sind zurück im Plenum.', { id: 'lobbyHost.closed' }));
        await this.#focusHeading();
        return;
      case 'shuffle':
        await this.#run(
          () => commands.shuffle(c.lobbyId),
          (d) => msg(str`${d.placed} an Tische gesetzt, ${d.unplaced} ohne Platz`, { id: 'lobbyHost.shuffled' }),
        );
    }
  }

  /**
   * After deleting (the lobby's entry is gone) or closing (its "Schließen" button is gone) the
   * dialog's focus return would fall to <body>: the panel heading takes it, and the status or
   * error line below says what happened.
   */
  async #focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  /** Runs a request through the panels' shared status handling (run-request.ts); the confirmation may use the reply. */
  #run = <T>(request: () => Promise<Ack<T>>, confirmation: Confirmation<T> = ''): Promise<boolean> => runRequestFor(this, request, confirmation);
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-lobby-host-panel': LobbyHostPanel;
  }
}
