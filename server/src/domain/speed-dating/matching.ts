/**
 * Who talks to whom in one speed-dating round. Pure: the people present now,
 * who has met whom in this event so far, and a seeded random source in; the
 * round's groups (pairs, plus one trio when the count is odd) and the rules
 * that had to give way out. It keeps nothing between rounds, so people may
 * leave and join freely: the history is the only memory.
 *
 * Rules, strongest first: (1) no pair meets twice in an event; (2) no pair
 * from the same municipality; (3) with `matchByTopics`, pairs that share a
 * topic (a working group such as an AEG); (4) otherwise chance.
 *
 * Rules (1) and (2) define a graph of allowed pairs, and a round is a perfect
 * matching in it. A greedy (pairing people one by one) works in early rounds
 * but paints itself into a corner in later ones: the last few left have all
 * met or share a town, although other choices earlier in the same round
 * would have paired everyone. Edmonds' blossom algorithm finds a maximum
 * matching in any graph, so when it leaves anyone out no rule-abiding pairing
 * exists, and only then do rules give way, one level at a time (same
 * municipality, then repeats), and pairs that break one are re-paired along
 * augmenting paths where that removes the break (repair). With an odd count
 * the one left out joins the pair where they break the fewest rules; if
 * every such trio breaks one, others take the odd place by turns
 * (findTrio). Last, swaps between groups gather topic-sharing pairs (polish).
 *
 * Nor can earlier rounds corner a later one: whenever everyone present has
 * allowed partners among more than half of those present, a Hamiltonian
 * cycle exists (Dirac's theorem), so all but at most one can be paired by the
 * rules, and that one has allowed partners on both sides of some pair
 * (pigeonhole: more than k partners among k pairs), so a rule-abiding round
 * exists and the steps above find it. 81 people in 27 municipalities of 3
 * after 10 rounds: each has met at most 2 a round and so keeps
 * ≥ 80 − 2 − 20 = 58 > 40.5 allowed partners; 500 in 70 municipalities are
 * far denser. Small late rounds are where rules bite: see EXHAUSTIVE_UP_TO.
 */
import { recordEncounters, type Encounters } from '../breakouts/assignment.js';
import { shuffled, type Random } from '../breakouts/random.js';
import { Blossom } from './blossom.js';

export interface Dater {
  id: string;
  /** Municipality or organisation; blank means unknown, which never counts as "the same". */
  municipality: string;
  /** Working groups or other interests, e.g. "AEG Datenplattformen". */
  topics?: readonly string[];
}

/** Who has met whom in this event ("a|b" with a < b → times met), as for workshop rotation. */
export type PairHistory = Encounters;

export interface MatchOptions {
  matchByTopics: boolean;
}

export type Pair = readonly [string, string];

export interface RoundReport {
  /** Pairs (a trio's three included) who had met before in this event. */
  repeated: Pair[];
  /** Pairs from the same municipality. */
  sameMunicipality: Pair[];
  /** Pairs sharing at least one topic (not a rule break; for tests and figures). */
  sharedTopic: number;
}

export interface RoundMatch {
  /** Pairs, one trio when the count is odd; a single person (nobody else present) is a group of one. */
  groups: string[][];
  /** The rules that had to give way: empty lists whenever everyone could be paired by the rules. */
  relaxed: Omit<RoundReport, 'sharedTopic'>;
}

/** Adds a round's pairs to the history; a trio counts as three pairs. */
export function recordPairs(history: PairHistory, groups: Iterable<readonly string[]>): void {
  recordEncounters(history, groups);
}

/** The people of a round as indices, with what the rules need to know about every pair of them. */
interface Prepared {
  n: number;
  ids: string[];
  index: Map<string, number>;
  /** Times met so far, n × n. */
  met: Uint16Array;
  /** Municipality as a number, -1 when blank. */
  town: Int32Array;
  topics: Set<string>[];
  /** Weights of the rules in pairCost. */
  w: { same: number; extra: number; repeat: number };
}

