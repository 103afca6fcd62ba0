/**
 * Where everyone is, computed from the rounds and the server time (rule B1).
 * Server and clients run the same functions, so a client switches rooms at the
 * same moment the server starts routing its chat there, and a late joiner or
 * a reconnect lands in the right room without anyone telling it.
 */
import { PLENARY_ROOM } from './protocol/model.js';
import type { Round, Workshop } from './protocol/breakouts.js';
import type { Lobby } from './protocol/lobbies.js';
import { lobbyRoomOf } from './lobby-rooms.js';
import type { SpeedDating } from './protocol/speed-dating.js';
import { speedDatingRoomOf } from './speed-dating-schedule.js';

/** The warning before everyone returns to the plenary ("In 60 Sekunden geht es zurück ins Plenum"). */
export const ROUND_CLOSING_MS = 60_000;
/** The round countdown alerts (5 and 1 minute left). */
export const ROUND_ALERTS_MS = [5 * 60_000, 60_000] as const;

export type RoundPhase = 'draft' | 'published' | 'open' | 'closing' | 'closed';

/** When the closing warning starts: a host's close, or the end of the round's time, whichever comes first. */
export function closingStartsAt(round: Round): number | null {
  if (round.openedAt === null || round.endsAt === null) return null;
  return round.closingAt === null ? round.endsAt : Math.min(round.closingAt, round.endsAt);
}

/** When everyone is back in the plenary. */
export function closesAt(round: Round): number | null {
  const start = closingStartsAt(round);
  return start === null ? null : start + ROUND_CLOSING_MS;
}

export function roundPhase(round: Round, now: number): RoundPhase {
  if (round.openedAt === null) return round.publishedAt === null ? 'draft' : 'published';
  const closing = closingStartsAt(round)!;
  if (now >= closing + ROUND_CLOSING_MS) return 'closed';
  return now >= closing ? 'closing' : 'open';
}

/** True while people are in the round's rooms (open or in the closing warning). */
export function isRoundLive(round: Round, now: number): boolean {
  const phase = roundPhase(round, now);
  return phase === 'open' || phase === 'closing';
}

/** The round whose rooms people are in now, if any (at most one: rule B2). */
export function liveRound(rounds: readonly Round[], now: number): Round | null {
  return rounds.find((r) => isRoundLive(r, now)) ?? null;
}

/** Time left in the round (0 once its time is up). */
export function roundRemainingMs(round: Round, now: number): number {
  return round.endsAt === null ? round.durationMs : Math.max(0, round.endsAt - now);
}

/** The workshop a participant belongs to in this round: moderator, seated, or (for hosts) visiting. */
export function workshopOf(round: Round, participantId: string): Workshop | null {
  const visit = round.visits[participantId];
  if (visit !== undefined) return round.workshops.find((w) => w.id === visit) ?? null;
  return (
    round.workshops.find(
      (w) => w.moderatorId === participantId || (round.seats[w.id]?.seated.includes(participantId) ?? false),
    ) ?? null
  );
}

/**
 * The room id of a participant at server time `now`: a workshop id while a
 * round is live and they belong to one of its rooms; else, while a
 * speed-dating session runs, their pair or the session's floor (rule S2);
 * else, while a lobby is open, their table or the lobby's floor (rule L2);
 * else the plenary. The order makes a round, a session and a lobby at the
 * same time still put everyone in exactly one room; speed dating comes before
 * the lobby because it runs during a get-together, whose tables wait.
 */
export function roomOf(
  participantId: string,
  rounds: readonly Round[],
  now: number,
  lobbies: readonly Lobby[] = [],
  speedDatings: readonly SpeedDating[] = [],
): string {
  const round = liveRound(rounds, now);
  const workshop = round ? workshopOf(round, participantId) : null;
  if (workshop) return workshop.id;
  return speedDatingRoomOf(participantId, speedDatings, now) ?? lobbyRoomOf(participantId, lobbies) ?? PLENARY_ROOM;
}

/** Everyone in one workshop room: its moderator, the seated, and visiting hosts. */
export function workshopMembers(round: Round, workshopId: string): string[] {
  const members = new Set<string>();
  const ws = round.workshops.find((w) => w.id === workshopId);
  if (!ws) return [];
  for (const [who, where] of Object.entries(round.visits)) if (where === workshopId) members.add(who);
  if (ws.moderatorId) members.add(ws.moderatorId);
  for (const p of round.seats[workshopId]?.seated ?? []) {
    // A person seated here but visiting elsewhere (a host) is where the visit says.
    if (round.visits[p] === undefined || round.visits[p] === workshopId) members.add(p);
  }
  return [...members].filter((p) => workshopOf(round, p)?.id === workshopId);
}

/**
 * Everyone in some workshop room of the round (the plenary is everyone else):
 * visitors of an existing workshop, moderators and the seated. One pass over
 * them: it runs for every plenary chat message and every opening.
 */
export function inWorkshops(round: Round): Set<string> {
  const ids = new Set(round.workshops.map((w) => w.id));
  const all = new Set<string>();
  for (const [who, where] of Object.entries(round.visits)) if (ids.has(where)) all.add(who);
  for (const w of round.workshops) {
    if (w.moderatorId) all.add(w.moderatorId);
    for (const p of round.seats[w.id]?.seated ?? []) all.add(p);
  }
  // A visit names the room outright (workshopOf): one to a workshop that is gone places nobody.
  for (const [who, where] of Object.entries(round.visits)) if (!ids.has(where)) all.delete(who);
  return all;
}

/** The next server time at which someone's room changes by itself (the end of the closing warning), or null. */
export function nextRoomChangeAt(rounds: readonly Round[], now: number): number | null {
  const round = liveRound(rounds, now);
  if (!round) return null;
  const start = closingStartsAt(round)!;
  return now < start ? start : start + ROUND_CLOSING_MS;
}
