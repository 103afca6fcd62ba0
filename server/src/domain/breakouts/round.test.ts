/**
 * Workshop round rules, pure: fake time (`now` numbers), predictable ids, no
 * store. Rule ids refer to docs/PROTOCOL.md ("Workshop rounds").
 */
import { describe, expect, it } from 'vitest';
import { closesAt, ROUND_CLOSING_MS, roundPhase, type Round } from '@mashup/shared';
import { UNCHANGED, type DomainContext } from '../context.js';
import { codeOf, refusal } from '../../test-support/outcomes.js';
import {
  applyAssignment,
  askForHelp,
  choose,
  close,
  define,
  editWorkshop,
  extend,
  helpDone,
  leave,
  leaveChosen,
  move,
  open,
  publish,
  remove,
  visit,
  type ChooseResult,
  type RoundDefinition,
  type SeatChange,
} from './round.js';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

function ids(prefix = 'id'): DomainContext['newId'] {
  let n = 0;
  return () => `${prefix}${++n}`;
}
const ctx = (now = T0, newId = ids()): DomainContext => ({ now, newId });

const input = (over: Partial<RoundDefinition> = {}): RoundDefinition => ({
  title: 'Runde 1',
  durationMs: 30 * MIN,
  mode: 'choose',
  workshops: [
    { id: undefined, title: 'Mobilität', description: '', moderatorId: 'mod-a', capacity: 2, tag: '' },
    { id: undefined, title: 'Energie', description: '', moderatorId: null, capacity: 3, tag: 'AEG 2' },
  ],
  ...over,
});

/** A published choose round with workshops w1 (2 seats, moderator mod-a) and w2 (3 seats). */
function published(over: Partial<RoundDefinition> = {}): Round {
  const r = define(null, { ...input(over), roundId: 'r1' }, ctx(T0, ids('w')));
  return publish(r, T0) as Round;
}

const seated = (r: Round, w: string) => r.seats[w]?.seated ?? [];
const waiting = (r: Round, w: string) => r.seats[w]?.waitlist ?? [];
const pick = (r: Round, who: string, w: string, waitlist = true, now = T0) =>
  (choose(r, who, w, { waitlist }, now) as ChooseResult).round;

