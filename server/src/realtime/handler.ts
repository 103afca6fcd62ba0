/**
 * The one error funnel for socket requests (STYLE 5):
 * size → validate → authenticate → authorize → rate-limit → run → ack.
 * Expected refusals are DomainErrors with codes; anything else is logged and
 * answered as `server.internal`, and the socket keeps serving.
 */
import type { FastifyBaseLogger } from 'fastify';
import {
  clientEvents,
  ERROR_CODES,
  fail,
  LIMITS,
  ok,
  type Ack,
  type ClientEventName,
  type ParsedPayloadOf,
  type ReplyOf,
} from '@mashup/shared';
import { DomainError } from '../domain/errors.js';
import type { ParticipantRecord } from '../domain/records.js';
import type { EventStore } from '../store/types.js';
import { familyOf, type RateLimits } from './rate-limits.js';
import type { MashupSocket } from './types.js';

export interface HandlerContext {
  socket: MashupSocket;
  eventId: string;
  /** Read fresh from the store for this command: roles and removals apply at once (rule A2). */
  actor: ParticipantRecord;
}

export type Handler<E extends ClientEventName> = (
  ctx: HandlerContext,
  payload: ParsedPayloadOf<E>,
) => Promise<ReplyOf<E>>;

export type HandlerTable = { [E in ClientEventName]: Handler<E> };

export interface FunnelDeps {
  store: EventStore;
  limits: RateLimits;
  log: FastifyBaseLogger;
  /** Called when a removed participant still sends: end that socket. */
  onRemoved(socket: MashupSocket): void;
}

function payloadSize(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    return Infinity; // circular or otherwise unserializable: treat as too large
  }
}

export async function runRequest<E extends ClientEventName>(
  name: E,
  handler: Handler<E>,
  socket: MashupSocket,
  payload: unknown,
  deps: FunnelDeps,
): Promise<Ack<ReplyOf<E>>> {
  const def = clientEvents[name];
  try {
    if (payloadSize(payload) > LIMITS.payloadMaxBytes) {
      return fail(ERROR_CODES.payloadTooLarge, `Payloads are limited to ${LIMITS.payloadMaxBytes} bytes.`);
    }
    const parsed = def.schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return fail(ERROR_CODES.payloadInvalid, `${where}${issue?.message ?? 'invalid payload'}`);
    }
    const { eventId, participantId } = socket.data;
    // Two independent store round trips, taken together: every command pays them (bench:breakouts).
    // A refused command still spends budget, which only matters to someone who keeps sending refused ones.
    const [actor, retryMs] = await Promise.all([
      deps.store.getParticipant(eventId, participantId),
      deps.limits.consume(familyOf(name), `${eventId}:${participantId}`),
    ]);
    if (!actor || actor.removed) {
      deps.onRemoved(socket);
      return fail(ERROR_CODES.authRemoved, 'You are no longer part of this event.');
    }
    if (def.access === 'host' && actor.role !== 'host') {
      return fail(ERROR_CODES.forbidden, `${name} is for hosts only.`);
    }
    if (retryMs !== null) {
      return fail(ERROR_CODES.rateLimited, `Too many requests; try again in ${Math.ceil(retryMs / 1000)} s.`);
    }
    const data = await handler({ socket, eventId, actor }, parsed.data as ParsedPayloadOf<E>);
    return ok(data);
  } catch (err) {
    if (err instanceof DomainError) return fail(err.code, err.message, err.details);
    deps.log.error({ err, event: name, eventId: socket.data.eventId }, 'socket handler failed');
    return fail(ERROR_CODES.internal, 'Something went wrong on the server.');
  }
}

/** Binds every catalog event on a socket, plus a catch-all for unknown events. */
export function bindHandlers(socket: MashupSocket, handlers: HandlerTable, deps: FunnelDeps): void {
  for (const name of Object.keys(clientEvents) as ClientEventName[]) {
    // Socket.IO passes the ack as the last argument; a client that sends none gets no reply
    // but the request is still validated and handled, so fire-and-forget cannot bypass the rules.
    socket.on(name as never, (async (...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as (r: unknown) => void) : undefined;
      const reply = await runRequest(name, handlers[name] as Handler<typeof name>, socket, args[0], deps);
      ack?.(reply);
    }) as never);
  }
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && event in clientEvents) return;
    const ack = args.at(-1);
    if (typeof ack === 'function') ack(fail(ERROR_CODES.unknownEvent, `Unknown event ${String(event).slice(0, 64)}.`));
  });
}
