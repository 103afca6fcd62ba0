/**
 * Workshop round rules. One round is one stored document (seats included), so
 * every rule here is applied in one compare-and-set: a seat is never given
 * twice, and opening moves everyone at once (rules B1–B4). Pure: the time
 * comes in as `now`, ids from `ctx`.
 */
import {
  isRoundLive,
  LIMITS,
  roundPhase,
  workshopOf,
  type Round,
  type RoundInput,
  type Workshop,
  type WorkshopSeats,
} from '@mashup/shared';
import type { z } from 'zod';
import type { RoundInput as RoundInputSchema } from '@mashup/shared';
import { UNCHANGED, type DomainContext, type Unchanged } from '../context.js';
import { refuse } from '../errors.js';
import type { Assignment } from './assignment.js';
import * as seats from './seats.js';

export type RoundDefinition = z.output<typeof RoundInputSchema>;
export type { RoundInput };

export function requireRound(round: Round | null): Round {
  return round ?? refuse('breakout.round_not_found', 'This workshop round does not exist.');
}

export function requireWorkshop(round: Round, workshopId: string): Workshop {
  return (
    round.workshops.find((w) => w.id === workshopId) ??
    refuse('breakout.workshop_not_found', 'This workshop is not part of the round.')
  );
}

const emptySeats = (): WorkshopSeats => ({ seated: [], waitlist: [] });

/** Creates a round, or replaces its definition while it has not opened. Workshops passed with their id keep seats and results. */
export function define(current: Round | null, input: RoundDefinition, ctx: DomainContext): Round {
  if (current && current.openedAt !== null) {
    refuse(
      isRoundLive(current, ctx.now) ? 'breakout.round_live' : 'breakout.closed',
      'A round that has opened cannot be redefined.',
    );
  }
  const previous = new Map((current?.workshops ?? []).map((w) => [w.id, w]));
  const workshops: Workshop[] = input.workshops.map((w) => {
    if (w.id && !previous.has(w.id)) refuse('breakout.workshop_not_found', `No workshop ${w.id} in this round.`);
    return {
      id: w.id ?? ctx.newId(),
      title: w.title,
      description: w.description,
      moderatorId: w.moderatorId,
      capacity: w.capacity,
      tag: w.tag,
    };
  });
  // A moderator is in their own room without a seat: a seat or waitlist place they hold
  // from before (chosen, or assigned) is given up, so nobody waits behind it.
  const moderators = new Set(workshops.flatMap((w) => (w.moderatorId ? [w.moderatorId] : [])));
  const seatMap: Record<string, WorkshopSeats> = {};
  for (const w of workshops) {
    const before = current?.seats[w.id] ?? emptySeats();
    const kept = { seated: before.seated.filter((p) => !moderators.has(p)), waitlist: before.waitlist.filter((p) => !moderators.has(p)) };
    if (kept.seated.length > w.capacity) {
      refuse('breakout.capacity_below_seated', `${w.title} already has ${kept.seated.length} people seated.`, {
        seated: kept.seated.length,
        capacity: w.capacity,
      });
    }
    // A raised capacity lets the waitlist move up at once.
    const free = w.capacity - kept.seated.length;
    seatMap[w.id] = { seated: [...kept.seated, ...kept.waitlist.slice(0, free)], waitlist: kept.waitlist.slice(free) };
  }
  const kept = new Set(workshops.map((w) => w.id));
  return {
    // A new round takes the id the caller stores it under (input.roundId), so the key and the round agree.
    id: current?.id ?? input.roundId ?? ctx.newId(),
    title: input.title,
    durationMs: input.durationMs,
    mode: input.mode,
    createdAt: current?.createdAt ?? ctx.now,
    workshops,
    seats: seatMap,
    publishedAt: current?.publishedAt ?? null,
    openedAt: null,
    endsAt: null,
    closingAt: null,
    help: [],
    visits: {},
    pending: (current?.pending ?? []).filter((p) => kept.has(p.workshopId)),
  };
}

/**
 * Only a round that never opened can be deleted: a round that took place
 * stays with the event, with its results, for the documentation.
 */
export function remove(current: Round | null, now: number): null {
  const round = requireRound(current);
  if (isRoundLive(round, now)) refuse('breakout.round_live', 'Close the round before deleting it.');
  if (round.openedAt !== null) refuse('breakout.closed', 'A round that took place stays with the event.');
  return null;
}

