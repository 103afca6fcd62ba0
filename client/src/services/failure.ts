/** Building failed Acks on the client side (timeouts, network errors, malformed replies). */
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@mashup/shared';

const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODES));

/** A code from the wire, or `server.internal` when this client does not know it. */
export function toErrorCode(code: unknown): ErrorCode {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ErrorCode) : ERROR_CODES.internal;
}

export function failure(code: ErrorCode, message: string, details?: ErrorBody['details']): { ok: false; error: ErrorBody } {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/**
 * The `details` of an error from the wire (e.g. the other version's text on
 * results.conflict, the waitlist length on breakout.full): only string and
 * number values pass, anything else is dropped; undefined when none are left.
 */
export function toDetails(details: unknown): ErrorBody['details'] {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined;
  const kept = Object.entries(details).filter(([, v]) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
  return kept.length ? (Object.fromEntries(kept) as Record<string, string | number>) : undefined;
}
