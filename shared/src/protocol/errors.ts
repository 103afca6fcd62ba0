/**
 * Stable error codes, namespaced like the events they belong to (`feature.reason`).
 * Clients switch on these, never on messages; messages are for logs and developers.
 */
export const ERROR_CODES = {
  payloadInvalid: 'payload.invalid',
  payloadTooLarge: 'payload.too_large',
  unknownEvent: 'protocol.unknown_event',
  versionMismatch: 'protocol.version_mismatch',
  authMissing: 'auth.missing',
  authInvalid: 'auth.invalid',
  authRemoved: 'auth.removed',
  forbidden: 'auth.forbidden',
  rateLimited: 'rate.limited',
  eventNotFound: 'event.not_found',
  participantNotFound: 'participant.not_found',
  participantSelf: 'participant.self',
  lastHost: 'participant.last_host',
  countdownNone: 'countdown.none',
  countdownNotRunning: 'countdown.not_running',
  countdownNotPaused: 'countdown.not_paused',
  notFound: 'http.not_found',
  unavailable: 'server.unavailable',
  internal: 'server.internal',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** The one reply shape for every socket ack and every HTTP error body. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Ack<never> => ({
  ok: false,
  error: { code, message },
});

/** HTTP status for an error code, so the HTTP edge and the socket edge agree. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'payload.invalid':
    case 'protocol.version_mismatch':
      return 400;
    case 'payload.too_large':
      return 413;
    case 'auth.missing':
    case 'auth.invalid':
      return 401;
    case 'auth.removed':
    case 'auth.forbidden':
      return 403;
    case 'event.not_found':
    case 'participant.not_found':
    case 'http.not_found':
    case 'protocol.unknown_event':
      return 404;
    case 'rate.limited':
      return 429;
    case 'server.unavailable':
      return 503;
    case 'server.internal':
      return 500;
    default:
      return 409;
  }
}
