import type { ChatMessage } from '@mashup/shared';
import type { DomainContext } from './context.js';
import type { ParticipantRecord } from './records.js';

/** A message before the store gives it its place (`seq`) in the room's history. */
export type ChatDraft = Omit<ChatMessage, 'seq'>;

/** `roomId`: where the author is now (computed from the rounds, rule B1). */
export function draftMessage(author: ParticipantRecord, roomId: string, text: string, ctx: DomainContext): ChatDraft {
  // Text stays text: clients render it with textContent, so no escaping here (rule S3).
  return {
    id: ctx.newId(),
    roomId,
    participantId: author.id,
    name: author.name,
    org: author.org,
    text,
    at: ctx.now,
  };
}
