import type { Snapshot } from '@mashup/shared';
import { eventInfo, participantView, type EventRecord, type ParticipantRecord } from '../domain/records.js';
import type { EventStore } from '../store/types.js';

/** The full picture for one participant: event-wide state plus their room's chat. */
export async function buildSnapshot(
  store: EventStore,
  event: EventRecord,
  self: ParticipantRecord,
  now: number,
): Promise<Snapshot> {
  const [state, chat] = await Promise.all([store.loadState(event.id), store.chatHistory(event.id, self.roomId)]);
  const me = state.participants.find((p) => p.id === self.id) ?? self;
  return {
    seq: state.seq,
    serverNow: now,
    event: eventInfo(event),
    self: { participantId: me.id, role: me.role, roomId: me.roomId },
    participants: state.participants.filter((p) => !p.removed).map(participantView),
    hands: state.docs.hands ?? [],
    announcement: state.docs.announcement,
    countdown: state.docs.countdown,
    chat,
    pechakucha: state.docs.pechakucha,
    videos: state.docs.videos ?? [],
    video: state.docs.video,
  };
}
