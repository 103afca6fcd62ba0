/** Building failed Acks on the client side (timeouts, network errors, malformed replies). */
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '@mashup/shared';

const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODES));

/** A code from the wire, or `server.internal` when this client does not know it. */
export function toErrorCode(code: unknown): ErrorCode {
  return typeof code === 'string' && KNOWN_CODES.has(code) ? (code as ErrorCode) : ERROR_CODES.internal;
}

export function failure(code: ErrorCode, message: string): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}
