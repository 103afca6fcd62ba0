/**
 * Speed dating as the views need it: which session to show, its phase and
 * time left, the 30-second warning, one's partners now and in the next round,
 * whether one sits the next round out, the hosts' per-round summary, and the
 * next moment anyone changes room. Pure functions over the EventView and a
 * server time, on top of shared's schedule (rules S1, S2): where someone *is*
 * always comes from `roomOf`, never from here.
 */
import {
  SPEED_DATING_WARNING_MS,
  datingFloorRoomId,
  firstOpenRound,
  firstPlannableRound,
  groupIndexOf,
  metInSession,
  pairMembers,
  partnersIn,
  roundStartAt,
  runningSpeedDating,
  speedDatingEndAt,
  speedDatingPhase,
  starterOf,
  type ParticipantView,
  type SpeedDating,
  type SpeedDatingPhase,
} from '@mashup/shared';
import type { EventView } from './plenary-state.js';

type Sessions = Pick<EventView, 'speedDatings'>;

/**
 * The session a participant's plenary shows: one that runs or is about to
 * (lead), else the first one prepared (to choose topics and sit out round 1
 * ahead). Ended sessions are not here: their contacts are (`contactSessions`).
 */
export function activeSpeedDating(view: Sessions, now: number): SpeedDating | null {
  const running = runningSpeedDating(view.speedDatings, now);
  if (running) return running;
  const lead = view.speedDatings.find((sd) => speedDatingPhase(sd, now).kind === 'lead');
  if (lead) return lead;
  return view.speedDatings.find((sd) => sd.startAt === null) ?? null;
}

/** Ended sessions in which this person met someone, newest end first: each gets a "Kontakte" view. */
export function contactSessions(view: Sessions, participantId: string, now: number): SpeedDating[] {
  return view.speedDatings
    .filter((sd) => speedDatingPhase(sd, now).kind === 'ended' && metInSession(sd, participantId, now).length > 0)
    .sort((a, b) => endOf(b, now) - endOf(a, now) || a.id.localeCompare(b.id));
}

function endOf(sd: SpeedDating, now: number): number {
  const phase = speedDatingPhase(sd, now);
  return phase.kind === 'ended' ? phase.endedAt : Number.POSITIVE_INFINITY;
}

/** Milliseconds until the phase ends (0 when prepared or ended). */
export function phaseRemainingMs(phase: SpeedDatingPhase, now: number): number {
  return phase.kind === 'lead' || phase.kind === 'round' || phase.kind === 'break' ? Math.max(0, phase.endsAt - now) : 0;
}

/**
 * True when the 30-second mark was crossed between two readings of the time
 * left in the same round: the live region speaks then, never for someone who
 * arrives in the last 30 seconds (they see the digits and the colour).
 */
export function warningCrossed(before: number, now: number): boolean {
  return before > SPEED_DATING_WARNING_MS && now <= SPEED_DATING_WARNING_MS && now > 0;
}

/** The 0-based round that comes next (not yet begun), or null when all have begun. */
export function nextRound(sd: SpeedDating, now: number): number | null {
  const r = firstOpenRound(sd, now);
  return r < sd.rounds ? r : null;
}

/**
 * The round "Nächste Runde aussetzen" applies to: the next one that may still
 * be sat out (rule S4 freezes a round 3 s before it begins, so in those last
 * seconds it is the one after), or null when none is left.
 */
export function sittableRound(sd: SpeedDating, now: number): number | null {
  const r = firstPlannableRound(sd, now);
  return r < sd.rounds ? r : null;
}

/** Whether this person sits round `round` out ("Runde aussetzen", rule S4). */
export function sitsOut(sd: SpeedDating, participantId: string, round: number): boolean {
  return sd.sitOut[participantId]?.includes(round) ?? false;
}

/** The topics a person chose for this session. */
export function chosenTopics(sd: SpeedDating, participantId: string): string[] {
  return sd.chosen[participantId] ?? [];
}

/**
 * One person on a partner card: name, municipality (`org`), the topics they
 * chose and which of them one shares, and whether they are still connected
 * (a closed tab or a lost connection; they may come back within the round).
 */
export interface PartnerCard {
  participantId: string;
  name: string;
  org: string;
  topics: string[];
  shared: string[];
  connected: boolean;
}

/** The people one is grouped with in `round` (one, or two in the trio), as cards; people who left the event are left out. */
export function partnerCards(view: Pick<EventView, 'participants'>, sd: SpeedDating, round: number, participantId: string): PartnerCard[] {
  const mine = new Set(chosenTopics(sd, participantId));
  const byId = new Map(view.participants.map((p) => [p.id, p]));
  return partnersIn(sd, round, participantId).flatMap((id) => {
    const p = byId.get(id);
    if (!p) return [];
    const topics = chosenTopics(sd, id);
    return [{ participantId: id, name: p.name, org: p.org, topics, shared: topics.filter((t) => mine.has(t)), connected: p.connected }];
  });
}