function prepare(people: readonly Dater[], history: ReadonlyMap<string, number>): Prepared {
  const index = new Map<string, number>();
  const unique: Dater[] = [];
  for (const person of people) {
    if (index.has(person.id)) continue; // a duplicate id is one person, not two
    index.set(person.id, unique.length);
    unique.push(person);
  }
  const n = unique.length;
  const towns = new Map<string, number>();
  const town = new Int32Array(n);
  unique.forEach((p, i) => {
    const name = p.municipality.trim().toLocaleLowerCase('de-DE');
    if (name && !towns.has(name)) towns.set(name, towns.size);
    town[i] = name ? towns.get(name)! : -1;
  });
  // The history holds about (people × rounds) entries, far fewer than the n²/2
  // pairs present, so it is read once instead of looked up pair by pair. An id
  // may contain "|", so every split point is tried.
  const met = new Uint16Array(n * n);
  for (const [key, times] of history) {
    for (let at = key.indexOf('|'); at !== -1; at = key.indexOf('|', at + 1)) {
      const a = index.get(key.slice(0, at));
      const b = index.get(key.slice(at + 1));
      if (a !== undefined && b !== undefined) met[a * n + b] = met[b * n + a] = Math.min(times, 0xffff);
    }
  }
  const k = n + 1;
  const w = { same: k, extra: k * k, repeat: 10 * k * k * k };
  return { n, ids: unique.map((p) => p.id), index, met, town, topics: unique.map((p) => new Set(p.topics ?? [])), w };
}

const sameTown = (p: Prepared, a: number, b: number) => p.town[a] !== -1 && p.town[a] === p.town[b];

function shareTopic(p: Prepared, a: number, b: number): boolean {
  const [small, large] = p.topics[a]!.size <= p.topics[b]!.size ? [p.topics[a]!, p.topics[b]!] : [p.topics[b]!, p.topics[a]!];
  for (const t of small) if (large.has(t)) return true;
  return false;
}

/** 0: allowed; 1: same municipality (breaks rule 2); 2: met before (breaks rule 1). */
const levelOf = (p: Prepared, a: number, b: number) => (p.met[a * p.n + b]! > 0 ? 2 : sameTown(p, a, b) ? 1 : 0);

/**
 * Bounds the search for a trio: each attempt re-pairs the round once (one
 * augmenting-path search). Dense rounds succeed at once (see the top of the
 * file); rounds of up to 64 try everyone in the odd place, and a
 * pathological large one cannot hold the event loop.
 */
const MAX_TRIO_ATTEMPTS = 64;

interface TrioChoice {
  trio: number[];
  /** The pairing of everyone else it goes with. */
  mate: Int32Array;
  cost: number;
  /** Rule breaks in the whole round (cost without topics, > 0 when any). */
  breaks: number;
}

type PairCost = (a: number, b: number) => number;

/** Whoever is unpaired joins the pair where they cost least; what the whole round then costs. */
function cheapestTrio(m: Blossom, w: number, cost: PairCost, rules: PairCost): TrioChoice {
  let total = 0;
  let breaks = 0;
  let trio: number[] = [];
  let extra = Infinity;
  for (let x = 0; x < m.n; x++) {
    const y = m.mate[x]!;
    if (y < x) continue; // each pair once; the unpaired (-1) too
    total += cost(x, y);
    breaks += rules(x, y);
    if (cost(w, x) + cost(w, y) < extra) [trio, extra] = [[x, y, w], cost(w, x) + cost(w, y)];
  }
  return { trio, mate: m.mate.slice(), cost: total + extra, breaks: breaks + rules(w, trio[0]!) + rules(w, trio[1]!) };
}

