/** The HTTP half of the one error funnel: every failure leaves as `{ok:false,error:{code,message}}`. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ERROR_CODES, fail, httpStatusFor, type ErrorCode } from '@mashup/shared';
import type { z } from 'zod';
import { DomainError } from '../domain/errors.js';

export function parseOrRefuse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw new DomainError(ERROR_CODES.payloadInvalid, `${where}${issue?.message ?? 'invalid input'}`);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    let code: ErrorCode;
    let message: string;
    let details: DomainError['details'];
    if (err instanceof DomainError) {
      code = err.code;
      message = err.message;
      details = err.details;
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      code = ERROR_CODES.payloadTooLarge;
      message = 'The request body is too large.';
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own 4xx (malformed JSON, wrong content type): the client's fault, say so.
      code = ERROR_CODES.payloadInvalid;
      message = err.message;
    } else {
      req.log.error({ err }, 'request failed');
      code = ERROR_CODES.internal;
      message = 'Something went wrong on the server.';
    }
    void reply.status(httpStatusFor(code)).send(fail(code, message, details));
  });
}
