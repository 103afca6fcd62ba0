import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../breakouts/random.js';
import { inspectRound, matchRound, recordPairs, type Dater, type MatchOptions, type PairHistory } from './matching.js';

const plain: MatchOptions = { matchByTopics: false };

/** `count` municipalities with `each` people; person i lives in municipality i % count. */
const crowd = (count: number, each: number, prefix = 'p'): Dater[] =>
  Array.from({ length: count * each }, (_, i) => ({ id: `${prefix}${i}`, municipality: `Stadt ${i % count}` }));

const sorted = (ids: Iterable<string>) => [...ids].sort();
const trios = (groups: string[][]) => groups.filter((g) => g.length === 3).length;

/**
 * Runs an event: `present(round)` says who is there in each round (1-based).
 * Checks what every round must satisfy and returns each round's groups and
 * rule breaks, judged against the history before that round.
 */
function runEvent(present: (round: number) => Dater[], rounds: number, random: Random, options = plain, history: PairHistory = new Map()) {
  return Array.from({ length: rounds }, (_, i) => {
    const people = present(i + 1);
    const { groups, relaxed } = matchRound(people, history, options, random);
    const report = inspectRound(groups, people, history);
    expect(sorted(groups.flat())).toEqual(sorted(people.map((p) => p.id))); // everyone, exactly once
    expect(groups.every((g) => g.length === 2 || g.length === 3)).toBe(true);
    expect(trios(groups)).toBe(people.length % 2);
    expect(relaxed).toEqual({ repeated: report.repeated, sameMunicipality: report.sameMunicipality });
    recordPairs(history, groups);
    return { groups, ...report };
  });
}

const breaks = (rounds: { repeated: unknown[]; sameMunicipality: unknown[] }[]) =>
  rounds.map((r) => [r.repeated.length, r.sameMunicipality.length]);
const clean = (rounds: number) => Array.from({ length: rounds }, () => [0, 0]);

describe('speed dating: a full event', () => {
  it('81 people from 27 municipalities over 10 rounds: nobody meets anyone twice or their own municipality, everyone is matched, one trio a round', () => {
    const rounds = runEvent(() => crowd(27, 3), 10, seededRandom(1));
    expect(breaks(rounds)).toEqual(clean(10));
    expect(rounds.map((r) => trios(r.groups))).toEqual(Array(10).fill(1));
  });

  it.each([2, 3, 4, 5, 6, 7, 8, 9])('seed %i: the same 81 over 10 rounds, still no repeat and no same-municipality pair', (seed) => {
    expect(breaks(runEvent(() => crowd(27, 3), 10, seededRandom(seed)))).toEqual(clean(10));
  });

  it('5 leave after round 3, 7 join after round 5 (new and existing municipalities), 2 leavers return after round 7: no repeat, no same municipality, everyone matched', () => {
    const start = crowd(27, 3);
    const leavers = new Set(['p0', 'p10', 'p20', 'p30', 'p40']);
    const joiners: Dater[] = [
      ...['Neustadt', 'Neustadt', 'Altdorf', 'Bergheim'].map((municipality, i) => ({ id: `new${i}`, municipality })),
      ...['Stadt 1', 'Stadt 2', 'Stadt 3'].map((municipality, i) => ({ id: `new${4 + i}`, municipality })),
    ];
    const present = (round: number) => [
      ...start.filter((p) => round <= 3 || !leavers.has(p.id) || (round >= 8 && (p.id === 'p0' || p.id === 'p10'))),
      ...(round >= 6 ? joiners : []),
    ];
    expect([1, 4, 6, 8].map((r) => present(r).length)).toEqual([81, 76, 83, 85]);
    expect(breaks(runEvent(present, 10, seededRandom(11)))).toEqual(clean(10));
  });

  it('an even number of people (80 from 20 municipalities): pairs only, never a trio', () => {
    const rounds = runEvent(() => crowd(20, 4), 10, seededRandom(3));
    expect(breaks(rounds)).toEqual(clean(10));
    expect(rounds.every((r) => r.groups.every((g) => g.length === 2))).toBe(true);
  });

  it('the same seed gives the same groups; another seed gives others', () => {
    const again = (seed: number) => runEvent(() => crowd(27, 3), 3, seededRandom(seed)).map((r) => r.groups);
    expect(again(42)).toEqual(again(42));
    expect(again(43)).not.toEqual(again(42));
  });
});

