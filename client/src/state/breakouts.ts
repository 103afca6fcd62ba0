/**
 * The participant's side of workshop rounds as data: what to offer in the
 * plenary (choose list or "Sie werden zugeteilt"), one's own place in a
 * workshop, when the round countdown speaks, results in display order and
 * the results wall's groups. Pure functions over the EventView and a server
 * time; where someone *is* always comes from shared's `roomOf` (rule B1).
 */
import {
  PLENARY_ROOM,
  ROUND_ALERTS_MS,
  closesAt,
  roundPhase,
  workshopOf,
  type ResultItem,
  type ResultSection,
  type ResultsBoard,
  type Round,
  type Workshop,
} from '@mashup/shared';
import type { EventView } from './plenary-state.js';
import { isHost } from './selectors.js';

/** One's own place in a workshop of a round. */
export type SeatStatus =
  | { kind: 'moderator' }
  | { kind: 'seated' }
  /** 1-based place on the waitlist. */
  | { kind: 'waitlist'; position: number }
  | { kind: 'none' };

export function seatStatus(round: Round, workshop: Workshop, participantId: string): SeatStatus {
  if (workshop.moderatorId === participantId) return { kind: 'moderator' };
  const seats = round.seats[workshop.id];
  if (seats?.seated.includes(participantId)) return { kind: 'seated' };
  const i = seats?.waitlist.indexOf(participantId) ?? -1;
  return i >= 0 ? { kind: 'waitlist', position: i + 1 } : { kind: 'none' };
}

export function freeSeats(round: Round, workshop: Workshop): number {
  return Math.max(0, workshop.capacity - (round.seats[workshop.id]?.seated.length ?? 0));
}

/**
 * The round a person in the plenary is offered: a published round that has
 * not opened (choose, or wait for the assignment), or a live choose round in
 * which this person has no room yet (a late joiner can still pick one: the
 * server allows choosing until the closing warning, rule B3).
 */
export function offeredRound(view: EventView, now: number): Round | null {
  const self = view.self.participantId;
  for (const round of view.rounds) {
    const phase = roundPhase(round, now);
    if (phase === 'published') return round;
    if (phase === 'open' && round.mode === 'choose' && workshopOf(round, self) === null) return round;
  }
  return null;
}

/** The room's round and workshop for a room id (null for the plenary or an unknown id). */
export function roomWorkshop(view: EventView, roomId: string, now: number): { round: Round; workshop: Workshop } | null {
  if (roomId === PLENARY_ROOM) return null;
  for (const round of view.rounds) {
    const phase = roundPhase(round, now);
    if (phase !== 'open' && phase !== 'closing') continue;
    const workshop = round.workshops.find((w) => w.id === roomId);
    if (workshop) return { round, workshop };
  }
  return null;
}

/** Hosts and the room's moderator edit the room and pin results (the server checks again). */
export function canModerate(view: EventView, workshop: Workshop): boolean {
  return isHost(view) || workshop.moderatorId === view.self.participantId;
}

/**
 * Who edits, removes and pins entries on the plenary's results wall: hosts
 * and that workshop's moderator, once the round is over (they may write
 * after the round, rule B6). While it runs, the room's own board is the
 * place to write, so the wall stays a read-only overview then.
 */
export function canEditOnWall(view: EventView, round: Round, workshop: Workshop, now: number): boolean {
  return roundPhase(round, now) === 'closed' && canModerate(view, workshop);
}

/**
 * The round alert crossed between two readings of the remaining time (5 or 1
 * minute, ROUND_ALERTS_MS), or null. Crossings only, like countdown-cues: a
 * person arriving with 3 minutes left sees the digits, nobody shouts at them.
 * When one jump crosses both (a host shortened the round) the nearer one wins.
 */
export function roundAlertCrossed(before: number, now: number): number | null {
  let crossed: number | null = null;
  for (const t of ROUND_ALERTS_MS) if (before > t && now <= t && now > 0) crossed = crossed === null ? t : Math.min(crossed, t);
  return crossed;
}

/** The alert level the display is at (colour): the smallest threshold reached, or null. */
export function roundAlertLevel(remaining: number): number | null {
  let level: number | null = null;
  for (const t of ROUND_ALERTS_MS) if (remaining <= t) level = level === null ? t : Math.min(level, t);
  return level;
}

/** Seconds left in the closing warning (for "In 45 Sekunden geht es zurück ins Plenum"). */
export function closingSecondsLeft(round: Round, now: number): number {
  const end = closesAt(round);
  return end === null ? 0 : Math.max(0, Math.ceil((end - now) / 1000));
}

export function boardOf(view: EventView, roundId: string, workshopId: string): ResultsBoard | null {
  return view.results.find((b) => b.roundId === roundId && b.workshopId === workshopId) ?? null;
}

/** A section's items: pinned first, then in the order they were written. */
export function sectionItems(board: ResultsBoard | null, section: ResultSection): ResultItem[] {
  return sortItems((board?.items ?? []).filter((i) => i.section === section));
}

export function sortItems(items: readonly ResultItem[]): ResultItem[] {
  return [...items].sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.at - b.at || a.id.localeCompare(b.id));
}

export interface WallGroup {
  round: Round;
  live: boolean;
  cards: { workshop: Workshop; board: ResultsBoard | null }[];
}

/** The results wall: rounds that have taken place or are live, newest first, one card per workshop. */
export function wallGroups(view: EventView, now: number): WallGroup[] {
  return view.rounds
    .filter((r) => r.openedAt !== null)
    .map((round) => {
      const phase = roundPhase(round, now);
      return {
        round,
        live: phase === 'open' || phase === 'closing',
        cards: round.workshops.map((workshop) => ({ workshop, board: boardOf(view, round.id, workshop.id) })),
      };
    })
    .sort((a, b) => b.round.createdAt - a.round.createdAt || b.round.id.localeCompare(a.round.id));
}

/** Display name of a participant id (empty when that person is gone). */
export function nameOf(view: EventView, participantId: string | null): string {
  if (participantId === null) return '';
  return view.participants.find((p) => p.id === participantId)?.name ?? '';
}