export function publish(current: Round | null, now: number): Round | Unchanged {
  const round = requireRound(current);
  if (round.publishedAt !== null) return UNCHANGED;
  return { ...round, publishedAt: now };
}

/** Seats can change until the closing warning starts. */
function requireChangeable(round: Round, now: number): void {
  const phase = roundPhase(round, now);
  if (phase === 'closing' || phase === 'closed') refuse('breakout.closed', 'This round is closing or closed.');
}

/** Takes `person` off every seat and waitlist of the round (the first waiting moves up). */
function withoutPerson(round: Round, person: string, except?: string): { seats: Record<string, WorkshopSeats>; changed: string[] } {
  const next: Record<string, WorkshopSeats> = {};
  const changed: string[] = [];
  for (const [wid, s] of Object.entries(round.seats)) {
    const left = wid === except ? UNCHANGED : seats.leave(toSeats(round, wid, s), person);
    if (left === UNCHANGED) next[wid] = s;
    else {
      next[wid] = { seated: left.seated, waitlist: left.waitlist };
      changed.push(wid);
    }
  }
  return { seats: next, changed };
}

const capacityOf = (round: Round, workshopId: string) => round.workshops.find((w) => w.id === workshopId)?.capacity ?? 0;
const toSeats = (round: Round, wid: string, s: WorkshopSeats): seats.Seats => ({ capacity: capacityOf(round, wid), ...s });

export interface SeatChange {
  round: Round;
  /** Workshops whose seats changed (the patch carries only these). */
  changed: string[];
}

export type ChooseResult = SeatChange & { outcome: seats.ChooseOutcome };

/**
 * A participant chooses a workshop (rule B3): a free seat, else the waitlist
 * (or `breakout.full` when `waitlist` is false). A seat or waitlist place in
 * another workshop of the round is given up in the same step, so nobody holds
 * two seats and a failed choice keeps the old seat.
 */
export function choose(
  current: Round | null,
  person: string,
  workshopId: string,
  opts: { waitlist: boolean },
  now: number,
): ChooseResult | Unchanged {
  const round = requireRound(current);
  const ws = requireWorkshop(round, workshopId);
  if (round.mode !== 'choose') refuse('breakout.wrong_mode', 'In this round the hosts assign the workshops.');
  if (round.publishedAt === null) refuse('breakout.not_published', 'This round is not open for choosing yet.');
  requireChangeable(round, now);
  if (ws.moderatorId === person) return UNCHANGED;
  // A moderator is in their own room for the whole round: a seat elsewhere would only block it.
  if (round.workshops.some((w) => w.moderatorId === person)) {
    refuse('breakout.wrong_mode', 'You moderate a workshop of this round.');
  }
  const own = seats.outcomeFor(toSeats(round, workshopId, round.seats[workshopId] ?? emptySeats()), person);
  if (own) return UNCHANGED;
  const target = seats.choose(toSeats(round, workshopId, round.seats[workshopId] ?? emptySeats()), person, opts);
  if (target === 'full') {
    return refuse('breakout.full', `${ws.title} is full.`, {
      capacity: ws.capacity,
      waitlist: round.seats[workshopId]?.waitlist.length ?? 0,
    });
  }
  if (target === UNCHANGED) return UNCHANGED;
  const { seats: rest, changed } = withoutPerson(round, person, workshopId);
  const next: Round = { ...round, seats: { ...rest, [workshopId]: { seated: target.seated, waitlist: target.waitlist } } };
  return { round: next, changed: [...changed, workshopId], outcome: seats.outcomeFor({ capacity: ws.capacity, ...next.seats[workshopId]! }, person)! };
}

/** Takes a person off every seat and waitlist of the round (the first waiting moves up). */
export function leave(current: Round | null, person: string, now: number): SeatChange | Unchanged {
  const round = requireRound(current);
  requireChangeable(round, now);
  const { seats: next, changed } = withoutPerson(round, person);
  return changed.length === 0 ? UNCHANGED : { round: { ...round, seats: next }, changed };
}

/** `breakout:leave`: a participant gives up a seat or waitlist place they chose (choose mode only). */
export function leaveChosen(current: Round | null, person: string, now: number): SeatChange | Unchanged {
  const round = requireRound(current);
  // In the other modes the hosts placed people; leaving would undo their assignment unseen.
  if (round.mode !== 'choose') refuse('breakout.wrong_mode', 'In this round the hosts assign the workshops.');
  return leave(round, person, now);
}

