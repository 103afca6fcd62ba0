/**
 * Seats and waitlist of one workshop room when people choose: a seat while one
 * is free, else a place on the waitlist; whoever leaves frees a seat for the
 * first on the waitlist. Pure; the store applies it atomically (STYLE 7), so two
 * people can never take the last seat at once.
 */
import { UNCHANGED, type Unchanged } from '../context.js';

export interface Seats {
  capacity: number;
  seated: string[];
  waitlist: string[];
}

export type ChooseOutcome = { kind: 'seated' } | { kind: 'waitlisted'; position: number };

export function outcomeFor(seats: Seats, person: string): ChooseOutcome | null {
  if (seats.seated.includes(person)) return { kind: 'seated' };
  const i = seats.waitlist.indexOf(person);
  return i >= 0 ? { kind: 'waitlisted', position: i + 1 } : null;
}

/** Takes a free seat, or joins the waitlist (with `waitlist: false`, a full room refuses instead). */
export function choose(seats: Seats, person: string, opts: { waitlist: boolean }): Seats | Unchanged | 'full' {
  if (outcomeFor(seats, person)) return UNCHANGED;
  if (seats.seated.length < seats.capacity) return { ...seats, seated: [...seats.seated, person] };
  if (!opts.waitlist) return 'full';
  return { ...seats, waitlist: [...seats.waitlist, person] };
}

/** Leaves a seat (the first on the waitlist moves up) or the waitlist. */
export function leave(seats: Seats, person: string): Seats | Unchanged {
  if (seats.seated.includes(person)) {
    const seated = seats.seated.filter((p) => p !== person);
    const [next, ...rest] = seats.waitlist;
    return next !== undefined && seated.length < seats.capacity
      ? { ...seats, seated: [...seated, next], waitlist: rest }
      : { ...seats, seated };
  }
  if (seats.waitlist.includes(person)) return { ...seats, waitlist: seats.waitlist.filter((p) => p !== person) };
  return UNCHANGED;
}
