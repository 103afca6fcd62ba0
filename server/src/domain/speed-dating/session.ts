/**
 * Speed-dating sessions (PROTOCOL section 13, rules S1–S7). One session is one
 * stored document, so every rule here runs inside one compare-and-set. Pure:
 * time as `now`, ids from `ctx`; chance from a seed derived from the session
 * and round, so planning the same people again gives the same pairs.
 *
 * Planning (rule S3): the rounds not yet begun are planned for everyone
 * taking part now, with the pairs of the rounds that began (and of earlier
 * sessions of the event) as history. Whenever who takes part changes (a start,
 * someone connects or leaves, sits out, chooses topics) the rounds not yet
 * begun are planned again; begun rounds never change. So late joiners are in
 * the next round, and nobody waits for a server timer.
 */
import {
  firstOpenRound,
  firstPlannableRound,
  LIMITS,
  metInSession,
  roundStartAt,
  speedDatingPhase,
  SPEED_DATING_LEAD_MS,
  type SpeedDating,
  type SpeedDatingContact,
  type SpeedDatingInput,
  type SpeedDatingRound,
} from '@mashup/shared';
import type { z } from 'zod';
import { UNCHANGED, type DomainContext, type Unchanged } from '../context.js';
import { refuse } from '../errors.js';
import { seededRandom } from '../breakouts/random.js';
import { matchRound, recordPairs, type PairHistory } from './matching.js';

export type SpeedDatingDefinition = z.output<typeof SpeedDatingInput>;

/** Someone who may be paired: a connected participant who is not a host. */
export interface Taker {
  id: string;
  /** The participant's municipality or organisation (`org`). */
  org: string;
  /**
   * In a workshop room until this server time (the live round's end, closing
   * warning included): not paired in rounds that begin before it, since a
   * workshop comes first in `roomOf` and the partner would wait alone.
   */
  busyUntil?: number;
}

/** Private per person and session (rule S7): whom they marked and what they share with mutual contacts. */
export interface SpeedDatingMarks {
  /** `<speedDatingId>:<participantId>` */
  id: string;
  speedDatingId: string;
  participantId: string;
  marked: string[];
  contact: SpeedDatingContact;
}

export const marksId = (speedDatingId: string, participantId: string) => `${speedDatingId}:${participantId}`;

export function requireSession(sd: SpeedDating | null): SpeedDating {
  return sd ?? refuse('speeddating.not_found', 'This speed-dating session does not exist.');
}

export function checkSessionCount(existing: number): void {
  if (existing >= LIMITS.speedDatingsMax) {
    refuse('speeddating.too_many', `An event holds at most ${LIMITS.speedDatingsMax} speed-dating sessions.`);
  }
}

/** Creates a session or replaces its settings; once started, a session's settings stay (its schedule is public). */
export function define(current: SpeedDating | null, input: SpeedDatingDefinition & { speedDatingId: string }, ctx: DomainContext): SpeedDating {
  if (current && current.startAt !== null) refuse('speeddating.started', 'This session has started; its settings can no longer change.');
  const topics = [...new Set(input.topics)];
  // Chosen topics that are no longer offered are dropped, so matching never uses them.
  const chosen = Object.fromEntries(
    Object.entries(current?.chosen ?? {})
      .map(([p, ts]) => [p, ts.filter((t) => topics.includes(t))] as const)
      .filter(([, ts]) => ts.length > 0),
  );
  return {
    id: input.speedDatingId,
    title: input.title,
    createdAt: current?.createdAt ?? ctx.now,
    roundMs: input.roundMs,
    breakMs: input.breakMs,
    rounds: input.rounds,
    rules: input.rules,
    topics,
    starters: input.starters,
    startAt: null,
    stoppedAt: null,
    pairings: [],
    takers: [],
    sitOut: current?.sitOut ?? {},
    chosen,
  };
}

/** Started and not yet ended (the lead included): another session may not start now (rule S1). */
export function isActive(sd: SpeedDating, now: number): boolean {
  const kind = speedDatingPhase(sd, now).kind;
  return kind !== 'prepared' && kind !== 'ended';
}

/** Pairs of every session's begun rounds except `exceptId`: "never the same pair twice in an event" (rule S3). */
export function eventHistory(sessions: readonly SpeedDating[], exceptId: string, now: number): PairHistory {
  const history: PairHistory = new Map();
  for (const sd of sessions) {
    if (sd.id === exceptId) continue;
    recordPairs(history, sd.pairings.slice(0, firstOpenRound(sd, now)).flatMap((r) => r.groups));
  }
  return history;
}

