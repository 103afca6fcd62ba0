/** An in-memory RealtimeTransport: tests push server events and answer requests by hand. */
import type { Ack, ClientEventName, PayloadOf, ReplyOf, ServerToClientEvents } from '@mashup/shared';
import type { Disposer } from '../services/clock.js';
import type { ConnectionEvent, RealtimeTransport } from '../services/socket-client.js';

export interface SentRequest {
  name: ClientEventName;
  payload: unknown;
  reply(ack: Ack<unknown>): void;
}

export class FakeTransport implements RealtimeTransport {
  connected = false;
  connectCalls = 0;
  disconnectCalls = 0;
  readonly requests: SentRequest[] = [];
  /** Answers requests immediately when set; otherwise they wait for reply(). */
  autoReply: ((name: ClientEventName, payload: unknown) => Ack<unknown> | undefined) | null = null;
  readonly #handlers = new Map<string, Set<(arg: never) => void>>();
  readonly #connection = new Set<(e: ConnectionEvent) => void>();

  request<E extends ClientEventName>(name: E, payload: PayloadOf<E>): Promise<Ack<ReplyOf<E>>> {
    return new Promise((resolve) => {
      const auto = this.autoReply?.(name, payload);
      if (auto) {
        resolve(auto as Ack<ReplyOf<E>>);
        return;
      }
      const entry: SentRequest = {
        name,
        payload,
        reply: (ack) => {
          this.requests.splice(this.requests.indexOf(entry), 1);
          resolve(ack as Ack<ReplyOf<E>>);
        },
      };
      this.requests.push(entry);
    });
  }

  on<K extends keyof ServerToClientEvents>(event: K, handler: ServerToClientEvents[K]): Disposer {
    const set = this.#handlers.get(event) ?? new Set();
    set.add(handler as (arg: never) => void);
    this.#handlers.set(event, set);
    return () => set.delete(handler as (arg: never) => void);
  }

  onConnection(handler: (event: ConnectionEvent) => void): Disposer {
    this.#connection.add(handler);
    return () => this.#connection.delete(handler);
  }

  connect(): void {
    this.connectCalls++;
  }

  disconnect(): void {
    this.disconnectCalls++;
    this.connected = false;
  }

  /** Simulates a server push. */
  push<K extends keyof ServerToClientEvents>(event: K, ...args: Parameters<ServerToClientEvents[K]>): void {
    for (const h of this.#handlers.get(event) ?? []) (h as (...a: unknown[]) => void)(...args);
  }

  emitConnection(event: ConnectionEvent): void {
    this.connected = event.type === 'connected';
    for (const h of this.#connection) h(event);
  }

  /** Requests of one name that are still waiting for a reply (replied ones leave the list). */
  pending(name: ClientEventName): SentRequest[] {
    return this.requests.filter((r) => r.name === name);
  }
}
