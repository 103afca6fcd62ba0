/**
 * <mashup-lobby-dialog> — a host creates a lobby or changes one, also while
 * it is open (a table more when lunch gets crowded): title, kind ("Social
 * Eating", "Get-together", other) and the tables — name, optional topic and
 * seats — with add, remove, move up and down. Saving sends `lobby:save` with
 * the ids of existing tables, so whoever sits there stays seated; a removed
 * table's people return to the floor. A modal <dialog>: focus stays inside,
 * Escape cancels.
 *
 * Properties: `open`, `lobby` (null: a new lobby).
 * Events: `lobby-dialog-close` (after saving or cancelling).
 */
import { localized, msg, str } from '@lit/localize';
import { LIMITS, LOBBY_KINDS, type Lobby, type LobbyKind } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController } from '../../context.js';
import { icon } from '../../icons.js';
import { LobbyCommands } from '../../services/lobby-commands.js';
import {
  checkLobbyDraft,
  draftFromLobby,
  emptyTable,
  minTableCapacity,
  tableProblem,
  type LobbyDraft,
  type LobbyDraftProblem,
  type TableDraft,
} from '../../state/lobby-draft.js';
import { dialogFormStyles, dialogStyles } from '../../styles/dialog.js';
import { baseStyles } from '../../styles/shared.js';
import { DraftDialog } from '../draft-dialog.js';
import { EditableRows } from '../editable-rows.js';
import { kindLabel } from '../lobby/lobby-words.js';

