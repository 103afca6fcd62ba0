/**
 * Speed-dating session rules (PROTOCOL section 13). Pure: no store, no clock.
 */
import { describe, expect, it } from 'vitest';
import {
  firstOpenRound,
  metInSession,
  partnersIn,
  plannedDurationMs,
  roundStartAt,
  SPEED_DATING_FREEZE_MS,
  SPEED_DATING_LEAD_MS,
  speedDatingPhase,
  speedDatingRoomOf,
  SpeedDatingInput,
  type SpeedDating,
} from '@mashup/shared';
import { DomainError } from '../errors.js';
import { UNCHANGED } from '../context.js';
import * as s from './session.js';

const T0 = 1_700_000_000_000;
const ctx = { now: T0, newId: () => 'x' };

const takers = (n: number, towns = n): s.Taker[] =>
  Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(2, '0')}`, org: `Stadt ${i % towns}` }));

function session(over: Partial<SpeedDating> = {}): SpeedDating {
  const input = SpeedDatingInput.parse({ title: 'Speed-Dating', roundMs: 180_000, breakMs: 30_000, rounds: 4, topics: ['Daten', 'Klima'] });
  return { ...s.define(null, { ...input, speedDatingId: 'sd1' }, ctx), ...over };
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
  return 'no error';
};

/** Every pair of one round, "a|b" sorted. */
const pairsOf = (groups: string[][]) =>
  groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => [a, b].sort().join('|'))));

describe('speed-dating sessions', () => {
  it('start plans every round for who takes part; round 1 begins after the lead (rules S1, S3)', () => {
    const sd = s.start(session(), [], takers(9), new Map(), T0);
    expect(sd.startAt).toBe(T0 + SPEED_DATING_LEAD_MS);
    expect(sd.pairings).toHaveLength(4);
    expect(sd.takers).toHaveLength(9);
    const seen = new Set<string>();
    for (const round of sd.pairings) {
      expect(round.groups.flat().sort()).toEqual(takers(9).map((t) => t.id));
      expect(round.groups.filter((g) => g.length === 3)).toHaveLength(1); // odd count: one trio
      for (const pair of pairsOf(round.groups)) {
        expect(seen.has(pair)).toBe(false); // never the same pair twice
        seen.add(pair);
      }
      expect(round.relaxed).toEqual({ repeated: 0, sameMunicipality: 0 });
    }
  });

  it('the schedule: lead, rounds, breaks, end; everyone switches at the same server time (rule S2)', () => {
    const sd = s.start(session(), [], takers(4), new Map(), T0);
    const start = sd.startAt!;
    expect(speedDatingPhase(sd, T0)).toEqual({ kind: 'lead', endsAt: start });
    expect(speedDatingPhase(sd, start)).toEqual({ kind: 'round', round: 0, endsAt: start + 180_000 });
    expect(speedDatingPhase(sd, start + 180_000)).toEqual({ kind: 'break', round: 0, endsAt: start + 210_000 });
    expect(speedDatingPhase(sd, start + 210_000)).toEqual({ kind: 'round', round: 1, endsAt: start + 390_000 });
    const end = start + 4 * 180_000 + 3 * 30_000;
    expect(speedDatingPhase(sd, end - 1)).toMatchObject({ kind: 'round', round: 3 });
    expect(speedDatingPhase(sd, end)).toEqual({ kind: 'ended', endedAt: end });
    const [a, b] = sd.pairings[1]!.groups[0]!;
    expect(speedDatingRoomOf(a!, [sd], roundStartAt(sd, 1)! - 1)).toBe('dating:sd1');
    expect(speedDatingRoomOf(a!, [sd], roundStartAt(sd, 1)!)).toBe('pair:sd1:1:0');
    expect(speedDatingRoomOf(b!, [sd], roundStartAt(sd, 1)!)).toBe('pair:sd1:1:0');
    expect(speedDatingRoomOf(a!, [sd], end)).toBeNull();
  });

  it('a second session cannot start while one is active; a run session cannot start again (rule S1)', () => {
    const running = s.start(session(), [], takers(4), new Map(), T0);
    const other = { ...session(), id: 'sd2' };
    expect(code(() => s.start(other, [running], takers(4), new Map(), T0 + 1000))).toBe('speeddating.another_running');
    expect(code(() => s.start(running, [], takers(4), new Map(), T0 + 1000))).toBe('speeddating.started');
    const stopped = s.stop(running, T0 + 10_000) as SpeedDating;
    expect(speedDatingPhase(stopped, T0 + 10_000).kind).toBe('ended');
    expect(s.start(other, [stopped], takers(4), new Map(), T0 + 20_000).startAt).toBe(T0 + 20_000 + SPEED_DATING_LEAD_MS);
    expect(code(() => s.stop(session(), T0))).toBe('speeddating.not_started');
    expect(s.stop(stopped, T0 + 30_000)).toBe(UNCHANGED);
    expect(code(() => s.define(running, { ...SpeedDatingInput.parse({ title: 'x', roundMs: 60_000, rounds: 2 }), speedDatingId: 'sd1' }, ctx))).toBe('speeddating.started');
  });

  it('re-planning keeps begun rounds and gives late joiners the next round (rule S3)', () => {
    const sd = s.start(session(), [], takers(6), new Map(), T0);
    const inRound1 = roundStartAt(sd, 1)! + 1;
    const late = [...takers(6), { id: 'late', org: 'Spätstadt' }];
    const again = s.replan(sd, late, new Map(), inRound1) as SpeedDating;
    expect(again.pairings.slice(0, 2)).toEqual(sd.pairings.slice(0, 2));
    expect(again.pairings[2]!.groups.flat()).toContain('late');
    expect(again.pairings[1]!.groups.flat()).not.toContain('late');
    expect(firstOpenRound(again, inRound1)).toBe(2);
    // Nobody new, nobody gone: nothing to write.
    expect(s.replan(again, late, new Map(), inRound1)).toBe(UNCHANGED);
    // Someone leaves: not paired from the next round on; no repeats with begun rounds.
    const gone = s.replan(again, late.filter((t) => t.id !== 'p00'), new Map(), inRound1) as SpeedDating;
    expect(gone.pairings[2]!.groups.flat()).not.toContain('p00');
    const begun = new Set(gone.pairings.slice(0, 2).flatMap((r) => pairsOf(r.groups)));
    for (const r of gone.pairings.slice(2)) for (const p of pairsOf(r.groups)) expect(begun.has(p)).toBe(false);
    // Planning the same people again gives the same pairs (seeded per session and round).
    expect((s.replan({ ...gone, takers: [] }, late.filter((t) => t.id !== 'p00'), new Map(), inRound1) as SpeedDating).pairings).toEqual(gone.pairings);
  });

  it('someone in a workshop room is paired only in rounds that begin after its rooms close; the same plan is no write (rule S3)', () => {
    const sd = s.start(session(), [], takers(6), new Map(), T0);
    const inRound1 = roundStartAt(sd, 1)! + 1;
    // p00 and p01 go into a workshop whose rooms close between round 3's start and round 4's.
    const back = roundStartAt(sd, 3)! - 1;
    const busy = takers(6).map((t) => (t.id === 'p00' || t.id === 'p01' ? { ...t, busyUntil: back } : t));
    const planned = s.replan(sd, busy, new Map(), inRound1) as SpeedDating;
    expect(planned.pairings.slice(0, 2)).toEqual(sd.pairings.slice(0, 2)); // begun rounds stay
    expect(planned.pairings[2]!.groups.flat().sort()).toEqual(['p02', 'p03', 'p04', 'p05']);
    expect(planned.pairings[3]!.groups.flat()).toEqual(expect.arrayContaining(['p00', 'p01']));
    expect(planned.takers).toEqual(takers(6).map((t) => t.id)); // they still take part
    expect(s.replan(planned, busy, new Map(), inRound1)).toBe(UNCHANGED);
    // The workshop is closed early (back before round 3): they are in round 3 again.
    const early = takers(6).map((t) => (t.id === 'p00' || t.id === 'p01' ? { ...t, busyUntil: roundStartAt(sd, 2)! } : t));
    const again = s.replan(planned, early, new Map(), inRound1) as SpeedDating;
    expect(again.pairings[2]!.groups.flat()).toEqual(expect.arrayContaining(['p00', 'p01']));
  });

  it('never the same pair twice in an event: earlier sessions are history (rule S3)', () => {
    const first = s.start(session(), [], takers(4), new Map(), T0);
    const after = speedDatingPhaseEnd(first) + 1;
    const history = s.eventHistory([first], 'sd2', after);
    const second = s.start({ ...session({ rounds: 1 }), id: 'sd2' }, [first], takers(4), history, after);
    // 4 people have 3 possible rounds without repeats; the first session used 3 of its 4 rounds up…
    const earlier = new Set(first.pairings.slice(0, 3).flatMap((r) => pairsOf(r.groups)));
    expect(earlier.size).toBe(6);
    // …so a fourth round must repeat, and says so.
    expect(first.pairings[3]!.relaxed.repeated).toBeGreaterThan(0);
    expect(second.pairings[0]!.relaxed.repeated).toBeGreaterThan(0);
  });

  it('different municipalities when possible; off, the municipality plays no part', () => {
    const people = takers(8, 2); // Stadt 0 and Stadt 1, four each
    const sd = s.start(session({ rounds: 4 }), [], people, new Map(), T0);
    const town = new Map(people.map((p) => [p.id, p.org]));
    for (const r of sd.pairings) for (const g of r.groups) expect(town.get(g[0]!)).not.toBe(town.get(g[1]!));
    // 4 rounds of 4 cross-town pairs use all 16 cross pairs exactly once.
    expect(new Set(sd.pairings.flatMap((r) => pairsOf(r.groups))).size).toBe(16);
    const free = s.start(session({ rounds: 7, rules: { differentMunicipality: false, matchByTopics: false } }), [], people, new Map(), T0);
    expect(free.pairings.every((r) => r.relaxed.sameMunicipality === 0 && r.relaxed.repeated === 0)).toBe(true);
    expect(new Set(free.pairings.flatMap((r) => pairsOf(r.groups))).size).toBe(28); // everyone met everyone once
  });

  it('sitting out: only rounds not yet begun; the round is planned without them (rule S4)', () => {
    const sd = s.start(session(), [], takers(6), new Map(), T0);
    const inRound0 = sd.startAt! + 1;
    expect(code(() => s.sitOut(sd, 'p01', 0, true, takers(6), new Map(), inRound0))).toBe('speeddating.round_begun');
    expect(code(() => s.sitOut(sd, 'p01', 9, true, takers(6), new Map(), inRound0))).toBe('payload.invalid');
    const out = s.sitOut(sd, 'p01', 1, true, takers(6), new Map(), inRound0) as SpeedDating;
    expect(out.sitOut).toEqual({ p01: [1] });
    expect(out.pairings[1]!.groups.flat()).not.toContain('p01');
    expect(out.pairings[2]!.groups.flat()).toContain('p01');
    expect(partnersIn(out, 1, 'p01')).toEqual([]);
    expect(speedDatingRoomOf('p01', [out], roundStartAt(out, 1)!)).toBe('dating:sd1');
    expect(s.sitOut(out, 'p01', 1, true, takers(6), new Map(), inRound0)).toBe(UNCHANGED);
    const back = s.sitOut(out, 'p01', 1, false, takers(6), new Map(), inRound0) as SpeedDating;
    expect(back.sitOut).toEqual({});
    expect(back.pairings[1]!.groups.flat()).toContain('p01');
    // Before the start it is only noted; the start plans with it.
    const noted = s.sitOut(session(), 'p02', 0, true, [], new Map(), T0) as SpeedDating;
    expect(noted.pairings).toEqual([]);
    expect(s.start(noted, [], takers(6), new Map(), T0).pairings[0]!.groups.flat()).not.toContain('p02');
  });

  it('topics: only offered ones; with topic matching on, sharing pairs are preferred (rule S5)', () => {
    expect(code(() => s.chooseTopics(session(), 'p00', ['Mobilität'], [], new Map(), T0))).toBe('speeddating.unknown_topic');
    let sd = session({ rules: { differentMunicipality: true, matchByTopics: true } });
    for (const [p, t] of [['p00', 'Daten'], ['p01', 'Klima'], ['p02', 'Daten'], ['p03', 'Klima']] as const) {
      sd = s.chooseTopics(sd, p, [t], [], new Map(), T0) as SpeedDating;
    }
    expect(sd.chosen).toEqual({ p00: ['Daten'], p01: ['Klima'], p02: ['Daten'], p03: ['Klima'] });
    const started = s.start({ ...sd, rounds: 1 }, [], takers(4), new Map(), T0);
    expect(pairsOf(started.pairings[0]!.groups).sort()).toEqual(['p00|p02', 'p01|p03']);
  });

  it('rounds due after a stop never begin: nobody met in them, and they are no history (rules S3, S6)', () => {
    const sd = s.start(session(), [], takers(4), new Map(), T0);
    const stopped = s.stop(sd, roundStartAt(sd, 1)! + 1000) as SpeedDating; // during round 2
    const later = roundStartAt(sd, 3)! + 1;
    expect(firstOpenRound(stopped, later)).toBe(2);
    expect(metInSession(stopped, 'p00', later)).toEqual([partnersIn(sd, 0, 'p00')[0], partnersIn(sd, 1, 'p00')[0]]);
    expect(code(() => s.mark(stopped, null, 'p00', partnersIn(sd, 2, 'p00')[0]!, true, later))).toBe('speeddating.not_partner');
    expect([...s.eventHistory([stopped], 'other', later).keys()]).toHaveLength(4);
    // Stopped in the lead: no round ever began.
    expect(firstOpenRound(s.stop(sd, T0 + 1) as SpeedDating, later)).toBe(0);
  });

  it('a stop in the lead makes the session prepared again; an active session cannot be deleted (rule S1)', () => {
    const sd = s.start(session(), [], takers(4), new Map(), T0);
    expect(code(() => s.remove(sd, T0 + 1))).toBe('speeddating.started');
    expect(s.stop(sd, T0 + 1)).toMatchObject({ startAt: null, stoppedAt: null, pairings: [], takers: [] });
    const stopped = s.stop(sd, sd.startAt! + 1) as SpeedDating;
    expect(s.remove(stopped, sd.startAt! + 2)).toBeNull();
  });

  it('a round about to begin is frozen: neither planned again nor sat out (rules S3, S4)', () => {
    const sd = s.start(session(), [], takers(6), new Map(), T0);
    const justBefore = roundStartAt(sd, 1)! - SPEED_DATING_FREEZE_MS + 1;
    expect(code(() => s.sitOut(sd, 'p01', 1, true, takers(6), new Map(), justBefore))).toBe('speeddating.round_begun');
    const again = s.replan(sd, [...takers(6), { id: 'late', org: 'X' }], new Map(), justBefore) as SpeedDating;
    expect(again.pairings[1]).toEqual(sd.pairings[1]);
    expect(again.pairings[2]!.groups.flat()).toContain('late');
  });

  it('marks: only people one talked to; mutual only when both marked (rules S6, S7)', () => {
    const sd = s.start(session(), [], takers(4), new Map(), T0);
    const inRound1 = roundStartAt(sd, 1)! + 1;
    const [partner] = partnersIn(sd, 0, 'p00');
    const later = partnersIn(sd, 2, 'p00')[0]!;
    expect(metInSession(sd, 'p00', inRound1)).toEqual([partner, partnersIn(sd, 1, 'p00')[0]]);
    expect(code(() => s.mark(sd, null, 'p00', later, true, inRound1))).toBe('speeddating.not_partner');
    const mine = s.mark(sd, null, 'p00', partner!, true, inRound1) as s.SpeedDatingMarks;
    expect(mine).toMatchObject({ id: 'sd1:p00', marked: [partner] });
    expect(s.mark(sd, mine, 'p00', partner!, true, inRound1)).toBe(UNCHANGED);
    const theirs = s.mark(sd, null, partner!, 'p00', true, inRound1) as s.SpeedDatingMarks;
    expect(s.isMutual(mine, theirs)).toBe(true);
    expect(s.isMutual(mine, null)).toBe(false);
    const unmarked = s.mark(sd, theirs, partner!, 'p00', false, inRound1) as s.SpeedDatingMarks;
    expect(s.isMutual(mine, unmarked)).toBe(false);
  });
});

function speedDatingPhaseEnd(sd: SpeedDating): number {
  return sd.startAt! + plannedDurationMs(sd);
}
