/**
 * The realtime transport: a thin, typed wrapper around one socket.io connection.
 * `request()` always resolves to the protocol's Ack envelope, also on timeouts
 * and malformed replies, so callers have exactly one error path.
 */
import { io, type Socket } from 'socket.io-client';
import {
  ERROR_CODES,
  PROTOCOL_VERSION,
  type Ack,
  type ClientEventName,
  type ClientToServerEvents,
  type HandshakeAuth,
  type PayloadOf,
  type ReplyOf,
  type ServerToClientEvents,
} from '@mashup/shared';
import type { Disposer } from './clock.js';
import { failure, toDetails, toErrorCode } from './failure.js';

export type MashupSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionEvent =
  | { type: 'connected' }
  /** willReconnect: socket.io retries by itself (false after a server-side or own disconnect). */
  | { type: 'disconnected'; reason: string; willReconnect: boolean }
  /** code: the error code the server's handshake check sent (err.message), e.g. `auth.removed`. */
  | { type: 'connectError'; code: string; willReconnect: boolean };

/** What the event session needs from a connection; tests supply a fake. */
export interface RealtimeTransport {
  readonly connected: boolean;
  request<E extends ClientEventName>(name: E, payload: PayloadOf<E>): Promise<Ack<ReplyOf<E>>>;
  on<K extends keyof ServerToClientEvents>(event: K, handler: ServerToClientEvents[K]): Disposer;
  onConnection(handler: (event: ConnectionEvent) => void): Disposer;
  connect(): void;
  disconnect(): void;
}

/** A request without an answer in this time resolves as `server.unavailable`. */
export const REQUEST_TIMEOUT_MS = 10_000;

function isAck(value: unknown): value is Ack<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  return value.ok === false && 'error' in value && typeof value.error === 'object' && value.error !== null;
}

/**
 * socket.io's typed `timeout().emitWithAck` cannot be called with a generic
 * event name (its overloads need a literal), so requests go through this one
 * untyped view; the catalog types are restored at `request()`'s signature.
 */
interface UntypedEmitter {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

export class SocketClient implements RealtimeTransport {
  readonly #socket: MashupSocket;
  readonly #timeoutMs: number;

  constructor(socket: MashupSocket, timeoutMs = REQUEST_TIMEOUT_MS) {
    this.#socket = socket;
    this.#timeoutMs = timeoutMs;
  }

  /** A client for the page's own origin (default socket.io path), not yet connected. */
  static forToken(token: string): SocketClient {
    const auth: HandshakeAuth = { token, protocolVersion: PROTOCOL_VERSION };
    // forceNew: each session owns its connection; socket.io would otherwise share a
    // Manager between sockets of the same URL (e.g. a left session and the rejoin).
    return new SocketClient(io({ auth, autoConnect: false, forceNew: true }));
  }

  get connected(): boolean {
    return this.#socket.connected;
  }

  async request<E extends ClientEventName>(name: E, payload: PayloadOf<E>): Promise<Ack<ReplyOf<E>>> {
    try {
      const emitter = this.#socket as unknown as UntypedEmitter;
      const reply = await emitter.timeout(this.#timeoutMs).emitWithAck(name, payload);
      if (!isAck(reply)) return failure(ERROR_CODES.internal, `malformed reply to ${name}`);
      // Details carry what a message needs (e.g. the other version on results.conflict): keep them.
      if (!reply.ok) return failure(toErrorCode(reply.error.code), reply.error.message, toDetails(reply.error.details));
      return reply as Ack<ReplyOf<E>>;
    } catch {
      // socket.io rejects only on timeout (including while disconnected).
      return failure(ERROR_CODES.unavailable, `no reply to ${name} within ${this.#timeoutMs} ms`);
    }
  }

  on<K extends keyof ServerToClientEvents>(event: K, handler: ServerToClientEvents[K]): Disposer {
    // Same generic-overload limit as above; the handler type is checked at this signature.
    const socket = this.#socket as unknown as {
      on(e: string, h: (...args: unknown[]) => void): void;
      off(e: string, h: (...args: unknown[]) => void): void;
    };
    const h = handler as (...args: unknown[]) => void;
    socket.on(event, h);
    return () => socket.off(event, h);
  }

  onConnection(handler: (event: ConnectionEvent) => void): Disposer {
    const socket = this.#socket;
    const onConnect = () => handler({ type: 'connected' });
    const onDisconnect = (reason: string) =>
      handler({ type: 'disconnected', reason, willReconnect: socket.active });
    const onError = (err: Error) =>
      handler({ type: 'connectError', code: err.message, willReconnect: socket.active });
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onError);
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onError);
    };
  }

  connect(): void {
    this.#socket.connect();
  }

  disconnect(): void {
    this.#socket.disconnect();
  }
}