describe('speed dating: topics', () => {
  it('with matchByTopics more pairs share a working group than without, and no rule gives way for it', () => {
    const groups = ['AEG Datenplattformen', 'AEG Digitale Zwillinge', 'AEG Klimaresilienz', 'AEG Smarte Regionen', 'AEG Mobilität', 'AEG Energie'];
    const people = crowd(20, 4).map((p, i) => ({ ...p, topics: [groups[(i * 7) % groups.length]!] }));
    const shared = (matchByTopics: boolean) => {
      const rounds = runEvent(() => people, 5, seededRandom(5), { matchByTopics });
      expect(breaks(rounds)).toEqual(clean(5));
      return rounds.reduce((sum, r) => sum + r.sharedTopic, 0);
    };
    const without = shared(false);
    const withTopics = shared(true);
    expect(withTopics).toBeGreaterThan(without * 2);
  });
});

describe('speed dating: small and impossible rounds', () => {
  it('nobody present: no groups; one person: a group of one, nothing relaxed', () => {
    expect(matchRound([], new Map(), plain, seededRandom(1))).toEqual({ groups: [], relaxed: { repeated: [], sameMunicipality: [] } });
    expect(matchRound([{ id: 'a', municipality: 'Ulm' }], new Map(), plain, seededRandom(1))).toEqual({
      groups: [['a']],
      relaxed: { repeated: [], sameMunicipality: [] },
    });
  });

  it('two people who have met and share a municipality still form a pair; both breaks are reported', () => {
    const history: PairHistory = new Map();
    recordPairs(history, [['a', 'b']]);
    const { groups, relaxed } = matchRound(
      [
        { id: 'a', municipality: 'Ulm' },
        { id: 'b', municipality: ' ulm' },
      ],
      history,
      plain,
      seededRandom(1),
    );
    expect(groups.map(sorted)).toEqual([['a', 'b']]);
    expect(relaxed.repeated.map(sorted)).toEqual([['a', 'b']]);
    expect(relaxed.sameMunicipality.map(sorted)).toEqual([['a', 'b']]);
  });

  it('three people form one trio; its one same-municipality pair is reported', () => {
    const people = [
      { id: 'a', municipality: 'Ulm' },
      { id: 'b', municipality: 'Ulm' },
      { id: 'c', municipality: 'Jena' },
    ];
    const { groups, relaxed } = matchRound(people, new Map(), plain, seededRandom(1));
    expect(groups.map(sorted)).toEqual([['a', 'b', 'c']]);
    expect(relaxed).toEqual({ repeated: [], sameMunicipality: [expect.arrayContaining(['a', 'b'])] });
  });

  it('a blank municipality is unknown and never counts as the same', () => {
    const { relaxed } = matchRound(
      [
        { id: 'a', municipality: '' },
        { id: 'b', municipality: '  ' },
      ],
      new Map(),
      plain,
      seededRandom(1),
    );
    expect(relaxed.sameMunicipality).toEqual([]);
  });

  it('4 people from one municipality: two pairs, both reported as same municipality, nobody left out', () => {
    const rounds = runEvent(() => crowd(1, 4), 1, seededRandom(1));
    expect(breaks(rounds)).toEqual([[0, 2]]);
  });

  it('rule 2 gives way only as far as needed: 6 from Ulm and 4 from elsewhere → one Ulm pair', () => {
    const people = [...crowd(1, 6, 'ulm').map((p) => ({ ...p, municipality: 'Ulm' })), ...crowd(4, 1, 'x')];
    expect(breaks(runEvent(() => people, 1, seededRandom(2)))).toEqual([[0, 1]]);
  });

  it('rule 1 outranks rule 2: two same-municipality pairs rather than one repeat', () => {
    const people = [
      { id: 'a1', municipality: 'A' },
      { id: 'a2', municipality: 'A' },
      { id: 'b1', municipality: 'B' },
      { id: 'b2', municipality: 'B' },
    ];
    const history: PairHistory = new Map();
    recordPairs(history, [
      ['a1', 'b1'],
      ['a1', 'b2'],
    ]);
    const { groups, relaxed } = matchRound(people, history, plain, seededRandom(1));
    expect(groups.map(sorted).sort()).toEqual([
      ['a1', 'a2'],
      ['b1', 'b2'],
    ]);
    expect(relaxed.repeated).toEqual([]);
  });

  it('when one person has met everyone, only their pair repeats: the other three form a trio of strangers', () => {
    const people = [
      { id: 'p0', municipality: 'M0' },
      { id: 'p1', municipality: 'M2' },
      { id: 'p2', municipality: 'M2' },
      { id: 'p3', municipality: 'M0' },
      { id: 'p4', municipality: 'M1' },
    ];
    const history: PairHistory = new Map();
    const met = ['p0|p1', 'p0|p2', 'p0|p3', 'p1|p2', 'p1|p3', 'p1|p4'];
    recordPairs(history, met.map((k) => k.split('|')));
    const { groups, relaxed } = matchRound(people, history, plain, seededRandom(3));
    expect(groups.map(sorted).sort()).toEqual([
      ['p0', 'p1'],
      ['p2', 'p3', 'p4'],
    ]);
    expect(relaxed).toEqual({ repeated: [expect.arrayContaining(['p0', 'p1'])], sameMunicipality: [] });
  });

  it('everyone has met everyone: all 7 are still matched, and every pair of the round (the trio’s three included) is reported as a repeat', () => {
    const people = crowd(7, 1);
    const history: PairHistory = new Map();
    recordPairs(history, [people.map((p) => p.id)]);
    const rounds = runEvent(() => people, 1, seededRandom(4), plain, history);
    expect(breaks(rounds)).toEqual([[5, 0]]);
  });

  it('with repeats unavoidable, pairs who met once are chosen over pairs who met twice', () => {
    const people = crowd(4, 1);
    const history: PairHistory = new Map();
    recordPairs(history, [people.map((p) => p.id)]);
    recordPairs(history, [people.map((p) => p.id)]);
    recordPairs(history, [['p0', 'p1']]);
    recordPairs(history, [['p0', 'p1']]);
    history.set('p0|p2', 1); // p0 and p2, and p1 and p3, met only once
    history.set('p1|p3', 1);
    const { groups } = matchRound(people, history, plain, seededRandom(1));
    expect(groups.map(sorted).sort()).toEqual([
      ['p0', 'p2'],
      ['p1', 'p3'],
    ]);
  });
});

