/**
 * How a host panel runs one request: one at a time, the error shown inline in
 * plain words, or a short confirmation. Shared by the host menu, the Pecha
 * Kucha panel and the video panel, whose status lines behave the same.
 */
import type { Ack } from '@mashup/shared';
import { errorMessage } from '../i18n/error-messages.js';

/** The confirmation to show after success: fixed, or made from the reply (e.g. "23 zugeteilt, 2 ohne Platz"). */
export type Confirmation<T> = string | ((data: T) => string);

/** The reactive status fields a panel renders (`@state()` on the element, so assigning re-renders). */
export interface RequestStatus {
  busy: boolean;
  error: string;
  done: string;
}

export async function runRequest(
  panel: RequestStatus,
  request: () => Promise<Ack<unknown>>,
  confirmation = '',
): Promise<boolean> {
  if (panel.busy) return false;
  panel.busy = true;
  panel.error = '';
  panel.done = '';
  const reply = await request();
  panel.busy = false;
  if (!reply.ok) panel.error = errorMessage(reply.error);
  else panel.done = confirmation;
  return reply.ok;
}

/** runRequest with a confirmation that may be made from the reply's data. */
export async function runRequestFor<T>(panel: RequestStatus, request: () => Promise<Ack<T>>, confirmation: Confirmation<T> = ''): Promise<boolean> {
  let data: T | undefined;
  const ok = await runRequest(
    panel,
    async () => {
      const reply = await request();
      if (reply.ok) data = reply.data;
      return reply;
    },
    typeof confirmation === 'string' ? confirmation : '',
  );
  if (ok && typeof confirmation === 'function') panel.done = confirmation(data as T);
  return ok;
}