/** FNV-1a of the session id and round: the seed of that round's draw. */
function seedOf(speedDatingId: string, round: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${speedDatingId}#${round}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Plans every round not yet begun at `now` for `takers` (rule S3). Begun
 * rounds — and one about to begin (SPEED_DATING_FREEZE_MS) — stay as they
 * are and are history, with `prior` (earlier sessions).
 */
export function plan(sd: SpeedDating, takers: readonly Taker[], prior: PairHistory, now: number): SpeedDating {
  const from = firstPlannableRound(sd, now);
  const history: PairHistory = new Map(prior);
  const kept = sd.pairings.slice(0, from);
  for (const r of kept) recordPairs(history, r.groups);
  const unique = [...new Map(takers.map((t) => [t.id, t])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const planned: SpeedDatingRound[] = [];
  for (let round = from; round < sd.rounds; round++) {
    const startsAt = roundStartAt(sd, round) ?? Number.POSITIVE_INFINITY;
    const people = unique
      .filter((t) => !(sd.sitOut[t.id] ?? []).includes(round) && (t.busyUntil === undefined || t.busyUntil <= startsAt))
      .map((t) => ({
        id: t.id,
        // Without the municipality rule every municipality is "unknown", which never counts as the same.
        municipality: sd.rules.differentMunicipality ? t.org : '',
        topics: sd.chosen[t.id] ?? [],
      }));
    const match = matchRound(people, history, { matchByTopics: sd.rules.matchByTopics }, seededRandom(seedOf(sd.id, round)));
    // Someone alone (nobody else takes part) waits on the floor rather than in an empty pair.
    const groups = match.groups.filter((g) => g.length > 1);
    recordPairs(history, groups);
    planned.push({
      groups,
      relaxed: { repeated: match.relaxed.repeated.length, sameMunicipality: match.relaxed.sameMunicipality.length },
    });
  }
  return { ...sd, pairings: [...kept, ...planned], takers: unique.map((t) => t.id) };
}

/** Starts the session: round 1 begins after the lead, every round planned for who takes part now. */
export function start(
  current: SpeedDating | null,
  others: readonly SpeedDating[],
  takers: readonly Taker[],
  prior: PairHistory,
  now: number,
): SpeedDating {
  const sd = requireSession(current);
  if (sd.startAt !== null) refuse('speeddating.started', 'This session has already run; create a new one for more rounds.');
  if (others.some((o) => o.id !== sd.id && isActive(o, now))) {
    refuse('speeddating.another_running', 'Another speed-dating session is running; stop it first.');
  }
  return plan({ ...sd, startAt: now + SPEED_DATING_LEAD_MS }, takers, prior, now);
}

/** Undoes a start that lost a race with another one (rule S1); what it planned goes too. */
export function undoStart(current: SpeedDating | null, startAt: number): SpeedDating | Unchanged {
  if (!current || current.startAt !== startAt) return UNCHANGED;
  return { ...current, startAt: null, pairings: [], takers: [] };
}

/**
 * Ends the session now: pairs end, marking opens. Stopped during the lead
 * (nobody has met anyone yet), it is prepared again, so a start by mistake
 * costs the host nothing.
 */
export function stop(current: SpeedDating | null, now: number): SpeedDating | Unchanged {
  const sd = requireSession(current);
  if (sd.startAt === null) refuse('speeddating.not_started', 'This session has not started.');
  if (!isActive(sd, now)) return UNCHANGED;
  if (now < sd.startAt!) return { ...sd, startAt: null, stoppedAt: null, pairings: [], takers: [] };
  return { ...sd, stoppedAt: now };
}

/** A session is deleted only when not active: a host stops it first, so nobody is left in a pair that vanished. */
export function remove(current: SpeedDating | null, now: number): null {
  const sd = requireSession(current);
  if (isActive(sd, now)) refuse('speeddating.started', 'This session is running; stop it before deleting it.');
  return null;
}

/**
 * Re-plans the rounds not yet begun for the takers as they are now (rule S3);
 * nothing when the session is not active or the plan comes out the same. The
 * plan is compared, not the takers: the same people with a workshop opened,
 * extended or closed meanwhile (busyUntil) plan differently.
 */
export function replan(current: SpeedDating | null, takers: readonly Taker[], prior: PairHistory, now: number): SpeedDating | Unchanged {
  if (!current || !isActive(current, now)) return UNCHANGED;
  const next = plan(current, takers, prior, now);
  const same = next.takers.length === current.takers.length && next.takers.every((id, i) => id === current.takers[i]);
  return same && JSON.stringify(next.pairings) === JSON.stringify(current.pairings) ? UNCHANGED : next;
}

/**
 * "Runde aussetzen" (rule S4): only a round that has not begun, so nobody's
 * partner vanishes mid-conversation. While the session is active the rounds
 * not yet begun are planned again.
 */
export function sitOut(
  current: SpeedDating | null,
  person: string,
  round: number,
  out: boolean,
  takers: readonly Taker[],
  prior: PairHistory,
  now: number,
): SpeedDating | Unchanged {
  const sd = requireSession(current);
  if (round >= sd.rounds) refuse('payload.invalid', `This session has ${sd.rounds} rounds.`);
  if (speedDatingPhase(sd, now).kind === 'ended' || round < firstPlannableRound(sd, now)) {
    refuse('speeddating.round_begun', 'This round has begun or begins in a moment.');
  }
  const before = sd.sitOut[person] ?? [];
  if (before.includes(round) === out) return UNCHANGED;
  const rounds = out ? [...before, round].sort((a, b) => a - b) : before.filter((r) => r !== round);
  const { [person]: _, ...rest } = sd.sitOut;
  const next = { ...sd, sitOut: rounds.length > 0 ? { ...rest, [person]: rounds } : rest };
  return isActive(sd, now) ? plan(next, takers, prior, now) : next;
}

/** The topics one wants to talk about (rule S5); with topic matching on, the rounds not yet begun are planned again. */
export function chooseTopics(
  current: SpeedDating | null,
  person: string,
  topics: readonly string[],
  takers: readonly Taker[],
  prior: PairHistory,
  now: number,
): SpeedDating | Unchanged {
  const sd = requireSession(current);
  const unknown = topics.find((t) => !sd.topics.includes(t));
  if (unknown !== undefined) refuse('speeddating.unknown_topic', `"${unknown}" is not one of this session's topics.`);
  const chosen = sd.topics.filter((t) => topics.includes(t));
  const before = sd.chosen[person] ?? [];
  if (before.length === chosen.length && before.every((t, i) => t === chosen[i])) return UNCHANGED;
  const { [person]: _, ...rest } = sd.chosen;
  const next = { ...sd, chosen: chosen.length > 0 ? { ...rest, [person]: chosen } : rest };
  return isActive(sd, now) && sd.rules.matchByTopics ? plan(next, takers, prior, now) : next;
}

/** Marks or unmarks someone one was paired with in a begun round (rule S6). */
export function mark(
  sd: SpeedDating,
  current: SpeedDatingMarks | null,
  person: string,
  target: string,
  marked: boolean,
  now: number,
): SpeedDatingMarks | Unchanged {
  if (!metInSession(sd, person, now).includes(target)) {
    refuse('speeddating.not_partner', 'You can only mark people you talked to in this session.');
  }
  const before = current ?? emptyMarks(sd.id, person);
  if (before.marked.includes(target) === marked) return UNCHANGED;
  return { ...before, marked: marked ? [...before.marked, target] : before.marked.filter((p) => p !== target) };
}

export function setContact(sd: SpeedDating, current: SpeedDatingMarks | null, person: string, contact: SpeedDatingContact): SpeedDatingMarks | Unchanged {
  const before = current ?? emptyMarks(sd.id, person);
  if (before.contact.email === contact.email && before.contact.phone === contact.phone) return UNCHANGED;
  return { ...before, contact: { email: contact.email, phone: contact.phone } };
}

export function emptyMarks(speedDatingId: string, participantId: string): SpeedDatingMarks {
  return { id: marksId(speedDatingId, participantId), speedDatingId, participantId, marked: [], contact: { email: '', phone: '' } };
}

/** Both marked each other: only then are contact details shared (rule S7). */
export function isMutual(mine: SpeedDatingMarks | null, theirs: SpeedDatingMarks | null): boolean {
  if (!mine || !theirs) return false;
  return mine.marked.includes(theirs.participantId) && theirs.marked.includes(mine.participantId);
}