describe('speed dating: impossible rounds beyond the exhaustive search (more than 12 people)', () => {
  it('30 people, 20 of them from Ulm, over 3 rounds: exactly 5 Ulm pairs a round, no repeats', () => {
    const people = [...crowd(1, 20, 'ulm').map((p) => ({ ...p, municipality: 'Ulm' })), ...crowd(10, 1, 'x')];
    expect(breaks(runEvent(() => people, 3, seededRandom(6)))).toEqual([
      [0, 5],
      [0, 5],
      [0, 5],
    ]);
  });

  it('15 people who have all met: 6 pairs and a trio, all 9 pairs reported as repeats', () => {
    const people = crowd(15, 1);
    const history: PairHistory = new Map();
    recordPairs(history, [people.map((p) => p.id)]);
    expect(breaks(runEvent(() => people, 1, seededRandom(7), plain, history))).toEqual([[9, 0]]);
  });

  it('13 people, one of whom has met everyone: only that one’s pair repeats, the trio is of strangers', () => {
    const people = crowd(13, 1);
    const history: PairHistory = new Map();
    recordPairs(history, people.slice(1).map((p) => ['p0', p.id]));
    const [round] = runEvent(() => people, 1, seededRandom(8), plain, history);
    expect(breaks([round!])).toEqual([[1, 0]]);
    expect(round!.groups.find((g) => g.includes('p0'))).toHaveLength(2);
  });
});

