import { describe, expect, it } from 'vitest';
import { UNCHANGED } from '../context.js';
import {
  assignBalanced,
  assignKeepGroups,
  assignRotation,
  recordEncounters,
  repeatedPairings,
  type Encounters,
  type RoomSlot,
} from './assignment.js';
import { seededRandom } from './random.js';
import { choose, leave, outcomeFor, type Seats } from './seats.js';

const people = (n: number) => Array.from({ length: n }, (_, i) => `p${String(i).padStart(3, '0')}`);
const rooms = (n: number, capacity = Infinity): RoomSlot[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, capacity }));
const sizes = (a: { rooms: Map<string, string[]> }) => [...a.rooms.values()].map((m) => m.length);
const everyoneOnce = (a: { rooms: Map<string, string[]>; unplaced: string[] }) => [...[...a.rooms.values()].flat(), ...a.unplaced].sort();

describe('balanced assignment', () => {
  it.each([
    [40, 5],
    [41, 5],
    [7, 3],
    [200, 20],
    [3, 5],
  ])('%i people in %i rooms: sizes within ±1, everyone exactly once', (n, r) => {
    const a = assignBalanced(people(n), rooms(r), seededRandom(n * 31 + r));
    expect(Math.max(...sizes(a)) - Math.min(...sizes(a))).toBeLessThanOrEqual(1);
    expect(everyoneOnce(a)).toEqual(people(n));
    expect(a.unplaced).toEqual([]);
  });

  it('never exceeds a capacity: whoever does not fit is returned as unplaced', () => {
    const a = assignBalanced(people(25), [{ id: 'small', capacity: 3 }, { id: 'big', capacity: 20 }], seededRandom(1));
    expect(a.rooms.get('small')).toHaveLength(3);
    expect(a.rooms.get('big')).toHaveLength(20);
    expect(a.unplaced).toHaveLength(2);
    expect(everyoneOnce(a)).toEqual(people(25));
  });
});

describe('keep the groups of an earlier round', () => {
  it('people who were together stay together; newcomers are spread evenly', () => {
    const before = assignBalanced(people(20), rooms(4), seededRandom(7));
    const previous = new Map<string, string>();
    for (const [room, members] of before.rooms) for (const p of members) previous.set(p, room);
    const now = assignKeepGroups([...people(20), 'new1', 'new2', 'new3', 'new4'], previous, rooms(4), seededRandom(8));
    for (const members of before.rooms.values()) {
      const targets = new Set(members.map((p) => [...now.rooms].find(([, m]) => m.includes(p))![0]));
      expect(targets.size).toBe(1);
    }
    expect(sizes(now)).toEqual([6, 6, 6, 6]);
  });
});

describe('rotation ("World Café")', () => {
  it('a large event (500 people, 4 rooms) stops improving at its lookup budget and still places everyone evenly', () => {
    const people = Array.from({ length: 500 }, (_, i) => `p${i}`);
    const rooms = ['a', 'b', 'c', 'd'].map((id) => ({ id, capacity: 125 }));
    const encounters: Encounters = new Map();
    recordEncounters(encounters, assignBalanced(people, rooms, seededRandom(1)).rooms.values());
    const { rooms: placed, unplaced } = assignRotation(people, rooms, encounters, seededRandom(2), 20, 100_000);
    expect(unplaced).toEqual([]);
    expect([...placed.values()].map((m) => m.length)).toEqual([125, 125, 125, 125]);
    expect(new Set([...placed.values()].flat()).size).toBe(500);
  });

  /*
   * What is possible: rooms of 8 drawn from 5 earlier rooms must hold at least
   * two pairs of people from the same earlier room (8 people, 5 origins:
   * 2+2+2+1+1 → 3 pairs), so round 2 has at least 5 × 3 = 15 repeats; round 3
   * must avoid both earlier groupings, ≥ 3 + 3 per room → about 30 more. About
   * 45 over three rounds is the floor; random assignment gives about 68.
   */
  it('3 rounds of 40 people in 5 rooms: repeated pairings at the structural floor, far below random', () => {
    const run = (strategy: 'rotation' | 'random', seed: number) => {
      const encounters: Encounters = new Map();
      const random = seededRandom(seed);
      const perRound: number[] = [];
      for (let round = 0; round < 3; round++) {
        const a =
          strategy === 'rotation'
            ? assignRotation(people(40), rooms(5), encounters, random)
            : assignBalanced(people(40), rooms(5), random);
        expect(Math.max(...sizes(a)) - Math.min(...sizes(a))).toBeLessThanOrEqual(1);
        recordEncounters(encounters, a.rooms.values());
        perRound.push(repeatedPairings(encounters));
      }
      return perRound;
    };
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const rotation = seeds.map((s) => run('rotation', s));
    const random = seeds.map((s) => run('random', s));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rotTotal = mean(rotation.map((r) => r[2]!));
    const randTotal = mean(random.map((r) => r[2]!));
    // The figure the issue asks for (printed for the closing note).
    console.log(`repeated pairings after 3 rounds × 40 people × 5 rooms, 10 seeds: rotation ${rotTotal}, random ${randTotal}`);
    for (const r of rotation) expect(r[1]).toBe(15); // round 2 reaches the pigeonhole minimum every time
    expect(Math.max(...rotation.map((r) => r[2]!))).toBeLessThanOrEqual(50);
    expect(rotTotal).toBeLessThan(randTotal * 0.75);
  });
});

describe('seats and waitlist', () => {
  const empty = (capacity: number): Seats => ({ capacity, seated: [], waitlist: [] });

  it('seats until full, then the waitlist in order; choosing twice changes nothing', () => {
    let s = empty(2);
    s = choose(s, 'a', { waitlist: true }) as Seats;
    s = choose(s, 'b', { waitlist: true }) as Seats;
    s = choose(s, 'c', { waitlist: true }) as Seats;
    s = choose(s, 'd', { waitlist: true }) as Seats;
    expect(s).toEqual({ capacity: 2, seated: ['a', 'b'], waitlist: ['c', 'd'] });
    expect(outcomeFor(s, 'd')).toEqual({ kind: 'waitlisted', position: 2 });
    expect(choose(s, 'a', { waitlist: true })).toBe(UNCHANGED);
    expect(choose(s, 'e', { waitlist: false })).toBe('full');
  });

  it('whoever leaves frees the seat for the first on the waitlist', () => {
    let s: Seats = { capacity: 2, seated: ['a', 'b'], waitlist: ['c', 'd'] };
    s = leave(s, 'a') as Seats;
    expect(s).toEqual({ capacity: 2, seated: ['b', 'c'], waitlist: ['d'] });
    s = leave(s, 'd') as Seats;
    expect(s.waitlist).toEqual([]);
    expect(leave(s, 'zzz')).toBe(UNCHANGED);
  });

  it('a lowered capacity never seats beyond it', () => {
    const s = leave({ capacity: 1, seated: ['a', 'b'], waitlist: ['c'] }, 'a') as Seats;
    expect(s).toEqual({ capacity: 1, seated: ['b'], waitlist: ['c'] });
  });
});
