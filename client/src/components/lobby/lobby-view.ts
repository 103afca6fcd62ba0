/**
 * <mashup-lobby-view> — the main view while a lobby is open and one is in it
 * (rule L2): the floor (<mashup-lobby-floor>) or, seated, one's table
 * (<mashup-table-room>). It stays the same element while a person moves
 * between the floor and the tables, so the chosen layout (cards or list) and
 * the outcome of the last request ("Sie sitzen jetzt an …") survive the move.
 * All sit, leave and "Überraschen Sie mich" requests go through here: one busy
 * state, one status line, refusals in plain words (error-messages.ts).
 *
 * Properties: `lobby` (the open Lobby), `table` (the Table one sits at; null on the floor).
 * Session from context.
 */
import { localized, msg, str } from '@lit/localize';
import type { Ack, Lobby, Table } from '@mashup/shared';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SessionController } from '../../context.js';
import { LobbyCommands } from '../../services/lobby-commands.js';
import { runRequestFor } from '../run-request.js';
import './lobby-floor.js';
import type { FloorLayout } from './lobby-floor.js';
import type { SitDetail } from './table-card.js';
import './table-room.js';

/** Narrow screens start with the list: one line per table reads faster there than a column of cards. */
const NARROW = '(max-width: 520px)';

@customElement('mashup-lobby-view')
@localized()
export class LobbyView extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property({ attribute: false }) lobby: Lobby | null = null;
  @property({ attribute: false }) table: Table | null = null;
  @state() private layout: FloorLayout = typeof matchMedia === 'function' && matchMedia(NARROW).matches ? 'list' : 'cards';
  @state() busy = false;
  @state() error = '';
  @state() done = '';
  /**
   * Where the outcome shown belongs: the table (id) or the floor (null) the request led to or was
   * made at. A host's shuffle or close moves people without their asking; "Sie sitzen jetzt an
   * Tisch 2" must not stay beside Tisch 5 then, so an outcome shows only where it belongs.
   */
  #outcomeAt: string | null = null;
  readonly #live = new SessionController(this);

  override render() {
    const lobby = this.lobby;
    if (!lobby) return nothing;
    const here = (this.table?.id ?? null) === this.#outcomeAt;
    const done = here ? this.done : '';
    const error = here ? this.error : '';
    return this.table
      ? html`<mashup-table-room
          .lobby=${lobby}
          .table=${this.table}
          .busy=${this.busy}
          .done=${done}
          .error=${error}
          @lobby-sit=${this.#sit}
          @lobby-leave=${this.#leave}
          @lobby-surprise=${this.#surprise}
        ></mashup-table-room>`
      : html`<mashup-lobby-floor
          .lobby=${lobby}
          .layout=${this.layout}
          .busy=${this.busy}
          .done=${done}
          .error=${error}
          @lobby-sit=${this.#sit}
          @lobby-surprise=${this.#surprise}
          @lobby-layout=${(e: CustomEvent<{ layout: FloorLayout }>) => (this.layout = e.detail.layout)}
        ></mashup-lobby-floor>`;
  }

  #sit = (e: CustomEvent<SitDetail>): void => {
    e.stopPropagation();
    const lobby = this.lobby;
    const name = lobby?.tables.find((t) => t.id === e.detail.tableId)?.name ?? '';
    if (!lobby) return;
    void this.#run(
      (c) => c.sit(lobby.id, e.detail.tableId),
      () => this.#outcome(e.detail.tableId, msg(str`Sie sitzen jetzt an „${name}“.`, { id: 'lobby.seated' })),
    );
  };

  #leave = (e: Event): void => {
    e.stopPropagation();
    const lobby = this.lobby;
    if (lobby) void this.#run((c) => c.leave(lobby.id), () => this.#outcome(null, msg('Sie sind zurück in der Lobby.', { id: 'lobby.left' })));
  };

  #surprise = (e: Event): void => {
    e.stopPropagation();
    const lobby = this.lobby;
    if (!lobby) return;
    void this.#run(
      (c) => c.surprise(lobby.id),
      (data) => {
        const name = this.lobby?.tables.find((t) => t.id === data.tableId)?.name ?? '';
        return this.#outcome(data.tableId, msg(str`Überraschung: Sie sitzen jetzt an „${name}“.`, { id: 'lobby.surprised' }));
      },
    );
  };

  #run<T>(request: (commands: LobbyCommands) => Promise<Ack<T>>, confirmation: (data: T) => string): Promise<boolean> {
    const session = this.#live.session;
    if (!session) return Promise.resolve(false);
    // A refusal belongs where it was made (it stays there: a refused sit keeps one's seat, rule L3).
    this.#outcomeAt = this.table?.id ?? null;
    return runRequestFor(this, () => request(new LobbyCommands(session.transport)), confirmation);
  }

  /** The confirmation of a move, shown at its destination. */
  #outcome(where: string | null, text: string): string {
    this.#outcomeAt = where;
    return text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mashup-lobby-view': LobbyView;
  }
}