describe('define', () => {
  it('creates a round under the given id with empty seats, not yet published', () => {
    const r = define(null, { ...input(), roundId: 'r1' }, ctx(T0, ids('w')));
    expect(r).toMatchObject({ id: 'r1', createdAt: T0, publishedAt: null, openedAt: null, endsAt: null });
    expect(r.workshops.map((w) => [w.id, w.title, w.capacity])).toEqual([
      ['w1', 'Mobilität', 2],
      ['w2', 'Energie', 3],
    ]);
    expect(r.seats).toEqual({ w1: { seated: [], waitlist: [] }, w2: { seated: [], waitlist: [] } });
    expect(roundPhase(r, T0)).toBe('draft');
  });

  it('workshops passed with their id keep their seats; new ones start empty; dropped ones are gone', () => {
    let r = published();
    r = pick(r, 'a', 'w1');
    r = pick(r, 'b', 'w2');
    const again = define(
      r,
      input({
        workshops: [
          { id: 'w1', title: 'Mobilität (neu)', description: 'x', moderatorId: 'mod-a', capacity: 2, tag: '' },
          { id: undefined, title: 'Wasser', description: '', moderatorId: null, capacity: 5, tag: '' },
        ],
      }),
      ctx(T0 + 1, ids('n')),
    );
    expect(again.id).toBe('r1');
    expect(again.publishedAt).toBe(T0);
    expect(seated(again, 'w1')).toEqual(['a']);
    expect(seated(again, 'n1')).toEqual([]);
    expect(again.seats.w2).toBeUndefined();
  });

  it('a workshop id that is not part of the round is refused', () => {
    const r = published();
    const bad = input({ workshops: [{ id: 'nope', title: 'X', description: '', moderatorId: null, capacity: 2, tag: '' }] });
    expect(codeOf(() => define(r, bad, ctx()))).toBe('breakout.workshop_not_found');
  });

  it('a capacity below the people seated is refused, with the figures (rule B4)', () => {
    let r = published();
    r = pick(pick(pick(r, 'a', 'w2'), 'b', 'w2'), 'c', 'w2');
    const smaller = input({
      workshops: [
        { id: 'w1', title: 'Mobilität', description: '', moderatorId: 'mod-a', capacity: 2, tag: '' },
        { id: 'w2', title: 'Energie', description: '', moderatorId: null, capacity: 2, tag: '' },
      ],
    });
    const err = refusal(() => define(r, smaller, ctx()));
    expect(err.code).toBe('breakout.capacity_below_seated');
    expect(err.details).toEqual({ seated: 3, capacity: 2 });
  });

  it('a raised capacity moves the waitlist up in order (rule B3)', () => {
    let r = published();
    for (const p of ['a', 'b', 'c', 'd', 'e']) r = pick(r, p, 'w1');
    expect(seated(r, 'w1')).toEqual(['a', 'b']);
    expect(waiting(r, 'w1')).toEqual(['c', 'd', 'e']);
    const bigger = define(
      r,
      input({
        workshops: [
          { id: 'w1', title: 'Mobilität', description: '', moderatorId: 'mod-a', capacity: 4, tag: '' },
          { id: 'w2', title: 'Energie', description: '', moderatorId: null, capacity: 3, tag: '' },
        ],
      }),
      ctx(),
    );
    expect(seated(bigger, 'w1')).toEqual(['a', 'b', 'c', 'd']);
    expect(waiting(bigger, 'w1')).toEqual(['e']);
  });

  it('an opened round cannot be redefined: round_live while live, closed afterwards', () => {
    const r = open(published(), [], T0);
    expect(codeOf(() => define(r, input(), ctx(T0 + MIN)))).toBe('breakout.round_live');
    expect(codeOf(() => define(r, input(), ctx(T0 + 31 * MIN + ROUND_CLOSING_MS)))).toBe('breakout.closed');
  });
});

