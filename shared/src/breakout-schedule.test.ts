/**
 * Where everyone is, from the rounds and the time alone (rule B1), through
 * every phase of a round (rule B5). Server and client run these same functions.
 */
import { describe, expect, it } from 'vitest';
import {
  closesAt,
  closingStartsAt,
  inWorkshops,
  liveRound,
  nextRoomChangeAt,
  ROUND_CLOSING_MS,
  roomOf,
  roundPhase,
  roundRemainingMs,
  workshopMembers,
  workshopOf,
} from './breakout-schedule.js';
import { PLENARY_ROOM } from './protocol/model.js';
import type { Round } from './protocol/breakouts.js';

const T0 = 1_700_000_000_000;
const MIN = 60_000;

function round(over: Partial<Round> = {}): Round {
  return {
    id: 'r1',
    title: 'Runde 1',
    durationMs: 30 * MIN,
    mode: 'choose',
    createdAt: T0 - 10 * MIN,
    workshops: [
      { id: 'w1', title: 'Mobilität', description: '', moderatorId: 'mod1', capacity: 3, tag: '' },
      { id: 'w2', title: 'Energie', description: '', moderatorId: null, capacity: 3, tag: '' },
    ],
    seats: { w1: { seated: ['a', 'b'], waitlist: ['c'] }, w2: { seated: ['d'], waitlist: [] } },
    publishedAt: T0 - 5 * MIN,
    openedAt: T0,
    endsAt: T0 + 30 * MIN,
    closingAt: null,
    help: [],
    visits: {},
    pending: [],
    ...over,
  };
}

describe('roomOf through the phases (rules B1, B5)', () => {
  it('draft and published rounds keep everyone in the plenary', () => {
    const draft = round({ publishedAt: null, openedAt: null, endsAt: null });
    const published = round({ openedAt: null, endsAt: null });
    expect(roundPhase(draft, T0)).toBe('draft');
    expect(roundPhase(published, T0)).toBe('published');
    expect(roomOf('a', [draft], T0)).toBe(PLENARY_ROOM);
    expect(roomOf('a', [published], T0)).toBe(PLENARY_ROOM);
    expect(roundRemainingMs(published, T0)).toBe(30 * MIN);
  });

  it('open: the seated and the moderator are in their workshop; the waitlist and everyone else in the plenary', () => {
    const r = round();
    expect(roundPhase(r, T0)).toBe('open');
    expect(roomOf('a', [r], T0)).toBe('w1');
    expect(roomOf('mod1', [r], T0)).toBe('w1');
    expect(roomOf('d', [r], T0)).toBe('w2');
    expect(roomOf('c', [r], T0)).toBe(PLENARY_ROOM);
    expect(roomOf('stranger', [r], T0)).toBe(PLENARY_ROOM);
    expect(roundRemainingMs(r, T0 + 10 * MIN)).toBe(20 * MIN);
  });

  it('closing: the 60-s warning starts at endsAt; people stay in their rooms until closesAt, then the plenary', () => {
    const r = round();
    expect(closingStartsAt(r)).toBe(T0 + 30 * MIN);
    expect(closesAt(r)).toBe(T0 + 30 * MIN + ROUND_CLOSING_MS);
    const warn = T0 + 30 * MIN;
    expect(roundPhase(r, warn - 1)).toBe('open');
    expect(roundPhase(r, warn)).toBe('closing');
    expect(roomOf('a', [r], warn + ROUND_CLOSING_MS - 1)).toBe('w1');
    expect(roundPhase(r, warn + ROUND_CLOSING_MS)).toBe('closed');
    expect(roomOf('a', [r], warn + ROUND_CLOSING_MS)).toBe(PLENARY_ROOM);
    expect(roundRemainingMs(r, warn + 5)).toBe(0);
  });

  it('a host close starts the warning at closingAt; min(closingAt, endsAt) wins', () => {
    const early = round({ closingAt: T0 + 10 * MIN });
    expect(closingStartsAt(early)).toBe(T0 + 10 * MIN);
    expect(roomOf('a', [early], T0 + 10 * MIN + ROUND_CLOSING_MS - 1)).toBe('w1');
    expect(roomOf('a', [early], T0 + 10 * MIN + ROUND_CLOSING_MS)).toBe(PLENARY_ROOM);
    const late = round({ closingAt: T0 + 45 * MIN });
    expect(closesAt(late)).toBe(T0 + 30 * MIN + ROUND_CLOSING_MS);
  });

  it('only the live round counts: a closed earlier round leaves no one behind', () => {
    const earlier = round({ id: 'r0', openedAt: T0 - 60 * MIN, endsAt: T0 - 30 * MIN, seats: { w1: { seated: ['z'], waitlist: [] } } });
    const now = round();
    expect(liveRound([earlier, now], T0 + 1)?.id).toBe('r1');
    expect(roomOf('z', [earlier, now], T0 + 1)).toBe(PLENARY_ROOM);
    expect(liveRound([earlier], T0)).toBeNull();
  });
});

