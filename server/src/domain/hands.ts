/** The raised-hands queue: first come, first served; hosts lower one or all. */
import type { HandEntry } from '@mashup/shared';
import { UNCHANGED, type Unchanged } from './context.js';

export type Hands = HandEntry[];

export function raise(hands: Hands | null, participantId: string, now: number): Hands | Unchanged {
  const q = hands ?? [];
  // Raising twice keeps the original place in the queue.
  if (q.some((h) => h.participantId === participantId)) return UNCHANGED;
  return [...q, { participantId, raisedAt: now }];
}

export function lower(hands: Hands | null, participantId: string): Hands | Unchanged {
  const q = hands ?? [];
  if (!q.some((h) => h.participantId === participantId)) return UNCHANGED;
  return q.filter((h) => h.participantId !== participantId);
}

export function lowerAll(hands: Hands | null): Hands | Unchanged {
  return hands && hands.length > 0 ? [] : UNCHANGED;
}