/**
 * The pairing is near-perfect, but whoever it leaves out may fit no pair.
 * Anyone another maximum matching leaves out may take that place: hold them
 * out, free their partner and re-pair the partner along an augmenting path
 * (it ends at whoever is unpaired). Each try starts from the same pairing, so
 * it differs from it by one path. Returns the cheapest round seen; the first
 * that breaks no rule ends the search.
 */
function findTrio(m: Blossom, cost: PairCost, rules: PairCost): TrioChoice {
  const start = m.mate.slice();
  let best = cheapestTrio(m, m.mate.indexOf(-1), cost, rules);
  let attempts = 0;
  for (let w = 0; w < m.n && best.breaks > 0 && attempts < MAX_TRIO_ATTEMPTS; w++) {
    const partner = start[w]!;
    if (partner === -1) continue;
    attempts++;
    m.mate.set(start);
    m.mate[w] = m.mate[partner] = -1;
    m.skip[w] = 1;
    const moved = m.augmentFrom(partner);
    m.skip[w] = 0;
    if (!moved) continue;
    const choice = cheapestTrio(m, w, cost, rules);
    if (choice.cost < best.cost) best = choice;
  }
  return best;
}

/**
 * What a pair costs, rule by rule: a topic not shared 1, same municipality
 * `same`, each earlier meeting (up to 9) `extra`, a repeat at all `repeat`.
 * Each weight exceeds the most the lighter ones can add up to over a whole
 * round (fewer than n + 1 pairs), so comparing sums of whole rounds, or of
 * the groups a swap changes, compares the rules in order. (Exact while
 * sums stay below 2^53: up to about 5,000 people.)
 */
function pairCost(p: Prepared, share: Uint8Array | null, a: number, b: number): number {
  const met = p.met[a * p.n + b]!;
  const { w } = p;
  return (met > 0 ? w.repeat + w.extra * Math.min(met, 9) : 0) + (sameTown(p, a, b) ? w.same : 0) + (share && !share[a * p.n + b] ? 1 : 0);
}

function topicMatrix(p: Prepared): Uint8Array {
  const share = new Uint8Array(p.n * p.n);
  for (let a = 0; a < p.n; a++) {
    for (let b = a + 1; b < p.n; b++) if (shareTopic(p, a, b)) share[a * p.n + b] = share[b * p.n + a] = 1;
  }
  return share;
}

/** Partners allowed at `level` (0: by all rules; 1: same municipality too; 2: anyone), in the round's random order. */
function allowedPartners(p: Prepared, level: number): number[][] {
  return Array.from({ length: p.n }, (_, a) => {
    const out: number[] = [];
    for (let b = 0; b < p.n; b++) if (b !== a && levelOf(p, a, b) <= level) out.push(b);
    return out;
  });
}

/** A quick start for the blossom search (which then only repairs): topic-sharing pairs first when asked for. */
function greedy(m: Blossom, share: Uint8Array | null): void {
  for (const topicsOnly of share ? [true, false] : [false]) {
    for (let a = 0; a < m.n; a++) {
      if (m.mate[a] !== -1) continue;
      const b = m.adj[a]!.find((x) => m.mate[x] === -1 && (!topicsOnly || share![a * m.n + x]));
      if (b !== undefined) m.pair(a, b);
    }
  }
}

/** Only when even relaxing rule 2 cannot pair everyone: the rest (all of whom have met) are paired cheapest first. */
function pairCheapest(m: Blossom, cost: PairCost): void {
  const left = [...m.mate.keys()].filter((v) => m.mate[v] === -1);
  const options: [number, number, number][] = [];
  for (let i = 0; i < left.length; i++) {
    for (let j = i + 1; j < left.length; j++) options.push([cost(left[i]!, left[j]!), left[i]!, left[j]!]);
  }
  options.sort((x, y) => x[0] - y[0]); // stable: ties keep the round's random order
  for (const [, a, b] of options) if (m.mate[a] === -1 && m.mate[b] === -1) m.pair(a, b);
}

