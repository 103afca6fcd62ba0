/**
 * Where a person who joins lands: a pending CSV row, or (balanced and rotate
 * rounds that are open) the least-full workshop with a free seat. Rule B1: the
 * room follows from the seat, so a seat here is the room the client shows.
 */
import { describe, expect, it } from 'vitest';
import { roomOf, type Round } from '@mashup/shared';
import { UNCHANGED } from '../context.js';
import { leastFullWorkshop, placeOnJoin, type JoinPlacement, type Joiner } from './join.js';

const NOW = 1_700_000_000_000;

function round(over: Partial<Round> = {}): Round {
  return {
    id: 'r1',
    title: 'Runde',
    durationMs: 3_600_000,
    mode: 'balanced',
    createdAt: 0,
    workshops: [
      { id: 'a', title: 'A', description: '', moderatorId: null, capacity: 2, tag: '' },
      { id: 'b', title: 'B', description: '', moderatorId: null, capacity: 3, tag: '' },
      { id: 'c', title: 'C', description: '', moderatorId: null, capacity: 2, tag: '' },
    ],
    seats: { a: { seated: ['p1'], waitlist: [] }, b: { seated: ['p2', 'p3'], waitlist: [] }, c: { seated: ['p4'], waitlist: [] } },
    publishedAt: NOW - 60_000,
    openedAt: NOW - 1000,
    endsAt: NOW + 3_600_000,
    closingAt: null,
    help: [],
    visits: {},
    pending: [],
    ...over,
  };
}

const joiner = (over: Partial<Joiner> = {}): Joiner => ({
  id: 'new',
  name: 'Nora Neu',
  org: 'Kiel',
  role: 'participant',
  newcomer: true,
  ...over,
});

const placed = (r: JoinPlacement | typeof UNCHANGED) => {
  if (r === UNCHANGED) throw new Error('expected a placement');
  return r;
};

describe('late joiners in automatic modes', () => {
  it('a participant joining an open balanced round lands in the least-full workshop with a free seat (first on a tie)', () => {
    const r = placed(placeOnJoin(round(), joiner(), NOW));
    expect(r.workshopId).toBe('a');
    expect(r.changed).toEqual(['a']);
    expect(roomOf('new', [r.round], NOW)).toBe('a');
  });

  it('full workshops are skipped; when every seat is taken the joiner stays in the plenary', () => {
    const fullA = round({ seats: { a: { seated: ['p1', 'p5'], waitlist: [] }, b: { seated: ['p2', 'p3'], waitlist: [] }, c: { seated: ['p4', 'p6'], waitlist: [] } } });
    expect(leastFullWorkshop(fullA)).toBe('b');
    const allFull = round({ seats: { a: { seated: ['1', '2'], waitlist: [] }, b: { seated: ['3', '4', '5'], waitlist: [] }, c: { seated: ['6', '7'], waitlist: [] } } });
    expect(placeOnJoin(allFull, joiner(), NOW)).toBe(UNCHANGED);
  });

  it('also in rotate mode; not in choose, manual or keep mode, not before opening, not in the closing minute, not for hosts or the already seated', () => {
    expect(placed(placeOnJoin(round({ mode: 'rotate' }), joiner(), NOW)).workshopId).toBe('a');
    for (const mode of ['choose', 'manual', 'keep'] as const) expect(placeOnJoin(round({ mode }), joiner(), NOW)).toBe(UNCHANGED);
    expect(placeOnJoin(round({ openedAt: null, endsAt: null }), joiner(), NOW)).toBe(UNCHANGED);
    expect(placeOnJoin(round({ closingAt: NOW - 1 }), joiner(), NOW)).toBe(UNCHANGED);
    expect(placeOnJoin(round(), joiner({ role: 'host' }), NOW)).toBe(UNCHANGED);
    expect(placeOnJoin(round(), joiner({ id: 'p2' }), NOW)).toBe(UNCHANGED);
  });

  it('a reload is not a late join: someone a host took out of every workshop stays in the plenary', () => {
    expect(placeOnJoin(round(), joiner({ newcomer: false }), NOW)).toBe(UNCHANGED);
  });
});

describe('pending CSV rows', () => {
  const pending = [
    { name: 'Nora Neu', org: 'Jena', workshopId: 'c' },
    { name: 'nora  neu', org: 'kiel', workshopId: 'b' },
  ];

  it('the row naming the joiner and their Kommune seats them there and is used up, before the round opens too', () => {
    const r = placed(placeOnJoin(round({ mode: 'manual', openedAt: null, endsAt: null, pending }), joiner(), NOW));
    expect(r.how).toBe('pending');
    expect(r.round.seats.b!.seated).toEqual(['p2', 'p3', 'new']);
    expect(r.round.pending).toEqual([pending[0]]);
  });

  it('a row without a Kommune matches by name; a row for another Kommune does not', () => {
    expect(placed(placeOnJoin(round({ mode: 'choose', pending: [{ name: 'Nora Neu', org: '', workshopId: 'c' }] }), joiner(), NOW)).workshopId).toBe('c');
    expect(placeOnJoin(round({ mode: 'choose', pending: [pending[0]!] }), joiner(), NOW)).toBe(UNCHANGED);
  });

  it('when the kept seat was taken meanwhile, the joiner waits first in line instead of overfilling the room (rule B4)', () => {
    const r = placed(placeOnJoin(round({ mode: 'choose', pending: [{ name: 'Nora Neu', org: '', workshopId: 'b' }], seats: { a: { seated: [], waitlist: [] }, b: { seated: ['1', '2', '3'], waitlist: [] }, c: { seated: [], waitlist: [] } } }), joiner(), NOW));
    expect(r.round.seats.b).toEqual({ seated: ['1', '2', '3'], waitlist: ['new'] });
  });
});
