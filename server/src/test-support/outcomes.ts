/** How tests read an outcome: a domain refusal's code and details, or an ack's data. */
import type { Ack } from '@mashup/shared';
import { DomainError } from '../domain/errors.js';

/** The refusal `fn` throws; fails the test when it returns instead. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** The refusal code of `fn`, or null when it returns. */
export function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

/** The data of an `ok` ack; a refusal fails the test with its code and message. */
export function okData<T>(reply: Ack<T>): T {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}