describe('choose (rule B3)', () => {
  it('a free seat is taken; the result says seated and names the changed workshop', () => {
    const res = choose(published(), 'a', 'w2', { waitlist: true }, T0) as ChooseResult;
    expect(res.outcome).toEqual({ kind: 'seated' });
    expect(res.changed).toEqual(['w2']);
    expect(seated(res.round, 'w2')).toEqual(['a']);
  });

  it('a moderator takes no seat: their own room is theirs anyway, another one is refused (breakout.wrong_mode)', () => {
    expect(choose(published(), 'mod-a', 'w1', { waitlist: true }, T0)).toBe(UNCHANGED);
    expect(codeOf(() => choose(published(), 'mod-a', 'w2', { waitlist: true }, T0))).toBe('breakout.wrong_mode');
    expect(codeOf(() => move(published(), 'mod-a', 'w2', T0))).toBe('breakout.wrong_mode');
  });

  it('someone made moderator gives up the seat they held, and the waitlist there moves up (B4)', () => {
    let r = published();
    r = pick(pick(pick(r, 'x', 'w1'), 'b', 'w1'), 'c', 'w1'); // w1 has 2 seats: x, b seated; c waits
    const ctxNow = { now: T0, newId: () => 'new-id' };
    const redefined = define(
      r,
      {
        title: r.title,
        durationMs: r.durationMs,
        mode: r.mode,
        workshops: r.workshops.map((w) => ({ id: w.id, title: w.title, description: w.description, moderatorId: w.id === 'w2' ? 'x' : w.moderatorId, capacity: w.capacity, tag: w.tag })),
      },
      ctxNow,
    );
    expect(seated(redefined, 'w1')).toEqual(['b', 'c']);
    expect(waiting(redefined, 'w1')).toEqual([]);
  });

  it('a full workshop puts people on the waitlist in the order they came', () => {
    let r = published();
    r = pick(pick(r, 'a', 'w1'), 'b', 'w1');
    const c = choose(r, 'c', 'w1', { waitlist: true }, T0) as ChooseResult;
    expect(c.outcome).toEqual({ kind: 'waitlisted', position: 1 });
    const d = choose(c.round, 'd', 'w1', { waitlist: true }, T0) as ChooseResult;
    expect(d.outcome).toEqual({ kind: 'waitlisted', position: 2 });
    expect(waiting(d.round, 'w1')).toEqual(['c', 'd']);
  });

  it('full with waitlist:false → breakout.full with capacity and waitlist length; the old seat is kept', () => {
    let r = published();
    r = pick(r, 'x', 'w2'); // x sits in w2
    r = pick(pick(r, 'a', 'w1'), 'b', 'w1');
    const err = refusal(() => choose(r, 'x', 'w1', { waitlist: false }, T0));
    expect(err.code).toBe('breakout.full');
    expect(err.details).toEqual({ capacity: 2, waitlist: 0 });
    // Nothing was returned to write, so x still holds the seat in w2.
    expect(seated(r, 'w2')).toEqual(['x']);
  });

  it('choosing another workshop gives up the old seat in the same step and seats the first on its waitlist', () => {
    let r = published();
    r = pick(pick(pick(r, 'a', 'w1'), 'b', 'w1'), 'c', 'w1'); // c waits for w1
    const res = choose(r, 'a', 'w2', { waitlist: true }, T0) as ChooseResult;
    expect(seated(res.round, 'w1')).toEqual(['b', 'c']);
    expect(waiting(res.round, 'w1')).toEqual([]);
    expect(seated(res.round, 'w2')).toEqual(['a']);
    expect(res.changed.sort()).toEqual(['w1', 'w2']);
    // One seat per person, everywhere.
    const all = Object.values(res.round.seats).flatMap((s) => [...s.seated, ...s.waitlist]);
    expect(all.length).toBe(new Set(all).size);
  });

  it('choosing the same workshop again changes nothing', () => {
    const r = pick(published(), 'a', 'w1');
    expect(choose(r, 'a', 'w1', { waitlist: true }, T0)).toBe(UNCHANGED);
  });

  it('the moderator of a workshop does not take one of its seats', () => {
    expect(choose(published(), 'mod-a', 'w1', { waitlist: true }, T0)).toBe(UNCHANGED);
  });

  it('refused before publishing, in an assigned mode, for unknown rounds and workshops, and once closing', () => {
    const draft = define(null, { ...input(), roundId: 'r1' }, ctx(T0, ids('w')));
    expect(codeOf(() => choose(draft, 'a', 'w1', { waitlist: true }, T0))).toBe('breakout.not_published');
    expect(codeOf(() => choose(published({ mode: 'balanced' }), 'a', 'w1', { waitlist: true }, T0))).toBe('breakout.wrong_mode');
    expect(codeOf(() => choose(null, 'a', 'w1', { waitlist: true }, T0))).toBe('breakout.round_not_found');
    expect(codeOf(() => choose(published(), 'a', 'zz', { waitlist: true }, T0))).toBe('breakout.workshop_not_found');
    const closing = close(open(published(), [], T0), T0 + MIN) as Round;
    expect(codeOf(() => choose(closing, 'a', 'w1', { waitlist: true }, T0 + MIN))).toBe('breakout.closed');
  });
});

describe('leave', () => {
  it('leaving frees the seat for the first on the waitlist; leaving the waitlist shortens it', () => {
    let r = published();
    for (const p of ['a', 'b', 'c', 'd']) r = pick(r, p, 'w1');
    const left = leave(r, 'a', T0) as SeatChange;
    expect(left.changed).toEqual(['w1']);
    expect(left.round.seats.w1).toEqual({ seated: ['b', 'c'], waitlist: ['d'] });
    const off = leave(left.round, 'd', T0) as SeatChange;
    expect(off.round.seats.w1).toEqual({ seated: ['b', 'c'], waitlist: [] });
    expect(leave(off.round, 'nobody', T0)).toBe(UNCHANGED);
  });

  it('in a round the hosts assign, a participant cannot leave their seat (breakout.wrong_mode); the server still can', () => {
    const r = move(published({ mode: 'manual' }), 'a', 'w1', T0) as SeatChange;
    expect(codeOf(() => leaveChosen(r.round, 'a', T0))).toBe('breakout.wrong_mode');
    expect(seated((leave(r.round, 'a', T0) as SeatChange).round, 'w1')).toEqual([]);
  });
});

