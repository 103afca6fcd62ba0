/**
 * Who goes into which workshop room. Pure: people, rooms and (for rotation) who
 * has met whom in, an assignment out. Capacity is never exceeded; whoever does
 * not fit is returned as `unplaced` for the caller to handle (waitlist, plenary).
 */
import { shuffled, type Random } from './random.js';

export interface RoomSlot {
  id: string;
  /** Seats; Infinity for no limit. */
  capacity: number;
}

export interface Assignment {
  rooms: Map<string, string[]>;
  unplaced: string[];
}

function emptyRooms(rooms: readonly RoomSlot[]): Map<string, string[]> {
  return new Map(rooms.map((r) => [r.id, []]));
}

/** The room with the fewest people that still has a seat; ties go to the earlier room. */
function leastFull(rooms: readonly RoomSlot[], placed: Map<string, string[]>): RoomSlot | null {
  let best: RoomSlot | null = null;
  for (const r of rooms) {
    const n = placed.get(r.id)!.length;
    if (n >= r.capacity) continue;
    if (!best || n < placed.get(best.id)!.length) best = r;
  }
  return best;
}

/**
 * Random and balanced: sizes differ by at most one wherever capacities allow
 * (a small room that is full stops growing; the others share the rest evenly).
 */
export function assignBalanced(people: readonly string[], rooms: readonly RoomSlot[], random: Random): Assignment {
  const placed = emptyRooms(rooms);
  const unplaced: string[] = [];
  for (const p of shuffled(people, random)) {
    const room = leastFull(rooms, placed);
    if (room) placed.get(room.id)!.push(p);
    else unplaced.push(p);
  }
  return { rooms: placed, unplaced };
}

/**
 * Keep the groups of an earlier round: everyone who was together stays
 * together. The i-th earlier group goes into the i-th room (as far as it fits);
 * newcomers are spread over the rooms as evenly as possible.
 */
export function assignKeepGroups(
  people: readonly string[],
  previous: ReadonlyMap<string, string>,
  rooms: readonly RoomSlot[],
  random: Random,
): Assignment {
  const placed = emptyRooms(rooms);
  const groups = new Map<string, string[]>();
  const newcomers: string[] = [];
  for (const p of people) {
    const g = previous.get(p);
    if (g === undefined) newcomers.push(p);
    else groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  const unplaced: string[] = [];
  [...groups.keys()].sort().forEach((g, i) => {
    const room = rooms[i % rooms.length];
    for (const p of groups.get(g)!) {
      if (room && placed.get(room.id)!.length < room.capacity) placed.get(room.id)!.push(p);
      else newcomers.push(p); // a group larger than its new room: the rest is spread like newcomers
    }
  });
  for (const p of shuffled(newcomers, random)) {
    const room = leastFull(rooms, placed);
    if (room) placed.get(room.id)!.push(p);
    else unplaced.push(p);
  }
  return { rooms: placed, unplaced };
}

/** How often two people have been in the same room so far ("a|b" with a < b). */
export type Encounters = Map<string, number>;

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function recordEncounters(encounters: Encounters, rooms: Iterable<readonly string[]>): void {
  for (const members of rooms) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const k = pairKey(members[i]!, members[j]!);
        encounters.set(k, (encounters.get(k) ?? 0) + 1);
      }
    }
  }
}

/** Pairs who met more than once, counted once per extra meeting. */
export function repeatedPairings(encounters: Encounters): number {
  let n = 0;
  for (const c of encounters.values()) n += Math.max(0, c - 1);
  return n;
}

/**
 * Rotate to maximise new encounters ("World Café"): people are placed one by
 * one where they know the fewest members already (ties: the emptier room),
 * keeping sizes balanced; then pairwise swaps that lower the number of
 * repeated meetings are applied until none helps (bounded by `maxPasses` and
 * by `maxLookups`, the encounter lookups the swaps may make: one pass over 500
 * people in 4 rooms would need ~47 million and hold the server's event loop
 * for seconds; 1 million take ~0.2 s on our machines, and the greedy placement
 * alone already gets most of the benefit).
 */
export function assignRotation(
  people: readonly string[],
  rooms: readonly RoomSlot[],
  encounters: Encounters,
  random: Random,
  maxPasses = 20,
  maxLookups = 1_000_000,
): Assignment {
  const base = assignBalanced(people, rooms, random); // decides sizes and who is unplaced
  const sizes = new Map([...base.rooms].map(([id, m]) => [id, m.length]));
  const met = (a: string, b: string) => encounters.get(pairKey(a, b)) ?? 0;
  const placed = emptyRooms(rooms);
  for (const p of shuffled(people.filter((x) => !base.unplaced.includes(x)), random)) {
    let best: string | null = null;
    let bestCost = Infinity;
    for (const r of rooms) {
      const members = placed.get(r.id)!;
      if (members.length >= sizes.get(r.id)!) continue;
      const cost = members.reduce((sum, m) => sum + met(p, m), 0) * 1000 + members.length;
      if (cost < bestCost) {
        bestCost = cost;
        best = r.id;
      }
    }
    placed.get(best!)!.push(p);
  }
  // Local improvement: swap two people of different rooms when it lowers repeated meetings.
  const costIn = (p: string, members: readonly string[], except: string) =>
    members.reduce((sum, m) => (m === p || m === except ? sum : sum + met(p, m)), 0);
  let lookups = 0;
  for (let pass = 0; pass < maxPasses && lookups < maxLookups; pass++) {
    let improved = false;
    const ids = rooms.map((r) => r.id);
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const ra = placed.get(ids[a]!)!;
        const rb = placed.get(ids[b]!)!;
        for (let i = 0; i < ra.length; i++) {
          if (lookups >= maxLookups) break;
          for (let j = 0; j < rb.length; j++) {
            lookups += 2 * (ra.length + rb.length); // the four costIn sums below
            const x = ra[i]!;
            const y = rb[j]!;
            const before = costIn(x, ra, x) + costIn(y, rb, y);
            const after = costIn(x, rb, y) + costIn(y, ra, x);
            if (after < before) {
              ra[i] = y;
              rb[j] = x;
              improved = true;
            }
          }
        }
      }
    }
    if (!improved) break;
  }
  return { rooms: placed, unplaced: base.unplaced };
}