/**
 * A maximum matching fixes how many can be paired at each level, not which
 * rules the pairs break. So a pair that breaks a rule is taken apart and its
 * two re-paired along an augmenting path whose new pairs are all strictly
 * better (only allowed pairs, for a same-municipality pair): the round loses
 * that break and gains none of its kind or worse. Repeats go first.
 */
function repair(p: Prepared, m: Blossom, partnersAt: (level: number) => number[][]): void {
  const adj = m.adj;
  for (const level of [2, 1]) {
    m.adj = partnersAt(level - 1);
    for (let a = 0; a < m.n; a++) {
      const b = m.mate[a]!;
      if (b < a || levelOf(p, a, b) !== level) continue;
      m.mate[a] = m.mate[b] = -1;
      // The path may end at b or, in an odd round, at whoever was unpaired.
      if (!m.augmentFrom(a) && !m.augmentFrom(b)) m.pair(a, b);
    }
  }
  m.adj = adj;
}

/**
 * Bounds the local search below: each pass tries every swap between a group
 * that breaks a rule (or lacks a topic) and any other group; later passes
 * rarely find more.
 */
const MAX_POLISH_PASSES = 10;

/**
 * Swaps two people of different groups while that lowers the summed cost.
 * It never adds a rule break (see pairCost), so it cannot undo the matching;
 * it moves topic-sharing pairs together and, when rules had to give way,
 * spreads the damage thinner.
 */
function polish(groups: number[][], cost: PairCost): void {
  const costs = groups.map((g) => groupCost(g, cost));
  for (let pass = 0; pass < MAX_POLISH_PASSES; pass++) {
    let improved = false;
    for (let a = 0; a < groups.length; a++) {
      for (let b = 0; b < groups.length && costs[a]! > 0; b++) {
        if (b === a) continue;
        const ga = groups[a]!;
        const gb = groups[b]!;
        for (let x = 0; x < ga.length; x++) {
          for (let y = 0; y < gb.length; y++) {
            [ga[x], gb[y]] = [gb[y]!, ga[x]!];
            const ca = groupCost(ga, cost);
            const cb = groupCost(gb, cost);
            if (ca + cb < costs[a]! + costs[b]!) {
              costs[a] = ca;
              costs[b] = cb;
              improved = true;
            } else [ga[x], gb[y]] = [gb[y]!, ga[x]!];
          }
        }
      }
    }
    if (!improved) break;
  }
}

function groupCost(g: readonly number[], cost: PairCost): number {
  let c = 0;
  for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) c += cost(g[i]!, g[j]!);
  return c;
}

/**
 * Up to this many people, a round that still breaks a rule is searched
 * exhaustively (at most 17,325 groupings, for 11 people: about 5 ms). Small
 * rounds late in an event are where the rules bite, and there the steps
 * above are exact only for how many repeats an even count needs; the trio
 * and which pairs give way on municipality are heuristic (against exhaustive
 * search on 3,000 random rounds of 2–9 people, 10–80 % of them having met,
 * they missed the best in 7).
 */
const EXHAUSTIVE_UP_TO = 12;

/** The cheapest grouping of everyone (pairs, one trio when odd), by depth-first search bounded by the best so far. */
function cheapestGrouping(found: number[][], cost: PairCost): number[][] {
  const n = found.reduce((k, g) => k + g.length, 0);
  let best = found;
  let bestCost = found.reduce((c, g) => c + groupCost(g, cost), 0);
  const used = new Uint8Array(n);
  const groups: number[][] = [];
  const visit = (sum: number, trioLeft: boolean): void => {
    if (sum >= bestCost) return;
    const a = used.indexOf(0);
    if (a === -1) {
      [best, bestCost] = [groups.map((g) => [...g]), sum];
      return;
    }
    used[a] = 1;
    for (let b = a + 1; b < n; b++) {
      if (used[b]) continue;
      used[b] = 1;
      groups.push([a, b]);
      visit(sum + cost(a, b), trioLeft);
      groups.pop();
      for (let c = b + 1; trioLeft && c < n; c++) {
        if (used[c]) continue;
        used[c] = 1;
        groups.push([a, b, c]);
        visit(sum + cost(a, b) + cost(a, c) + cost(b, c), false);
        groups.pop();
        used[c] = 0;
      }
      used[b] = 0;
    }
    used[a] = 0;
  };
  visit(0, n % 2 === 1);
  return best;
}