/**
 * In one's pair while round `round` runs, with every partner gone from the
 * event (no card left; begun rounds are never planned again, rule S3): until
 * when one waits — the next round's start, or in the last round the end of
 * the session. Null while anyone is there to talk to, and outside that round.
 */
export function partnersGone(
  view: Pick<EventView, 'participants'>,
  sd: SpeedDating,
  round: number,
  participantId: string,
  now: number,
): { target: 'nextRound' | 'end'; at: number } | null {
  const phase = speedDatingPhase(sd, now);
  if (phase.kind !== 'round' || phase.round !== round) return null;
  if (partnersIn(sd, round, participantId).length === 0 || partnerCards(view, sd, round, participantId).length > 0) return null;
  const next = nextRoundStartsAt(sd, now);
  return next === null ? { target: 'end', at: phase.endsAt } : { target: 'nextRound', at: next };
}

/** Where a person stands in a session at `now`: what the participant views render from. */
export type DatingSituation =
  | { kind: 'prepared' }
  | { kind: 'lead'; endsAt: number }
  /** In a pair (or the trio) of round `round`. */
  | { kind: 'paired'; round: number; endsAt: number; partners: string[]; starter: string | null }
  /**
   * On the session's floor during a round: sitting it out, joined after it
   * was paired, or nobody left to pair with.
   */
  | { kind: 'waiting'; round: number; endsAt: number; sittingOut: boolean }
  | { kind: 'break'; round: number; endsAt: number }
  | { kind: 'ended' };

export function datingSituation(sd: SpeedDating, participantId: string, now: number): DatingSituation {
  const phase = speedDatingPhase(sd, now);
  switch (phase.kind) {
    case 'prepared':
      return { kind: 'prepared' };
    case 'lead':
      return { kind: 'lead', endsAt: phase.endsAt };
    case 'break':
      return { kind: 'break', round: phase.round, endsAt: phase.endsAt };
    case 'ended':
      return { kind: 'ended' };
    case 'round': {
      const partners = partnersIn(sd, phase.round, participantId);
      if (groupIndexOf(sd, phase.round, participantId) >= 0 && partners.length > 0) {
        return { kind: 'paired', round: phase.round, endsAt: phase.endsAt, partners, starter: starterOf(sd, phase.round) };
      }
      return { kind: 'waiting', round: phase.round, endsAt: phase.endsAt, sittingOut: sitsOut(sd, participantId, phase.round) };
    }
  }
}

/**
 * Why someone waits on the floor through round `round` without sitting it
 * out. `nobodyFree`: they were planned for it and nobody else was there (a
 * group of one is not stored, so the round has no group at all). `late`:
 * they were not among those it was planned for — not a taker, or not yet
 * when it was fixed. `takers` alone cannot tell: joining makes one a taker at
 * once (the next rounds are planned again, rule S3), while this round stays
 * as it was; and with two or more planned everyone is in a group (a trio
 * takes the odd one), so a taker missing from a round that has groups came
 * after it.
 */
export function whyUnpaired(sd: SpeedDating, participantId: string, round: number): 'late' | 'nobodyFree' {
  if (!sd.takers.includes(participantId)) return 'late';
  return (sd.pairings[round]?.groups.length ?? 0) > 0 ? 'late' : 'nobodyFree';
}

/**
 * When the next round begins, seen from the floor: the end of the lead, the
 * break or the round running now (whoever waits through a round joins the
 * one after it); null when none follows.
 */
export function nextRoundStartsAt(sd: SpeedDating, now: number): number | null {
  const phase = speedDatingPhase(sd, now);
  if (phase.kind === 'lead') return phase.endsAt;
  if (phase.kind === 'break') return phase.endsAt;
  if (phase.kind === 'round' && phase.round + 1 < sd.rounds) return phase.endsAt + sd.breakMs;
  return null;
}

/** What the speed-dating clock counts down to, and whether it is in a round's last 30 seconds. */
export interface DatingClock {
  state: 'lead' | 'round' | 'warning' | 'break' | 'waiting';
  /** The start of round 1, the end of one's round, the next round's start, or (waiting out the last round) the end. */
  target: 'start' | 'roundEnd' | 'nextRound' | 'end';
  until: number;
}

/** The clock one person sees at `now`; null before the start and after the end. */
export function datingClock(sd: SpeedDating, participantId: string, now: number): DatingClock | null {
  const s = datingSituation(sd, participantId, now);
  switch (s.kind) {
    case 'prepared':
    case 'ended':
      return null;
    case 'lead':
      return { state: 'lead', target: 'start', until: s.endsAt };
    case 'paired': {
      const left = s.endsAt - now;
      return { state: left > 0 && left <= SPEED_DATING_WARNING_MS ? 'warning' : 'round', target: 'roundEnd', until: s.endsAt };
    }
    case 'break':
    case 'waiting': {
      const next = nextRoundStartsAt(sd, now);
      return next === null ? { state: s.kind, target: 'end', until: s.endsAt } : { state: s.kind, target: 'nextRound', until: next };
    }
  }
}