/**
 * A host places one person (manual mode, or a correction in any mode), also
 * while the round is live: the person changes rooms at once. Capacity holds
 * here too (rule B4); `null` takes the person out of every workshop.
 */
export function move(current: Round | null, person: string, workshopId: string | null, now: number): SeatChange | Unchanged {
  const round = requireRound(current);
  requireChangeable(round, now);
  if (workshopId === null) return leave(round, person, now);
  const ws = requireWorkshop(round, workshopId);
  if (round.workshops.some((w) => w.moderatorId === person)) {
    refuse('breakout.wrong_mode', 'This person moderates a workshop of this round and is in that room.');
  }
  const here = round.seats[workshopId] ?? emptySeats();
  if (here.seated.includes(person)) return UNCHANGED;
  if (here.seated.length >= ws.capacity) {
    refuse('breakout.full', `${ws.title} is full.`, { capacity: ws.capacity, waitlist: here.waitlist.length });
  }
  const { seats: rest, changed } = withoutPerson(round, person, workshopId);
  const target = rest[workshopId] ?? emptySeats();
  return {
    round: {
      ...round,
      seats: { ...rest, [workshopId]: { seated: [...target.seated, person], waitlist: target.waitlist.filter((p) => p !== person) } },
    },
    changed: [...changed, workshopId],
  };
}

/**
 * Writes a computed assignment. In choose mode it only fills: people who chose
 * keep their seats and the assignment places the rest in free seats.
 */
export function applyAssignment(current: Round | null, assignment: Assignment, now: number): Round {
  const round = requireRound(current);
  requireChangeable(round, now);
  const fill = round.mode === 'choose';
  // The assignment was computed from an earlier read: whoever chose a seat meanwhile keeps it and
  // is not placed a second time (rule B3), and nobody placed stays on a waitlist, where a later
  // leave would seat them twice.
  const already = fill ? placedPeople(round) : new Set<string>();
  const placedNow = new Set([...assignment.rooms.values()].flat().filter((p) => !already.has(p)));
  // Capacity holds even if seats filled up meanwhile (rule B4): who does not fit stays unplaced.
  const seated = new Map<string, string[]>();
  for (const w of round.workshops) {
    const placed = (assignment.rooms.get(w.id) ?? []).filter((p) => placedNow.has(p));
    const before = fill ? (round.seats[w.id]?.seated ?? []) : [];
    seated.set(w.id, [...before, ...placed].slice(0, w.capacity));
  }
  const seatedAnywhere = new Set([...seated.values()].flat());
  const next: Record<string, WorkshopSeats> = {};
  for (const w of round.workshops) {
    const waitlist = fill ? (round.seats[w.id]?.waitlist ?? []) : [];
    next[w.id] = { seated: seated.get(w.id)!, waitlist: waitlist.filter((p) => !seatedAnywhere.has(p)) };
  }
  return { ...round, seats: next };
}

/** The seats still free per workshop, for assigning the rest in choose mode. */
export function freeSlots(round: Round, fill: boolean): Array<{ id: string; capacity: number }> {
  return round.workshops.map((w) => ({
    id: w.id,
    capacity: w.capacity - (fill ? (round.seats[w.id]?.seated.length ?? 0) : 0),
  }));
}

/** Everyone who already has a seat or runs a room in this round. */
export function placedPeople(round: Round): Set<string> {
  const out = new Set<string>();
  for (const w of round.workshops) {
    if (w.moderatorId) out.add(w.moderatorId);
    for (const p of round.seats[w.id]?.seated ?? []) out.add(p);
  }
  return out;
}

/** Who was in which workshop of a round (for keep-groups and rotation). */
export function groupsOf(round: Round): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of round.workshops) for (const p of round.seats[w.id]?.seated ?? []) out.set(p, w.id);
  return out;
}

/** Opening moves everyone into their rooms at once (rule B2: one live round per event). */
export function open(current: Round | null, others: readonly Round[], now: number): Round {
  const round = requireRound(current);
  if (round.openedAt !== null) {
    refuse(isRoundLive(round, now) ? 'breakout.round_live' : 'breakout.closed', 'This round has already opened.');
  }
  if (others.some((r) => r.id !== round.id && isRoundLive(r, now))) {
    refuse('breakout.another_live', 'Another workshop round is still running.');
  }
  return { ...round, publishedAt: round.publishedAt ?? now, openedAt: now, endsAt: now + round.durationMs, help: [] };
}

