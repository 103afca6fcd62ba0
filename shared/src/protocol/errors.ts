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
  pkNone: 'pechakucha.none',
  pkRunning: 'pechakucha.running',
  pkNotRunning: 'pechakucha.not_running',
  pkTalkNotFound: 'pechakucha.talk_not_found',
  pkNoTalks: 'pechakucha.no_talks',
  pkReorder: 'pechakucha.reorder_invalid',
  pkFormatLocked: 'pechakucha.format_locked',
  uploadTooLarge: 'upload.too_large',
  uploadType: 'upload.unsupported_type',
  uploadCorrupt: 'upload.corrupt',
  uploadSlideCount: 'upload.slide_count',
  uploadMissing: 'upload.missing_file',
  videoNotFound: 'video.not_found',
  videoNone: 'video.none',
  roundNotFound: 'breakout.round_not_found',
  workshopNotFound: 'breakout.workshop_not_found',
  roundFull: 'breakout.full',
  roundLive: 'breakout.round_live',
  roundNotLive: 'breakout.not_live',
  roundAnotherLive: 'breakout.another_live',
  roundClosed: 'breakout.closed',
  roundNotPublished: 'breakout.not_published',
  roundWrongMode: 'breakout.wrong_mode',
  roundTooMany: 'breakout.too_many',
  roundNotInRoom: 'breakout.not_in_room',
  capacityTooSmall: 'breakout.capacity_below_seated',
  resultNotFound: 'results.not_found',
  resultConflict: 'results.conflict',
  resultTooMany: 'results.too_many',
  csvInvalid: 'csv.invalid',
  lobbyNotFound: 'lobby.not_found',
  lobbyTableNotFound: 'lobby.table_not_found',
  lobbyNotOpen: 'lobby.not_open',
  lobbyAnotherOpen: 'lobby.another_open',
  lobbyTableFull: 'lobby.table_full',
  lobbyTableLocked: 'lobby.table_locked',
  lobbyFull: 'lobby.full',
  lobbyCapacityTooSmall: 'lobby.capacity_below_seated',
  lobbyTooMany: 'lobby.too_many',
  speedDatingNotFound: 'speeddating.not_found',
  speedDatingStarted: 'speeddating.started',
  speedDatingNotStarted: 'speeddating.not_started',
  speedDatingAnotherRunning: 'speeddating.another_running',
  speedDatingRoundBegun: 'speeddating.round_begun',
  speedDatingNotPartner: 'speeddating.not_partner',
  speedDatingUnknownTopic: 'speeddating.unknown_topic',
  speedDatingTooMany: 'speeddating.too_many',
  mediaWrongRoom: 'media.wrong_room',
  mediaNotJoined: 'media.not_joined',
  mediaPeerNotFound: 'media.peer_not_found',
  mediaNotAllowed: 'media.not_allowed',
  mediaLimit: 'media.limit',
  mediaUnavailable: 'media.unavailable',
  mediaNotFound: 'media.not_found',
  notFound: 'http.not_found',
  unavailable: 'server.unavailable',
  internal: 'server.internal',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Values a client needs to word the message itself, e.g. `{actual: 18, expected: 20}` for upload.slide_count. */
  details?: Record<string, string | number>;
}

/** The one reply shape for every socket ack and every HTTP error body. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, details?: ErrorBody['details']): Ack<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/** HTTP status for an error code, so the HTTP edge and the socket edge agree. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'payload.invalid':
    case 'protocol.version_mismatch':
      return 400;
    case 'payload.too_large':
    case 'upload.too_large':
      return 413;
    case 'upload.unsupported_type':
      return 415;
    case 'upload.corrupt':
    case 'upload.slide_count':
    case 'upload.missing_file':
    case 'csv.invalid':
      return 422;
    case 'auth.missing':
    case 'auth.invalid':
      return 401;
    case 'auth.removed':
    case 'auth.forbidden':
      return 403;
    case 'event.not_found':
    case 'participant.not_found':
    case 'pechakucha.none':
    case 'pechakucha.talk_not_found':
    case 'video.not_found':
    case 'breakout.round_not_found':
    case 'breakout.workshop_not_found':
    case 'results.not_found':
    case 'lobby.not_found':
    case 'lobby.table_not_found':
    case 'speeddating.not_found':
    case 'media.not_found':
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