describe('move (host)', () => {
  it('places a person, taking them out of any other seat or waitlist (rule B3)', () => {
    let r = published();
    r = pick(pick(pick(r, 'a', 'w1'), 'b', 'w1'), 'c', 'w1');
    const moved = move(r, 'a', 'w2', T0) as SeatChange;
    expect(moved.round.seats.w1).toEqual({ seated: ['b', 'c'], waitlist: [] });
    expect(seated(moved.round, 'w2')).toEqual(['a']);
    const fromWaitlist = move(pick(moved.round, 'd', 'w1'), 'd', 'w2', T0) as SeatChange;
    expect(fromWaitlist.round.seats.w1!.waitlist).toEqual([]);
    expect(seated(fromWaitlist.round, 'w2')).toEqual(['a', 'd']);
  });

  it('never beyond capacity, also for hosts and also while live (rule B4)', () => {
    let r = published();
    r = pick(pick(r, 'a', 'w1'), 'b', 'w1');
    const err = refusal(() => move(r, 'x', 'w1', T0));
    expect(err.code).toBe('breakout.full');
    expect(err.details).toEqual({ capacity: 2, waitlist: 0 });
    const live = open(r, [], T0);
    expect(codeOf(() => move(live, 'x', 'w1', T0 + MIN))).toBe('breakout.full');
    // While live, a move changes the room at once.
    const m = move(live, 'x', 'w2', T0 + MIN) as SeatChange;
    expect(seated(m.round, 'w2')).toEqual(['x']);
  });

  it('null takes the person out of every workshop; a seated person moved to the same workshop is unchanged', () => {
    const r = pick(published(), 'a', 'w1');
    expect(move(r, 'a', 'w1', T0)).toBe(UNCHANGED);
    const out = move(r, 'a', null, T0) as SeatChange;
    expect(seated(out.round, 'w1')).toEqual([]);
  });
});

describe('applyAssignment', () => {
  it('in choose mode only fills: who chose meanwhile keeps the seat and is not placed twice; waitlists lose the placed (rule B3, B4)', () => {
    let r = published();
    r = pick(pick(pick(r, 'a', 'w1'), 'b', 'w1'), 'c', 'w1'); // c waits for w1
    // Computed earlier, from a read where 'a' had no seat yet.
    const rooms = new Map([
      ['w1', ['z']],
      ['w2', ['a', 'c', 'd']],
    ]);
    const next = applyAssignment(r, { rooms, unplaced: [] }, T0);
    expect(seated(next, 'w1')).toEqual(['a', 'b']); // full: z does not fit
    expect(seated(next, 'w2')).toEqual(['c', 'd']);
    expect(waiting(next, 'w1')).toEqual([]); // c is seated now: a later leave must not seat c twice
    const all = Object.values(next.seats).flatMap((s) => s.seated);
    expect(all.length).toBe(new Set(all).size);
  });

  it('in an assigned mode it replaces every seat', () => {
    const r = (move(published({ mode: 'balanced' }), 'old', 'w1', T0) as SeatChange).round;
    const next = applyAssignment(r, { rooms: new Map([['w2', ['a', 'b']]]), unplaced: [] }, T0);
    expect(next.seats).toEqual({ w1: { seated: [], waitlist: [] }, w2: { seated: ['a', 'b'], waitlist: [] } });
  });
});