function requireOpen(current: Round | null, now: number): Round {
  const round = requireRound(current);
  const phase = roundPhase(round, now);
  if (phase === 'closing' || phase === 'closed') refuse('breakout.closed', 'This round is closing or closed.');
  if (phase !== 'open') refuse('breakout.not_live', 'This round has not opened yet.');
  return round;
}

/** Extends or shortens the round; it never ends in the past (a shortening to "now" starts the warning). */
export function extend(current: Round | null, deltaMs: number, now: number): Round {
  const round = requireRound(current);
  // A round whose time ran out (not one a host closed) can still be given more time
  // during its warning: the hosts see the warning too and may want five more minutes.
  if (roundPhase(round, now) === 'closing' && round.closingAt === null && deltaMs > 0) {
    return { ...round, endsAt: now + deltaMs };
  }
  requireOpen(round, now);
  return { ...round, endsAt: Math.max(now, round.endsAt! + deltaMs) };
}

/** Starts the 60-second warning in every room; then everyone is back in the plenary. */
export function close(current: Round | null, now: number): Round | Unchanged {
  const round = requireRound(current);
  if (roundPhase(round, now) === 'closing') return UNCHANGED;
  requireOpen(round, now);
  return { ...round, closingAt: now };
}

export function visit(current: Round | null, host: string, workshopId: string | null, now: number): Round | Unchanged {
  const round = requireRound(current);
  if (!isRoundLive(round, now)) refuse('breakout.not_live', 'Rooms can be visited while the round is open.');
  const visits = { ...round.visits };
  if (workshopId === null) {
    if (visits[host] === undefined) return UNCHANGED;
    delete visits[host];
  } else {
    requireWorkshop(round, workshopId);
    if (visits[host] === workshopId) return UNCHANGED;
    visits[host] = workshopId;
  }
  return { ...round, visits };
}

/** "Hilfe rufen": one open request per room, the newest caller named. */
export function askForHelp(current: Round | null, person: string, now: number): Round {
  const round = requireRound(current);
  if (!isRoundLive(round, now)) refuse('breakout.not_live', 'Help can be called while the round is open.');
  const ws = workshopOf(round, person) ?? refuse('breakout.not_in_room', 'You are not in a workshop room.');
  return { ...round, help: [...round.help.filter((h) => h.workshopId !== ws.id), { workshopId: ws.id, by: person, at: now }] };
}

export function helpDone(current: Round | null, workshopId: string): Round | Unchanged {
  const round = requireRound(current);
  if (!round.help.some((h) => h.workshopId === workshopId)) return UNCHANGED;
  return { ...round, help: round.help.filter((h) => h.workshopId !== workshopId) };
}

export interface Actor {
  id: string;
  isHost: boolean;
}

/** Hosts, and the moderator of that room. */
export function canModerate(round: Round, workshopId: string, actor: Actor): boolean {
  return actor.isHost || round.workshops.some((w) => w.id === workshopId && w.moderatorId === actor.id);
}

export function editWorkshop(
  current: Round | null,
  workshopId: string,
  edit: { title: string; description: string },
  actor: Actor,
): Round | Unchanged {
  const round = requireRound(current);
  const ws = requireWorkshop(round, workshopId);
  if (!canModerate(round, workshopId, actor)) refuse('auth.forbidden', 'Only hosts and this room’s moderator can edit it.');
  if (ws.title === edit.title && ws.description === edit.description) return UNCHANGED;
  return { ...round, workshops: round.workshops.map((w) => (w.id === workshopId ? { ...w, ...edit } : w)) };
}

/**
 * A round as clients see it: without the pending CSV rows, which name people
 * who have not joined (data minimisation; hosts get the count in the import's
 * reply) and would tell anyone which name claims a pre-assigned seat.
 */
export function publicRound(round: Round): Round {
  return round.pending.length === 0 ? round : { ...round, pending: [] };
}

/** A new round needs room in the event (LIMITS.roundsMax). */
export function checkRoundCount(existing: number): void {
  if (existing >= LIMITS.roundsMax) refuse('breakout.too_many', `An event holds at most ${LIMITS.roundsMax} rounds.`);
}
