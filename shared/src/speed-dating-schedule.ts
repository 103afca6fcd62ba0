/**
 * Time and place in a speed-dating session, computed the same way by server
 * and clients from the stored document and server time (rules S1, S2): which
 * round runs, when it ends, who is in which pair. Nothing here is stored, so
 * every pair switches at the same server time without any process acting.
 */
import type { SpeedDating } from './protocol/speed-dating.js';

/** Between "start" and round 1: time for everyone to see the countdown and get ready. */
export const SPEED_DATING_LEAD_MS = 5_000;
/** The countdown's warning before a round ends (issue: "a countdown with a 30-second warning"). */
export const SPEED_DATING_WARNING_MS = 30_000;
/**
 * A round that starts within this time is no longer planned again nor sat
 * out (rules S3, S4): clients may already be moving into its pairs (a timer
 * firing by a synced clock, a patch on its way), and a late change would send
 * them to a pair that no longer exists and then on again.
 */
export const SPEED_DATING_FREEZE_MS = 3_000;

export const pairRoomId = (speedDatingId: string, round: number, group: number) => `pair:${speedDatingId}:${round}:${group}`;
/** Where everyone of a running session is who is not in a pair: breaks, sitting out, joined late. */
export const datingFloorRoomId = (speedDatingId: string) => `dating:${speedDatingId}`;
export const isPairRoom = (roomId: string) => roomId.startsWith('pair:');
export const isDatingFloorRoom = (roomId: string) => roomId.startsWith('dating:');

/** Server time round `round` (0-based) begins. */
export function roundStartAt(sd: SpeedDating, round: number): number | null {
  return sd.startAt === null ? null : sd.startAt + round * (sd.roundMs + sd.breakMs);
}

/** From round 1's start to the end of the last round, breaks between rounds included. */
export function plannedDurationMs(sd: Pick<SpeedDating, 'rounds' | 'roundMs' | 'breakMs'>): number {
  return sd.rounds * sd.roundMs + Math.max(0, sd.rounds - 1) * sd.breakMs;
}

/** Server time the session ends: the end of its last round, or when a host stopped it. */
export function speedDatingEndAt(sd: SpeedDating): number | null {
  if (sd.startAt === null) return null;
  const planned = sd.startAt + plannedDurationMs(sd);
  return sd.stoppedAt === null ? planned : Math.min(planned, sd.stoppedAt);
}

export type SpeedDatingPhase =
  | { kind: 'prepared' }
  /** Started, round 1 not yet begun. */
  | { kind: 'lead'; endsAt: number }
  | { kind: 'round'; round: number; endsAt: number }
  /** The break after `round`, before `round + 1`. */
  | { kind: 'break'; round: number; endsAt: number }
  | { kind: 'ended'; endedAt: number };

export function speedDatingPhase(sd: SpeedDating, now: number): SpeedDatingPhase {
  if (sd.startAt === null) return { kind: 'prepared' };
  const endAt = speedDatingEndAt(sd)!;
  if (now >= endAt) return { kind: 'ended', endedAt: endAt };
  if (now < sd.startAt) return { kind: 'lead', endsAt: sd.startAt };
  const period = sd.roundMs + sd.breakMs;
  const round = Math.min(sd.rounds - 1, Math.floor((now - sd.startAt) / period));
  const roundEnd = sd.startAt + round * period + sd.roundMs;
  if (now < roundEnd) return { kind: 'round', round, endsAt: Math.min(roundEnd, endAt) };
  return { kind: 'break', round, endsAt: Math.min(roundEnd + sd.breakMs, endAt) };
}

/** Started and not ended: from `startAt` on (the lead excluded) people are in pairs or on the session's floor. */
export function isSpeedDatingRunning(sd: SpeedDating, now: number): boolean {
  const phase = speedDatingPhase(sd, now);
  return phase.kind === 'round' || phase.kind === 'break';
}

/**
 * The session running now (rule S1: at most one is started at a time). Should
 * two ever run after a race, everyone still agrees on one: the earlier start,
 * then the smaller id.
 */