describe('open (rule B2)', () => {
  it('moves everyone at once: openedAt now, endsAt after the duration; unpublished rounds are published with it', () => {
    const draft = define(null, { ...input(), roundId: 'r1' }, ctx(T0, ids('w')));
    const r = open(draft, [], T0 + 5);
    expect(r).toMatchObject({ publishedAt: T0 + 5, openedAt: T0 + 5, endsAt: T0 + 5 + 30 * MIN, closingAt: null });
    expect(roundPhase(r, T0 + 5)).toBe('open');
  });

  it('another live round → breakout.another_live; a closed one does not count', () => {
    const first = open(published(), [], T0);
    const second = { ...published(), id: 'r2' };
    expect(codeOf(() => open(second, [first, second], T0 + MIN))).toBe('breakout.another_live');
    // During the first round's closing warning it is still live.
    const closing = close(first, T0 + MIN) as Round;
    expect(codeOf(() => open(second, [closing], T0 + MIN + 1))).toBe('breakout.another_live');
    const after = closesAt(closing)!;
    expect(open(second, [closing], after).openedAt).toBe(after);
  });

  it('opening twice → breakout.round_live; after it closed → breakout.closed', () => {
    const r = open(published(), [], T0);
    expect(codeOf(() => open(r, [r], T0 + 1))).toBe('breakout.round_live');
    expect(codeOf(() => open(r, [r], T0 + 31 * MIN + ROUND_CLOSING_MS))).toBe('breakout.closed');
  });
});

describe('extend and shorten', () => {
  it('moves endsAt by the delta', () => {
    const r = open(published(), [], T0);
    expect(extend(r, 5 * MIN, T0 + MIN).endsAt).toBe(T0 + 35 * MIN);
    expect(extend(r, -10 * MIN, T0 + MIN).endsAt).toBe(T0 + 20 * MIN);
  });

  it('never ends in the past: shortening past now ends at now, which starts the warning (rule B5)', () => {
    const r = open(published(), [], T0);
    const short = extend(r, -60 * MIN, T0 + 2 * MIN);
    expect(short.endsAt).toBe(T0 + 2 * MIN);
    expect(roundPhase(short, T0 + 2 * MIN)).toBe('closing');
    expect(closesAt(short)).toBe(T0 + 2 * MIN + ROUND_CLOSING_MS);
  });

  it('refused before opening (not_live) and once the warning runs (closed)', () => {
    expect(codeOf(() => extend(published(), MIN, T0))).toBe('breakout.not_live');
    const closing = close(open(published(), [], T0), T0 + MIN) as Round;
    expect(codeOf(() => extend(closing, MIN, T0 + MIN + 1))).toBe('breakout.closed');
  });

  it('a round whose time ran out gets more time during its warning; a shortening is refused then (rule B5)', () => {
    const r = open(published(), [], T0);
    const overtime = T0 + 30 * MIN + 10_000;
    expect(roundPhase(r, overtime)).toBe('closing');
    const more = extend(r, 5 * MIN, overtime);
    expect(more.endsAt).toBe(overtime + 5 * MIN);
    expect(roundPhase(more, overtime)).toBe('open');
    expect(codeOf(() => extend(r, -MIN, overtime))).toBe('breakout.closed');
  });
});

describe('close (rule B5)', () => {
  it('starts the 60-second warning now; the phases follow from the time alone', () => {
    const r = close(open(published(), [], T0), T0 + 10 * MIN) as Round;
    expect(r.closingAt).toBe(T0 + 10 * MIN);
    expect(roundPhase(r, T0 + 10 * MIN - 1)).toBe('open');
    expect(roundPhase(r, T0 + 10 * MIN)).toBe('closing');
    expect(roundPhase(r, T0 + 10 * MIN + ROUND_CLOSING_MS - 1)).toBe('closing');
    expect(roundPhase(r, T0 + 10 * MIN + ROUND_CLOSING_MS)).toBe('closed');
  });

  it('closing twice changes nothing; a round that ran out is closing by itself; before opening → not_live', () => {
    const r = close(open(published(), [], T0), T0 + MIN) as Round;
    expect(close(r, T0 + MIN + 1)).toBe(UNCHANGED);
    const ranOut = open(published(), [], T0);
    expect(roundPhase(ranOut, T0 + 30 * MIN)).toBe('closing');
    expect(close(ranOut, T0 + 30 * MIN)).toBe(UNCHANGED);
    expect(codeOf(() => close(published(), T0))).toBe('breakout.not_live');
    expect(codeOf(() => close(ranOut, T0 + 31 * MIN))).toBe('breakout.closed');
  });

  it('the warning starts at min(closingAt, endsAt): a close after the time ran out does not postpone it', () => {
    const r = open(published(), [], T0);
    const late = { ...r, closingAt: T0 + 40 * MIN };
    expect(roundPhase(late, T0 + 30 * MIN)).toBe('closing');
    expect(closesAt(late)).toBe(T0 + 30 * MIN + ROUND_CLOSING_MS);
  });
});

