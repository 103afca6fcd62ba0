/**
 * How a host panel runs one request: one at a time, the error shown inline in
 * plain words, or a short confirmation. Shared by the host menu, the Pecha
 * Kucha panel and the video panel, whose status lines behave the same.
 */
import type { Ack } from '@mashup/shared';
import { errorMessage } from '../i18n/error-messages.js';

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