describe('speed dating: as few breaks as possible', () => {
  /** Every way to split people into pairs plus (odd count) one trio. */
  function groupings(ids: string[], trioLeft = ids.length % 2 === 1): string[][][] {
    if (ids.length === 0) return trioLeft ? [] : [[]];
    const [a, ...rest] = ids as [string, ...string[]];
    const out: string[][][] = [];
    rest.forEach((b, i) => {
      const others = rest.filter((_, k) => k !== i);
      for (const g of groupings(others, trioLeft)) out.push([[a, b], ...g]);
      if (!trioLeft) return;
      others.forEach((c, j) => {
        if (j < i) return; // each trio once
        for (const g of groupings(others.filter((x) => x !== c), false)) out.push([[a, b, c], ...g]);
      });
    });
    return out;
  }

  it('200 random small rounds (2–9 people, 1–4 municipalities, 10–80 % already met): never more repeats, nor at equal repeats more same-municipality pairs, than the best grouping', () => {
    const random = seededRandom(2024);
    for (let k = 0; k < 200; k++) {
      const n = 2 + Math.floor(random() * 8);
      const towns = 1 + Math.floor(random() * 4);
      const people = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, municipality: `M${Math.floor(random() * towns)}` }));
      const history: PairHistory = new Map();
      const density = 0.1 + random() * 0.7;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (random() < density) recordPairs(history, [[`p${i}`, `p${j}`]]);
      const town = new Map(people.map((p) => [p.id, p.municipality]));
      const pairScore = (a: string, b: string) => (history.has(a < b ? `${a}|${b}` : `${b}|${a}`) ? 1000 : 0) + (town.get(a) === town.get(b) ? 1 : 0);
      const score = (groups: string[][]) =>
        groups.reduce((sum, g) => sum + g.reduce((s2, a, i) => s2 + g.slice(i + 1).reduce((s3, b) => s3 + pairScore(a, b), 0), 0), 0);
      const best = Math.min(...groupings(people.map((p) => p.id)).map(score));
      const { groups, relaxed } = matchRound(people, history, plain, random);
      expect(sorted(groups.flat())).toEqual(sorted(people.map((p) => p.id)));
      expect(relaxed.repeated.length * 1000 + relaxed.sameMunicipality.length).toBe(best);
    }
  });
});

describe('speed dating: history', () => {
  it('recordPairs counts all three pairs of a trio as met, and a second meeting as a second', () => {
    const history: PairHistory = new Map();
    recordPairs(history, [['a', 'b', 'c'], ['d', 'e']]);
    recordPairs(history, [['b', 'a']]);
    expect(Object.fromEntries(history)).toEqual({ 'a|b': 2, 'a|c': 1, 'b|c': 1, 'd|e': 1 });
  });

  it('inspectRound lists exactly the pairs that break a rule and counts topic-sharing pairs', () => {
    const people: Dater[] = [
      { id: 'a', municipality: 'Ulm', topics: ['AEG 1'] },
      { id: 'b', municipality: 'Ulm', topics: ['AEG 1', 'AEG 2'] },
      { id: 'c', municipality: 'Jena', topics: ['AEG 2'] },
      { id: 'd', municipality: 'Kiel' },
    ];
    const history: PairHistory = new Map([['c|d', 1]]);
    const report = inspectRound([['a', 'b'], ['c', 'd']], people, history);
    expect(report).toEqual({ repeated: [['c', 'd']], sameMunicipality: [['a', 'b']], sharedTopic: 1 });
  });
});