describe('delete', () => {
  it('only a round that never opened can be deleted: round_live while live, closed after (it stays for the documentation)', () => {
    const r = open(published(), [], T0);
    expect(codeOf(() => remove(r, T0 + MIN))).toBe('breakout.round_live');
    expect(remove(published(), T0)).toBeNull();
    expect(codeOf(() => remove(r, T0 + 31 * MIN + ROUND_CLOSING_MS))).toBe('breakout.closed');
    expect(codeOf(() => remove(null, T0))).toBe('breakout.round_not_found');
  });
});

describe('visit, help', () => {
  it('a host visits a room while the round is live and comes back with null', () => {
    const r = open(published(), [], T0);
    const v = visit(r, 'host', 'w2', T0 + 1) as Round;
    expect(v.visits).toEqual({ host: 'w2' });
    expect(visit(v, 'host', 'w2', T0 + 2)).toBe(UNCHANGED);
    expect((visit(v, 'host', null, T0 + 3) as Round).visits).toEqual({});
    expect(visit(r, 'host', null, T0 + 3)).toBe(UNCHANGED);
    expect(codeOf(() => visit(published(), 'host', 'w2', T0))).toBe('breakout.not_live');
    expect(codeOf(() => visit(r, 'host', 'zz', T0))).toBe('breakout.workshop_not_found');
  });

  it('help is called from one’s own room: one request per room, the newest caller named; hosts clear it', () => {
    let r = open(pick(pick(published(), 'a', 'w2'), 'b', 'w2'), [], T0);
    r = askForHelp(r, 'a', T0 + 1);
    r = askForHelp(r, 'b', T0 + 2);
    r = askForHelp(r, 'mod-a', T0 + 3);
    expect(r.help).toEqual([
      { workshopId: 'w2', by: 'b', at: T0 + 2 },
      { workshopId: 'w1', by: 'mod-a', at: T0 + 3 },
    ]);
    expect(codeOf(() => askForHelp(r, 'outsider', T0 + 4))).toBe('breakout.not_in_room');
    expect(codeOf(() => askForHelp(published(), 'a', T0))).toBe('breakout.not_live');
    const done = helpDone(r, 'w2') as Round;
    expect(done.help.map((h) => h.workshopId)).toEqual(['w1']);
    expect(helpDone(done, 'w2')).toBe(UNCHANGED);
  });
});

describe('editWorkshop', () => {
  const edit = { title: 'Verkehrswende', description: 'Neu' };

  it('hosts and that room’s moderator may edit it; others get auth.forbidden', () => {
    const r = published();
    const byMod = editWorkshop(r, 'w1', edit, { id: 'mod-a', isHost: false }) as Round;
    expect(byMod.workshops[0]).toMatchObject(edit);
    expect(editWorkshop(r, 'w2', edit, { id: 'h', isHost: true })).not.toBe(UNCHANGED);
    expect(codeOf(() => editWorkshop(r, 'w2', edit, { id: 'mod-a', isHost: false }))).toBe('auth.forbidden');
    expect(codeOf(() => editWorkshop(r, 'w1', edit, { id: 'a', isHost: false }))).toBe('auth.forbidden');
    expect(editWorkshop(byMod, 'w1', edit, { id: 'mod-a', isHost: false })).toBe(UNCHANGED);
  });
});
