import type { ErrorBody, ErrorCode } from '@mashup/shared';

/**
 * An expected refusal: the rules say no. The realtime funnel and the HTTP error
 * handler turn it into `{ok:false,error:{code,message}}`; anything that is not a
 * DomainError is a bug and is answered as `server.internal`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Values a client needs to word the refusal itself, e.g. `{actual: 18, expected: 20}`. */
    readonly details?: ErrorBody['details'],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = (code: ErrorCode, message: string, details?: ErrorBody['details']): never => {
  throw new DomainError(code, message, details);
};