export function runningSpeedDating(sessions: readonly SpeedDating[], now: number): SpeedDating | null {
  let best: SpeedDating | null = null;
  for (const sd of sessions) {
    if (!isSpeedDatingRunning(sd, now)) continue;
    if (!best || sd.startAt! < best.startAt! || (sd.startAt === best.startAt && sd.id < best.id)) best = sd;
  }
  return best;
}

/**
 * The first round that has not begun at `now` (= rounds when all have). A
 * round due at or after a host's stop never begins: it is nobody's history
 * and nobody met in it.
 */
export function firstOpenRound(sd: SpeedDating, now: number): number {
  const t = sd.stoppedAt === null ? now : Math.min(now, sd.stoppedAt - 1);
  if (sd.startAt === null || t < sd.startAt) return 0;
  const period = sd.roundMs + sd.breakMs;
  return Math.min(sd.rounds, Math.floor((t - sd.startAt) / period) + 1);
}

/** The first round that may still be planned again or sat out at `now` (rules S3, S4). */
export function firstPlannableRound(sd: SpeedDating, now: number): number {
  return firstOpenRound(sd, now + SPEED_DATING_FREEZE_MS);
}

/** Index of the group of `participantId` in round `round`, or -1. */
export function groupIndexOf(sd: SpeedDating, round: number, participantId: string): number {
  return sd.pairings[round]?.groups.findIndex((g) => g.includes(participantId)) ?? -1;
}

/** The others in one's group in round `round` (empty: sitting out or not matched). */
export function partnersIn(sd: SpeedDating, round: number, participantId: string): string[] {
  const i = groupIndexOf(sd, round, participantId);
  return i < 0 ? [] : sd.pairings[round]!.groups[i]!.filter((p) => p !== participantId);
}

/** Everyone one was grouped with in rounds that began before `now`, in order of first meeting. */
export function metInSession(sd: SpeedDating, participantId: string, now: number): string[] {
  const met: string[] = [];
  const begun = firstOpenRound(sd, now);
  for (let r = 0; r < Math.min(begun, sd.pairings.length); r++) {
    for (const p of partnersIn(sd, r, participantId)) if (!met.includes(p)) met.push(p);
  }
  return met;
}

/** The conversation starter of round `round`, if the session has any. */
export function starterOf(sd: SpeedDating, round: number): string | null {
  return sd.starters.length === 0 ? null : sd.starters[round % sd.starters.length]!;
}

/**
 * A participant's room while a session runs (rule S2): their pair during a
 * round, else the session's floor; null when no session runs.
 */
export function speedDatingRoomOf(participantId: string, sessions: readonly SpeedDating[], now: number): string | null {
  const sd = runningSpeedDating(sessions, now);
  if (!sd) return null;
  const phase = speedDatingPhase(sd, now);
  if (phase.kind === 'round') {
    const group = groupIndexOf(sd, phase.round, participantId);
    // Groups of one are never stored (nobody to talk to), so a group here is a pair or the trio.
    if (group >= 0) return pairRoomId(sd.id, phase.round, group);
  }
  return datingFloorRoomId(sd.id);
}

/** The members of a pair room, or null when `roomId` is not a pair of the session running now. */
export function pairMembers(sessions: readonly SpeedDating[], roomId: string, now: number): string[] | null {
  const sd = runningSpeedDating(sessions, now);
  const phase = sd ? speedDatingPhase(sd, now) : null;
  if (!sd || phase?.kind !== 'round') return null;
  const prefix = `pair:${sd.id}:${phase.round}:`;
  if (!roomId.startsWith(prefix)) return null;
  const rest = roomId.slice(prefix.length);
  // Digits only: "pair:x:0:" or "pair:x:0:1e0" is no pair room, on the server as in the client.
  return /^\d+$/.test(rest) ? (sd.pairings[phase.round]?.groups[Number(rest)] ?? null) : null;
}

/** Everyone in a pair of the round running now (they are not on any floor). */
export function inPairsNow(sessions: readonly SpeedDating[], now: number): Set<string> {
  const sd = runningSpeedDating(sessions, now);
  const phase = sd ? speedDatingPhase(sd, now) : null;
  if (!sd || phase?.kind !== 'round') return new Set();
  return new Set(sd.pairings[phase.round]?.groups.flat() ?? []);
}