/**
 * The next moment anyone's room changes by itself: the end of the lead (into
 * the pairs), of a round (onto the floor) or of a break (into the next
 * pairs), over every started session that has not ended. The session service
 * plans its room timer for it, as for a workshop round's closing.
 */
export function speedDatingNextChangeAt(view: Sessions, now: number): number | null {
  let next: number | null = null;
  for (const sd of view.speedDatings) {
    const phase = speedDatingPhase(sd, now);
    if (phase.kind !== 'lead' && phase.kind !== 'round' && phase.kind !== 'break') continue;
    if (next === null || phase.endsAt < next) next = phase.endsAt;
  }
  return next;
}

/** The session, round and group behind a pair room id of the round running now (null for any other room). */
export function pairOfRoom(view: Sessions, roomId: string, now: number): { sd: SpeedDating; round: number; members: string[] } | null {
  // Shared's reading of the room id, the one the server uses for the same question.
  const members = pairMembers(view.speedDatings, roomId, now);
  const sd = members ? runningSpeedDating(view.speedDatings, now) : null;
  const phase = sd ? speedDatingPhase(sd, now) : null;
  return members && sd && phase?.kind === 'round' ? { sd, round: phase.round, members } : null;
}

/** The running session whose floor `roomId` is (null for any other room). */
export function floorOfRoom(view: Sessions, roomId: string, now: number): SpeedDating | null {
  const sd = runningSpeedDating(view.speedDatings, now);
  return sd && datingFloorRoomId(sd.id) === roomId ? sd : null;
}

/** Where a room id is in the running session: a pair of the round now, or the floor; null for any other room. */
export type DatingPlace = { kind: 'pair'; sd: SpeedDating; round: number; members: string[] } | { kind: 'floor'; sd: SpeedDating };

export function datingPlace(view: Sessions, roomId: string, now: number): DatingPlace | null {
  const pair = pairOfRoom(view, roomId, now);
  if (pair) return { kind: 'pair', ...pair };
  const sd = floorOfRoom(view, roomId, now);
  return sd ? { kind: 'floor', sd } : null;
}

/** One round as the hosts see it: groups, trio, who sits out, and the rules that had to give way. */
export interface RoundSummary {
  round: number;
  /** Null until the round is paired (at the start; rounds not begun are paired again when people come or go). */
  pairs: number | null;
  trios: number;
  people: number;
  sittingOut: number;
  repeated: number;
  sameMunicipality: number;
  state: 'done' | 'running' | 'upcoming' | 'skipped';
}

export function roundSummaries(sd: SpeedDating, now: number): RoundSummary[] {
  const endAt = speedDatingEndAt(sd);
  return Array.from({ length: sd.rounds }, (_, round) => {
    const pairing = sd.pairings[round];
    const groups = pairing?.groups ?? [];
    return {
      round,
      pairs: pairing ? groups.filter((g) => g.length === 2).length : null,
      trios: groups.filter((g) => g.length === 3).length,
      people: groups.reduce((n, g) => n + g.length, 0),
      sittingOut: Object.values(sd.sitOut).filter((rounds) => rounds.includes(round)).length,
      repeated: pairing?.relaxed.repeated ?? 0,
      sameMunicipality: pairing?.relaxed.sameMunicipality ?? 0,
      state: roundState(sd, round, now, endAt),
    };
  });
}

function roundState(sd: SpeedDating, round: number, now: number, endAt: number | null): RoundSummary['state'] {
  const start = roundStartAt(sd, round);
  if (start === null || endAt === null) return 'upcoming';
  // A host's stop: rounds that had not begun by then never take place.
  if (start >= endAt) return 'skipped';
  if (now < start) return 'upcoming';
  return now < Math.min(start + sd.roundMs, endAt) ? 'running' : 'done';
}

/**
 * Who takes part, for the hosts (rule S3: connected, not hosts): once started,
 * whom the server planned the open rounds for (`takers`); before, who would be
 * planned for if it started now.
 */
export function takingPart(view: Pick<EventView, 'participants'>, sd: SpeedDating): ParticipantView[] {
  if (sd.startAt === null) return view.participants.filter((p) => p.connected && p.role !== 'host');
  const takers = new Set(sd.takers);
  return view.participants.filter((p) => takers.has(p.id));
}

/** A file name for the vCard download: the session's title in safe characters, e.g. `Speed-Dating-Kontakte.vcf`. */
export function vcardFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'Speed-Dating'}-Kontakte.vcf`;
}

/** A duration as the set-up form's minutes and seconds fields show it. */
export function splitDuration(ms: number): { minutes: number; seconds: number } {
  const total = Math.round(ms / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}