function reportOf(p: Prepared, groups: readonly number[][]): RoundReport {
  const report: RoundReport = { repeated: [], sameMunicipality: [], sharedTopic: 0 };
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const [a, b] = [g[i]!, g[j]!];
        const pair = [p.ids[a]!, p.ids[b]!] as const;
        if (p.met[a * p.n + b]! > 0) report.repeated.push(pair);
        if (sameTown(p, a, b)) report.sameMunicipality.push(pair);
        if (shareTopic(p, a, b)) report.sharedTopic++;
      }
    }
  }
  return report;
}

/**
 * The round's groups. Never throws and never leaves anyone out: rule 2 gives
 * way only when no pairing of everyone keeps it, rule 1 only when none avoids
 * repeats even across municipalities; `relaxed` lists the pairs concerned.
 */
export function matchRound(
  people: readonly Dater[],
  history: ReadonlyMap<string, number>,
  options: MatchOptions,
  random: Random,
): RoundMatch {
  const p = prepare(shuffled(people, random), history);
  const n = p.n;
  const share = options.matchByTopics ? topicMatrix(p) : null;
  const cost = (a: number, b: number) => pairCost(p, share, a, b);
  const rules = (a: number, b: number) => pairCost(p, null, a, b);
  const m = new Blossom(n);
  const partners: number[][][] = [];
  const partnersAt = (level: number) => (partners[level] ??= allowedPartners(p, level));
  let best: TrioChoice | null = null;
  for (const level of n <= 1 ? [] : [0, 1, 2]) {
    m.adj = partnersAt(level);
    if (level === 0) greedy(m, share);
    if (level === 2) pairCheapest(m, cost);
    m.maximize();
    if (m.mate.filter((v) => v === -1).length !== n % 2) continue;
    if (level > 0) repair(p, m, partnersAt);
    if (n % 2 === 0) break;
    const found = findTrio(m, cost, rules);
    if (!best || found.cost < best.cost) best = found;
    m.mate.set(best.mate);
    // The next level may allow a better trio; allowing repeats (level 2) only one that already repeats.
    if (best.breaks === 0 || (level === 1 && best.breaks < p.w.repeat)) break;
  }
  const trio = best?.trio ?? null;
  const inTrio = new Set(trio);
  const groups: number[][] = [];
  for (let a = 0; a < n; a++) {
    const b = m.mate[a]!;
    if (a < b && !inTrio.has(a)) groups.push([a, b]);
  }
  if (trio) groups.push(trio);
  if (n === 1) groups.push([0]);
  polish(groups, cost);
  const exact = n <= EXHAUSTIVE_UP_TO && groups.some((g) => groupCost(g, rules) > 0) ? cheapestGrouping(groups, cost) : groups;
  const { repeated, sameMunicipality } = reportOf(p, exact);
  return { groups: exact.map((g) => g.map((v) => p.ids[v]!)), relaxed: { repeated, sameMunicipality } };
}

/** Repeated, same-municipality and topic-sharing pairs of a round, judged against the history before it. */
export function inspectRound(
  groups: readonly (readonly string[])[],
  people: readonly Dater[],
  history: ReadonlyMap<string, number>,
): RoundReport {
  const p = prepare(people, history);
  return reportOf(
    p,
    groups.map((g) => g.flatMap((id) => (p.index.has(id) ? [p.index.get(id)!] : []))),
  );
}
