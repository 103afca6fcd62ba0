import { byCreation, roomOf, type Snapshot } from '@mashup/shared';
import { eventInfo, participantView, type EventRecord, type ParticipantRecord } from '../domain/records.js';
import { publicRound } from '../domain/breakouts/round.js';
import type { EventStore } from '../store/types.js';

/** The full picture for one participant: event-wide state plus the chat of the room they are in. */
export async function buildSnapshot(
  store: EventStore,
  event: EventRecord,
  self: ParticipantRecord,
  now: number,
): Promise<Snapshot> {
  const state = await store.loadState(event.id);
  const rounds = [...state.items.rounds].sort(byCreation);
  // The chat is read after the state: a message racing with this read is delivered after the
  // snapshot and applied by its room sequence (rule O2).
  const lobbies = [...state.items.lobbies].sort(byCreation);
  const speedDatings = [...state.items.speedDatings].sort(byCreation);
  const chat = await store.chatHistory(event.id, roomOf(self.id, rounds, now, lobbies, speedDatings));
  const me = state.participants.find((p) => p.id === self.id) ?? self;
  return {
    seq: state.seq,
    serverNow: now,
    event: eventInfo(event),
    self: { participantId: me.id, role: me.role },
    participants: state.participants.filter((p) => !p.removed).map(participantView),
    hands: state.docs.hands ?? [],
    announcement: state.docs.announcement,
    countdown: state.docs.countdown,
    chat,
    pechakucha: state.docs.pechakucha,
    videos: state.docs.videos ?? [],
    video: state.docs.video,
    rounds: rounds.map(publicRound),
    results: state.items.results,
    spotlight: state.docs.spotlight,
    floor: state.docs.floor ?? [],
    lobbies,
    speedDatings,
  };
}
