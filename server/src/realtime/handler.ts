/**
 * The one error funnel for socket requests (STYLE 5):
 * size → validate → authenticate → authorize → rate-limit → run → ack.
 * An eager handler (EagerHandler) runs while authenticate → rate-limit are
 * still reading, its one write guarded by them (PROTOCOL, the funnel).
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
import { GuardError, guardError, guardRefusal } from '../store/guard.js';
import type { EventStore, WriteGuard } from '../store/types.js';
import { familyOf, type RateLimits } from './rate-limits.js';
import type { MashupSocket } from './types.js';

export interface HandlerContext {
  socket: MashupSocket;
  eventId: string;
  /** Read fresh from the store for this command: roles and removals apply at once (rule A2). */
  actor: ParticipantRecord;
}

export type Handler<E extends ClientEventName> = (ctx: HandlerContext, payload: ParsedPayloadOf<E>) => Promise<ReplyOf<E>>;

/** What an eager handler knows: who sends, as a guard for its writes, not yet as a record. */
export interface EagerContext {
  socket: MashupSocket;
  eventId: string;
  guard: WriteGuard;
}

/**
 * A handler that starts before the funnel's checks have answered: every write
 * it makes carries `ctx.guard`, so the store checks who sends (and their budget)
 * in the same atomic step as the write, and the command's write can be its only
 * round trip. Worth it where people wait for a command's effect (opening a
 * round: bench:breakouts). It must not write without the guard, and its reads
 * must not tell a refused sender anything: a refusal by the checks wins over
 * whatever it answers, unless its guarded write went through.
 */
export type EagerHandler<E extends ClientEventName> = ((ctx: EagerContext, payload: ParsedPayloadOf<E>) => Promise<ReplyOf<E>>) & { eager: true };

export function eager<E extends ClientEventName>(run: (ctx: EagerContext, payload: ParsedPayloadOf<E>) => Promise<ReplyOf<E>>): EagerHandler<E> {
  return Object.assign(run, { eager: true as const });
}

const isEager = <E extends ClientEventName>(h: Handler<E> | EagerHandler<E>): h is EagerHandler<E> => 'eager' in h && h.eager === true;

export type HandlerTable = { [E in ClientEventName]: Handler<E> | EagerHandler<E> };

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

/** The funnel's verdict on who sends, from its two reads: a refusal, or null to go on. */
function refusalOf(name: ClientEventName, actor: ParticipantRecord | null, retryMs: number | null): GuardError | null {
  const refusal = guardRefusal(actor, clientEvents[name].access === 'host') ?? (retryMs !== null ? 'limited' : null);
  return refusal ? guardError(refusal, { command: name, ...(retryMs !== null ? { retryMs } : {}) }) : null;
}

export async function runRequest<E extends ClientEventName>(
  name: E,
  handler: Handler<E> | EagerHandler<E>,
  socket: MashupSocket,
  payload: unknown,
  deps: FunnelDeps,
): Promise<Ack<ReplyOf<E>>> {
  const def = clientEvents[name];
  try {
    const maxBytes = 'maxBytes' in def && def.maxBytes !== undefined ? def.maxBytes : LIMITS.payloadMaxBytes;
    if (payloadSize(payload) > maxBytes) {
      return fail(ERROR_CODES.payloadTooLarge, `Payloads are limited to ${maxBytes} bytes.`);
    }
    const parsed = def.schema.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return fail(ERROR_CODES.payloadInvalid, `${where}${issue?.message ?? 'invalid payload'}`);
    }
    const { eventId, participantId } = socket.data;
    const data = parsed.data as ParsedPayloadOf<E>;
    const family = familyOf(name);
    const budgetKey = `${eventId}:${participantId}`;
    // Independent store round trips, taken together: every command pays them (bench:breakouts).
    // A refused command still spends budget, which only matters to someone who keeps sending refused ones.
    const counter = isEager(handler) ? deps.limits.counter(family, budgetKey) : null;
    // Issued in this order, before any write an eager handler queues behind them on the same connection.
    const checks = Promise.all([deps.store.getParticipant(eventId, participantId), deps.limits.consume(family, budgetKey)]);
    if (isEager(handler)) {
      const guard: WriteGuard = { participantId, hostOnly: def.access === 'host' };
      if (counter) {
        // The handler runs alongside the checks; its guarded write decides (see EagerHandler).
        const [checked, ran] = await Promise.allSettled([checks, handler({ socket, eventId, guard: { ...guard, counter } }, data)]);
        if (ran.status === 'fulfilled') {
          // Written: the guard let it through, whatever became of the checks' own reads.
          if (checked.status === 'rejected') deps.log.error({ err: checked.reason, event: name, eventId }, 'funnel checks failed after the write');
          return ok(ran.value);
        }
        if (checked.status === 'rejected') throw checked.reason;
        const refusal = refusalOf(name, ...checked.value);
        if (refusal) {
          if (!(ran.reason instanceof DomainError)) deps.log.error({ err: ran.reason, event: name, eventId }, 'eager handler failed');
          throw refusal;
        }
        // The budget allowed this command, but someone's later command had already counted when the
        // write looked (a handler that read first): it is not refused for that one.
        if (ran.reason instanceof GuardError && ran.reason.refusal === 'limited') return ok(await handler({ socket, eventId, guard }, data));
        throw ran.reason;
      }
      const refusal = refusalOf(name, ...(await checks));
      if (refusal) throw refusal;
      return ok(await handler({ socket, eventId, guard }, data));
    }
    const [actor, retryMs] = await checks;
    const refusal = refusalOf(name, actor, retryMs);
    if (refusal) throw refusal;
    return ok(await handler({ socket, eventId, actor: actor! }, data));
  } catch (err) {
    if (err instanceof DomainError) {
      if (err instanceof GuardError && err.refusal === 'removed') deps.onRemoved(socket);
      return fail(err.code, err.message, err.details);
    }
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
      const reply = await runRequest(name, handlers[name] as Handler<typeof name> | EagerHandler<typeof name>, socket, args[0], deps);
      ack?.(reply);
    }) as never);
  }
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && event in clientEvents) return;
    const ack = args.at(-1);
    if (typeof ack === 'function') ack(fail(ERROR_CODES.unknownEvent, `Unknown event ${String(event).slice(0, 64)}.`));
  });
}
