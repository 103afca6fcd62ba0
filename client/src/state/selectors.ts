/** Derived views of the plenary state, shared by components so they agree on counts and order. */
import type { HandEntry, ParticipantView, Role } from '@mashup/shared';
import type { EventView } from './plenary-state.js';

export function connectedCount(view: EventView): number {
  return view.participants.reduce((n, p) => n + (p.connected ? 1 : 0), 0);
}

export function selfParticipant(view: EventView): ParticipantView | undefined {
  return view.participants.find((p) => p.id === view.self.participantId);
}

export function selfRole(view: EventView): Role {
  return selfParticipant(view)?.role ?? view.self.role;
}

/** Host-only commands (access 'host' in the catalog) are for role host; the server checks again. */
export function isHost(view: EventView): boolean {
  return selfRole(view) === 'host';
}

export function handQueue(view: EventView): HandEntry[] {
  return [...view.hands].sort((a, b) => a.raisedAt - b.raisedAt);
}

export function hasRaisedHand(view: EventView, participantId = view.self.participantId): boolean {
  return view.hands.some((h) => h.participantId === participantId);
}

export interface PersonRow {
  participant: ParticipantView;
  /** 1-based place in the hand queue, or null. */
  handPosition: number | null;
  isSelf: boolean;
}

/**
 * People in display order: raised hands first in queue order, then connected
 * people before disconnected ones, then by name (locale-aware).
 */
export function peopleRows(view: EventView, locale: string): PersonRow[] {
  const queue = handQueue(view);
  const position = new Map(queue.map((h, i) => [h.participantId, i + 1]));
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return view.participants
    .map((participant) => ({
      participant,
      handPosition: position.get(participant.id) ?? null,
      isSelf: participant.id === view.self.participantId,
    }))
    .sort((a, b) => {
      if (a.handPosition !== null || b.handPosition !== null) {
        return (a.handPosition ?? Infinity) - (b.handPosition ?? Infinity);
      }
      if (a.participant.connected !== b.participant.connected) return a.participant.connected ? -1 : 1;
      return collator.compare(a.participant.name, b.participant.name);
    });
}