@customElement('mashup-lobby-dialog')
@localized()
export class LobbyDialog extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    dialogFormStyles,
    css`
      dialog {
        width: min(720px, calc(100vw - 16px));
        max-width: calc(100vw - 16px);
      }
      .two,
      .table-fields {
        display: grid;
        gap: var(--mu-space-3);
      }
      .two {
        grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      }
      .table-fields {
        grid-template-columns: minmax(140px, 2fr) minmax(160px, 3fr) minmax(90px, 1fr);
      }
      @media (max-width: 560px) {
        .table-fields {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ type: Boolean }) open = false;
  @property({ attribute: false }) lobby: Lobby | null = null;
  /** Said by the live region after a move or removal. */
  @state() private said = '';
  readonly #live = new SessionController(this);
  readonly #dialog = new DraftDialog(this, {
    fresh: (): LobbyDraft => draftFromLobby(this.lobby, () => this.#newKey(), { title: msg('Social Eating', { id: 'lobby.kind.socialEating' }), tableName }),
    // Against the lobby as it is now: a lock set while the form was open is kept (checkLobbyDraft).
    check: (draft: LobbyDraft) => checkLobbyDraft(draft, this.#live.view?.lobbies.find((l) => l.id === draft.lobbyId) ?? null),
    problemsMessage: (problems) =>
      problems.includes('noTables')
        ? msg('Fügen Sie mindestens einen Tisch hinzu.', { id: 'lobbyHost.noTables' })
        : msg('Bitte prüfen Sie die markierten Felder.', { id: 'breakoutHost.checkFields' }),
    send: (input) => new LobbyCommands(this.#live.session!.transport).save(input),
    closeEvent: 'lobby-dialog-close',
    onOpen: () => (this.said = ''),
  });
  #keys = 0;
  readonly #rows = new EditableRows<TableDraft>(this, {
    testId: 'lobby-table-row',
    titleTestId: 'lobby-table-name-input',
    max: LIMITS.tablesMax,
    rows: () => this.#dialog.draft?.tables,
    setRows: (tables) => this.#dialog.set({ tables }),
    create: () => emptyTable(this.#newKey(), tableName((this.#dialog.draft?.tables.length ?? 0) + 1)),
    fallbackName: (n) => tableName(n),
    removed: (name) => msg(str`${name} entfernt.`, { id: 'breakoutHost.removed' }),
    moved: (name, place) => msg(str`${name} ist jetzt auf Platz ${place}.`, { id: 'breakoutHost.moved' }),
    say: (text) => (this.said = text),
  });

  override render() {
    return this.#dialog.render({ labelledBy: 'lobby-dialog-title', testId: 'lobby-dialog' }, (d) => this.#form(d));
  }

  #form(d: LobbyDraft) {
    const has = (p: LobbyDraftProblem) => this.#dialog.has(p);
    return html`<form novalidate @submit=${this.#dialog.save}>
      <h2 id="lobby-dialog-title">
        ${d.lobbyId ? msg('Lobby bearbeiten', { id: 'lobbyHost.editTitle' }) : msg('Neue Lobby', { id: 'lobbyHost.newTitle' })}
      </h2>
      <div class="two">
        <div class="field">
          <label for="lobby-title">${msg('Titel', { id: 'lobbyHost.title' })}</label>
          <input id="lobby-title" maxlength=${LIMITS.titleMax} data-testid="lobby-title-input" required
            aria-invalid=${has('title') ? 'true' : 'false'} aria-describedby="lobby-title-error"
            .value=${d.title} @input=${(e: InputEvent) => this.#dialog.set({ title: value(e) })} />
          ${has('title') ? html`<p class="field-error" id="lobby-title-error">${msg('Bitte geben Sie einen Titel ein.', { id: 'breakoutHost.titleMissing' })}</p>` : nothing}
        </div>
        <div class="field">
          <label for="lobby-kind">${msg('Art', { id: 'lobbyHost.kind' })}</label>
          <select id="lobby-kind" data-testid="lobby-kind" @change=${(e: Event) => this.#dialog.set({ kind: value(e) as LobbyKind })}>
            ${LOBBY_KINDS.map((k) => html`<option value=${k} ?selected=${d.kind === k}>${kindLabel(k)}</option>`)}
          </select>
        </div>
      </div>
      <fieldset>
        <legend>${msg('Tische', { id: 'lobbyHost.tables' })}</legend>
        <p class="hint">${msg('Wer an einem Tisch sitzt, bleibt dort, wenn Sie ihn umbenennen. Wer an einem entfernten Tisch saß, kommt zurück in die Lobby.', { id: 'lobbyHost.tablesHint' })}</p>
        <ol>
          ${repeat(d.tables, (t) => t.key, (t, i) => this.#table(t, i, d.tables.length))}
        </ol>
        ${has('noTables') ? html`<p class="field-error">${msg('Fügen Sie mindestens einen Tisch hinzu.', { id: 'lobbyHost.noTables' })}</p>` : nothing}
        <div>
          <button class="btn" type="button" data-testid="lobby-table-row-add" aria-disabled=${d.tables.length >= LIMITS.tablesMax ? 'true' : 'false'} @click=${this.#rows.add}>
            ${icon('plus')}${msg('Tisch hinzufügen', { id: 'lobbyHost.addTable' })}
          </button>
        </div>
        <p class="visually-hidden" aria-live="polite">${this.said}</p>
      </fieldset>
      ${this.#dialog.footer({ error: 'lobby-dialog-error', cancel: 'lobby-cancel', save: 'lobby-save' }, msg('Speichern', { id: 'breakoutHost.save' }))}
    </form>`;
  }

  #table(t: TableDraft, i: number, count: number) {
    const name = t.title.trim() || tableName(i + 1);
    const id = `t-${t.key}`;
    const nameMissing = tableProblem(this.#dialog.problems, t.key, 'name');
    const capacityWrong = tableProblem(this.#dialog.problems, t.key, 'capacity');
    return html`<li data-testid="lobby-table-row" data-index=${i} data-key=${t.key}>
      <div class="row-head">
        <h3>${name}${t.seated > 0 ? html` <span class="badge">${msg(str`${t.seated} am Tisch`, { id: 'lobbyHost.seatedNow' })}</span>` : nothing}</h3>
        ${this.#rows.buttons(t, i, count, {
          up: msg('Nach oben', { id: 'breakoutHost.up' }),
          down: msg('Nach unten', { id: 'breakoutHost.down' }),
          remove: msg('Entfernen', { id: 'breakoutHost.remove' }),
          upFor: msg(str`${name} nach oben`, { id: 'breakoutHost.upFor' }),
          downFor: msg(str`${name} nach unten`, { id: 'breakoutHost.downFor' }),
          removeFor: msg(str`${name} entfernen`, { id: 'breakoutHost.removeFor' }),
        })}
      </div>
      <div class="table-fields">
        <div class="field">
          <label for="${id}-name">${msg('Name', { id: 'lobbyHost.tableName' })}</label>
          <input id="${id}-name" maxlength=${LIMITS.tableNameMax} data-testid="lobby-table-name-input" required
            aria-invalid=${nameMissing ? 'true' : 'false'} aria-describedby="${id}-name-error"
            .value=${t.title} @input=${(e: InputEvent) => this.#setTable(t.key, { title: value(e) })} />
          ${nameMissing ? html`<p class="field-error" id="${id}-name-error">${msg('Bitte geben Sie einen Namen ein.', { id: 'lobbyHost.nameMissing' })}</p>` : nothing}
        </div>
        <div class="field">
          <label for="${id}-topic">${msg('Thema (optional)', { id: 'lobbyHost.topic' })}</label>
          <input id="${id}-topic" maxlength=${LIMITS.tableTopicMax} data-testid="lobby-table-topic-input"
            .value=${t.topic} @input=${(e: InputEvent) => this.#setTable(t.key, { topic: value(e) })} />
        </div>
        <div class="field">
          <label for="${id}-cap">${msg('Plätze', { id: 'breakoutHost.capacity' })}</label>
          <input id="${id}-cap" type="number" inputmode="numeric" min=${minTableCapacity(t)} max=${LIMITS.tableSeatsMax} step="1"
            data-testid="lobby-table-capacity-input" aria-invalid=${capacityWrong ? 'true' : 'false'} aria-describedby="${id}-cap-error"
            .value=${t.capacity} @input=${(e: InputEvent) => this.#setTable(t.key, { capacity: value(e) })} />
          ${capacityWrong
            ? html`<p class="field-error" id="${id}-cap-error">
                ${msg(str`Bitte ${minTableCapacity(t)} bis ${LIMITS.tableSeatsMax} Plätze.`, { id: 'lobbyHost.capacityInvalid' })}
              </p>`
            : nothing}
        </div>
      </div>
    </li>`;
  }

  #newKey(): string {
    this.#keys += 1;
    return `new-${this.#keys}`;
  }

  #setTable(key: string, patch: Partial<TableDraft>): void {
    if (!this.#dialog.draft) return;
    this.#dialog.set({ tables: this.#dialog.draft.tables.map((t) => (t.key === key ? { ...t, ...patch } : t)) });
  }
}

/** The name a new table row gets ("Tisch 5"): hosts mostly keep or shorten it. */
function tableName(n: number): string {
  return msg(str`Tisch ${n}`, { id: 'lobbyHost.tableN' });
}

function value(e: Event): string {
  return (e.target as HTMLInputElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-lobby-dialog': LobbyDialog;
  }
}
