import type { ErrorCode } from '@mashup/shared';

/**
 * An expected refusal: the rules say no. The realtime funnel and the HTTP error
 * handler turn it into `{ok:false,error:{code,message}}`; anything that is not a
 * DomainError is a bug and is answered as `server.internal`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = (code: ErrorCode, message: string): never => {
  throw new DomainError(code, message);
};
