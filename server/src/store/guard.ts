/**
 * The checks of a guarded write (types.ts WriteGuard), in one place: the memory
 * store runs them in TypeScript, the Redis store in the same script as its
 * compare-and-set (redis.ts ITEM_CAS_SCRIPT), and both refuse with these errors.
 */
import { ERROR_CODES } from '@mashup/shared';
import type { ParticipantRecord } from '../domain/records.js';
import { DomainError } from '../domain/errors.js';

export type GuardRefusal = 'removed' | 'forbidden' | 'limited';

/** Who may not write: unknown or removed people, and anyone but a host where one is required (rule A2). */
export function guardRefusal(actor: ParticipantRecord | null, hostOnly: boolean): GuardRefusal | null {
  if (!actor || actor.removed) return 'removed';
  if (hostOnly && actor.role !== 'host') return 'forbidden';
  return null;
}

/** A refusal of the sender itself (not of someone a command is about): the funnel ends a removed sender's session. */
export class GuardError extends DomainError {
  constructor(
    readonly refusal: GuardRefusal,
    message: string,
  ) {
    super(refusal === 'removed' ? ERROR_CODES.authRemoved : refusal === 'forbidden' ? ERROR_CODES.forbidden : ERROR_CODES.rateLimited, message);
  }
}

export function guardError(refusal: GuardRefusal, opts: { retryMs?: number; command?: string } = {}): GuardError {
  switch (refusal) {
    case 'removed':
      return new GuardError(refusal, 'You are no longer part of this event.');
    case 'forbidden':
      return new GuardError(refusal, `${opts.command ?? 'This'} is for hosts only.`);
    case 'limited':
      return new GuardError(
        refusal,
        opts.retryMs === undefined ? 'Too many requests; try again shortly.' : `Too many requests; try again in ${Math.ceil(opts.retryMs / 1000)} s.`,
      );
  }
}
