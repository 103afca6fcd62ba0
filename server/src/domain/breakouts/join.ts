/**
 * Where a person who joins goes in a round (issue 4: "late joiners land
 * directly in their room"). Two cases, both one compare-and-set on the round:
 *  - a pending CSV row names them: they take that seat (in any mode, in any
 *    round that is not closing or closed);
 *  - a round in an automatic mode (balanced, rotate) is open and they have no
 *    room: they take a free seat in the least-full workshop, so nobody who
 *    arrives late waits in the plenary while everyone else works.
 * In choose mode a late joiner chooses like everyone else; in manual and keep
 * mode the hosts decide.
 */
import { roundPhase, type PendingPlacement, type Round, type Role, type WorkshopSeats } from '@mashup/shared';
import { UNCHANGED, type Unchanged } from '../context.js';
import { normalizeName } from './csv.js';

export interface Joiner {
  id: string;
  name: string;
  org: string;
  role: Role;
  /**
   * A first join, not a reload: only newcomers get a free seat by themselves.
   * Someone who is back without a seat may have been taken out by a host on
   * purpose; a reload must not undo that (they wait in "Ohne Workshop").
   */
  newcomer: boolean;
}

export interface JoinPlacement {
  round: Round;
  /** Workshops whose seats changed. */
  changed: string[];
  workshopId: string;
  how: 'pending' | 'late';
}

const seatsOf = (round: Round, wid: string): WorkshopSeats => round.seats[wid] ?? { seated: [], waitlist: [] };

/** Seated, waiting or moderating anywhere in the round. */
function hasPlace(round: Round, person: string): boolean {
  return round.workshops.some(
    (w) => w.moderatorId === person || seatsOf(round, w.id).seated.includes(person) || seatsOf(round, w.id).waitlist.includes(person),
  );
}

/** The pending row for this person: one naming their Kommune first, else one without a Kommune. */
export function pendingFor(round: Round, joiner: Pick<Joiner, 'name' | 'org'>): PendingPlacement | null {
  const name = normalizeName(joiner.name);
  const org = normalizeName(joiner.org);
  const named = round.pending.filter((p) => normalizeName(p.name) === name);
  return named.find((p) => p.org !== '' && normalizeName(p.org) === org) ?? named.find((p) => p.org === '') ?? null;
}

/** The workshop with the fewest seated people that still has a seat (the first in the round's order on a tie). */
export function leastFullWorkshop(round: Round): string | null {
  let best: { id: string; seated: number } | null = null;
  for (const w of round.workshops) {
    const seated = seatsOf(round, w.id).seated.length;
    if (seated >= w.capacity) continue;
    if (!best || seated < best.seated) best = { id: w.id, seated };
  }
  return best?.id ?? null;
}

export function placeOnJoin(round: Round, joiner: Joiner, now: number): JoinPlacement | Unchanged {
  const phase = roundPhase(round, now);
  if (phase === 'closing' || phase === 'closed') return UNCHANGED;

  const row = pendingFor(round, joiner);
  if (row) {
    const pending = round.pending.filter((p) => p !== row);
    if (hasPlace(round, joiner.id)) {
      // Already placed (by a host meanwhile): the row has done its job.
      return { round: { ...round, pending }, changed: [], workshopId: row.workshopId, how: 'pending' };
    }
    const ws = round.workshops.find((w) => w.id === row.workshopId);
    if (!ws) return { round: { ...round, pending }, changed: [], workshopId: row.workshopId, how: 'pending' };
    const s = seatsOf(round, ws.id);
    // The import kept a seat for the row, but people who chose meanwhile may have
    // filled it: then the waitlist, which moves up as seats free (rule B4).
    const next = s.seated.length < ws.capacity ? { seated: [...s.seated, joiner.id], waitlist: s.waitlist } : { seated: s.seated, waitlist: [...s.waitlist, joiner.id] };
    return { round: { ...round, pending, seats: { ...round.seats, [ws.id]: next } }, changed: [ws.id], workshopId: ws.id, how: 'pending' };
  }

  if (phase !== 'open' || (round.mode !== 'balanced' && round.mode !== 'rotate')) return UNCHANGED;
  if (!joiner.newcomer || joiner.role === 'host' || hasPlace(round, joiner.id)) return UNCHANGED;
  const wid = leastFullWorkshop(round);
  if (wid === null) return UNCHANGED;
  const s = seatsOf(round, wid);
  return {
    round: { ...round, seats: { ...round.seats, [wid]: { seated: [...s.seated, joiner.id], waitlist: s.waitlist } } },
    changed: [wid],
    workshopId: wid,
    how: 'late',
  };
}
