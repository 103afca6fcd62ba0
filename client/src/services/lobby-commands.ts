/**
 * The lobby requests (`lobby:*`, PROTOCOL section 12) over a session's
 * connection. Hosts prepare, open, close, lock and shuffle; anyone sits down,
 * gets up or lets "Überraschen Sie mich" choose. Every answer is the protocol's Ack,
 * so the views show refusals through the one error funnel (errorMessage).
 * Where a person is afterwards follows from the `lobby` patch and `roomOf`
 * (rule L2), not from these replies.
 */
import type { Ack, LobbyInput } from '@mashup/shared';
import type { RealtimeTransport } from './socket-client.js';

type Empty = Record<string, never>;

export class LobbyCommands {
  readonly #transport: Pick<RealtimeTransport, 'request'>;

  constructor(transport: Pick<RealtimeTransport, 'request'>) {
    this.#transport = transport;
  }

  /** Creates a lobby (no `lobbyId`) or replaces its title, kind and tables; tables passed with their id keep who sits there. */
  save(input: LobbyInput): Promise<Ack<{ lobbyId: string }>> {
    return this.#transport.request('lobby:save', input);
  }

  remove(lobbyId: string): Promise<Ack<Empty>> {
    return this.#transport.request('lobby:delete', { lobbyId });
  }

  open(lobbyId: string): Promise<Ack<Empty>> {
    return this.#transport.request('lobby:open', { lobbyId });
  }

  /** Everyone back to the plenary; the tables are emptied. */
  close(lobbyId: string): Promise<Ack<Empty>> {
    return this.#transport.request('lobby:close', { lobbyId });
  }

  lock(lobbyId: string, tableId: string, locked: boolean): Promise<Ack<Empty>> {
    return this.#transport.request('lobby:lock', { lobbyId, tableId, locked });
  }

  shuffle(lobbyId: string): Promise<Ack<{ placed: number; unplaced: number }>> {
    return this.#transport.request('lobby:shuffle', { lobbyId });
  }

  /** Sits down, or switches: the old seat is given up in the same step (rule L3). */
  sit(lobbyId: string, tableId: string): Promise<Ack<Empty>> {
    return this.#transport.request('lobby:sit', { lobbyId, tableId });
  }

  /** Gets up, back to the lobby's floor. */
  leave(lobbyId: string): Promise<Ack<Empty>> {
    return this.#transport.request('lobby:leave', { lobbyId });
  }

  /** "Überraschen Sie mich" (rule L6): resolves the table it chose. */
  surprise(lobbyId: string): Promise<Ack<{ tableId: string }>> {
    return this.#transport.request('lobby:surprise', { lobbyId });
  }
}