describe('visits and moderators', () => {
  it('a visiting host is in the visited room, also when seated or moderating elsewhere; null visit = back', () => {
    const r = round({ visits: { host: 'w2', mod1: 'w2', a: 'w2' } });
    expect(roomOf('host', [r], T0)).toBe('w2');
    expect(roomOf('mod1', [r], T0)).toBe('w2');
    expect(roomOf('a', [r], T0)).toBe('w2');
    expect(workshopOf(r, 'host')?.id).toBe('w2');
    expect(workshopMembers(r, 'w1')).toEqual(['b']);
    expect(workshopMembers(r, 'w2').sort()).toEqual(['a', 'd', 'host', 'mod1']);
  });

  it('workshopMembers: moderator, seated and visitors, each once; unknown workshops have none', () => {
    const r = round({ visits: { host: 'w1' } });
    expect(workshopMembers(r, 'w1').sort()).toEqual(['a', 'b', 'host', 'mod1']);
    expect(workshopMembers(r, 'w2')).toEqual(['d']);
    expect(workshopMembers(r, 'nope')).toEqual([]);
    expect([...inWorkshops(r)].sort()).toEqual(['a', 'b', 'd', 'host', 'mod1']);
  });

  it('everyone in a workshop is in exactly one room: members of different rooms never overlap', () => {
    const r = round({ visits: { host: 'w2', a: 'w2' } });
    const w1 = new Set(workshopMembers(r, 'w1'));
    for (const p of workshopMembers(r, 'w2')) expect(w1.has(p)).toBe(false);
    for (const p of inWorkshops(r)) expect([...w1, ...workshopMembers(r, 'w2')].filter((x) => x === p)).toHaveLength(1);
  });

  it('inWorkshops is exactly the people whose workshopOf is a workshop (visits, moderators, seats, a visit to a gone room)', () => {
    const cases = [
      round(),
      round({ visits: { host: 'w2', a: 'w2', mod1: 'w2' } }),
      round({ visits: { a: 'gone', host: 'w1' } }),
    ];
    for (const r of cases) {
      const everyone = ['a', 'b', 'c', 'd', 'host', 'mod1', 'nobody'];
      expect([...inWorkshops(r)].sort()).toEqual(everyone.filter((p) => workshopOf(r, p) !== null).sort());
    }
  });
});

describe('nextRoomChangeAt', () => {
  it('the start of the warning, then its end, then nothing', () => {
    const r = round();
    expect(nextRoomChangeAt([r], T0)).toBe(T0 + 30 * MIN);
    expect(nextRoomChangeAt([r], T0 + 30 * MIN)).toBe(T0 + 30 * MIN + ROUND_CLOSING_MS);
    expect(nextRoomChangeAt([r], T0 + 30 * MIN + ROUND_CLOSING_MS)).toBeNull();
  });
});
