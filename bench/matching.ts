/**
 * bench:matching — the pure speed-dating matcher, no server.
 *
 * 1. Time: PEOPLE participants (default 500) from TOWNS municipalities
 *    (default 70, assigned round-robin, so 7–8 each), each in 1–2 of 8
 *    working groups, with a history of HISTORY rounds (default 10) that the
 *    matcher itself produced. Then RUNS (default 20) matchings of the next
 *    round, each with another seed, without and with topic preference;
 *    prints p50/max and the rules the timed rounds had to relax.
 * 2. Quality: 81 people from 27 municipalities (3 each) over 10 rounds, per
 *    round: groups, trios, repeated pairs, same-municipality pairs. Then the
 *    same event over SEEDS seeds (default 500), beside a plain random greedy,
 *    which now and then paints itself into a corner.
 * 3. A session: what `speeddating:start` and every re-plan (someone arrives
 *    or leaves) compute — every round not yet begun for SESSION people
 *    (default 250, the largest MPSC day) over SESSION_ROUNDS rounds (default
 *    10), through the domain's `plan`, at the start and in the middle.
 *
 *   npm run bench:matching
 *   PEOPLE=1000 TOWNS=73 RUNS=10 npm run bench:matching
 */
import { performance } from 'node:perf_hooks';
import { seededRandom, shuffled, type Random } from '../server/src/domain/breakouts/random.js';
import { inspectRound, matchRound, recordPairs, type Dater, type PairHistory } from '../server/src/domain/speed-dating/matching.js';
import { ms, summarize } from './stats.js';
import { define, plan, type Taker } from '../server/src/domain/speed-dating/session.js';
import { SpeedDatingInput } from '@mashup/shared';

const PEOPLE = Number(process.env.PEOPLE ?? 500);
const TOWNS = Number(process.env.TOWNS ?? 70);
const HISTORY = Number(process.env.HISTORY ?? 10);
const RUNS = Number(process.env.RUNS ?? 20);
const SEEDS = Number(process.env.SEEDS ?? 500);
const SESSION = Number(process.env.SESSION ?? 250);
const SESSION_ROUNDS = Number(process.env.SESSION_ROUNDS ?? 10);
const WARMUP = 3;
const GROUPS = ['AEG Datenplattformen', 'AEG Digitale Zwillinge', 'AEG Klimaresilienz', 'AEG Smarte Regionen', 'AEG Mobilität', 'AEG Beteiligung', 'AEG Energie', 'AEG Verwaltung'];

function people(n: number, towns: number, seed: number): Dater[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const first = GROUPS[Math.floor(random() * GROUPS.length)]!;
    const second = GROUPS[Math.floor(random() * GROUPS.length)]!;
    return { id: `p${i}`, municipality: `Stadt ${i % towns}`, topics: random() < 0.5 ? [first] : [first, second] };
  });
}

function timing(matchByTopics: boolean): void {
  const crowd = people(PEOPLE, TOWNS, 1);
  const history: PairHistory = new Map();
  for (let round = 0; round < HISTORY; round++) {
    recordPairs(history, matchRound(crowd, history, { matchByTopics }, seededRandom(100 + round)).groups);
  }
  const times: number[] = [];
  let repeated = 0;
  let same = 0;
  let shared = 0;
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const t0 = performance.now();
    const { groups, relaxed } = matchRound(crowd, history, { matchByTopics }, seededRandom(1000 + run));
    const t = performance.now() - t0;
    if (run < WARMUP) continue;
    times.push(t);
    repeated += relaxed.repeated.length;
    same += relaxed.sameMunicipality.length;
    shared += inspectRound(groups, crowd, history).sharedTopic;
  }
  const s = summarize(times);
  console.log(
    `${PEOPLE} people, ${TOWNS} municipalities, ${HISTORY}-round history, matchByTopics=${matchByTopics}: ` +
      `p50 ${ms(s.p50)}, max ${ms(s.max)} over ${RUNS} runs; ` +
      `repeated pairs ${repeated}, same-municipality pairs ${same}, topic-sharing pairs ${(shared / RUNS).toFixed(1)} per round`,
  );
}

type RoundFn = (crowd: Dater[], history: PairHistory, random: Random) => string[][];

const matcher: RoundFn = (crowd, history, random) => matchRound(crowd, history, { matchByTopics: false }, random).groups;

/**
 * The baseline: a plain random greedy. Each person, in random order, takes
 * the first free allowed partner; whoever is left over is paired anyway; an
 * odd one out joins a pair where both are allowed partners, else the last.
 */
const greedy: RoundFn = (crowd, history, random) => {
  const allowed = (a: Dater, b: Dater) =>
    a.municipality !== b.municipality && !history.has(a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`);
  const order = shuffled(crowd, random);
  const free = new Set(order);
  const groups: Dater[][] = [];
  const left: Dater[] = [];
  for (const a of order) {
    if (!free.delete(a)) continue;
    const b = order.find((o) => free.has(o) && allowed(a, o));
    if (b) free.delete(b);
    if (b) groups.push([a, b]);
    else left.push(a);
  }
  while (left.length >= 2) groups.push(left.splice(0, 2));
  const odd = left[0];
  if (odd) (groups.find((g) => g.every((b) => allowed(odd, b))) ?? groups.at(-1)!).push(odd);
  return groups.map((g) => g.map((p) => p.id));
};

/** 81 people from 27 municipalities (3 each), 10 rounds: one report per round. */
function event81(seed: number, round: RoundFn) {
  const crowd = people(81, 27, seed);
  const history: PairHistory = new Map();
  const random = seededRandom(seed);
  return Array.from({ length: 10 }, () => {
    const groups = round(crowd, history, random);
    const report = inspectRound(groups, crowd, history);
    recordPairs(history, groups);
    return { groups, ...report };
  });
}

function quality(seeds: number): void {
  console.log('81 people, 27 municipalities × 3, 10 rounds (seed 1):');
  event81(1, matcher).forEach((r, i) => {
    const trios = r.groups.filter((g) => g.length === 3).length;
    console.log(
      `  round ${String(i + 1).padStart(2)}: ${r.groups.length} groups, ${trios} trio, ${new Set(r.groups.flat()).size}/81 matched, ` +
        `repeated ${r.repeated.length}, same municipality ${r.sameMunicipality.length}`,
    );
  });
  for (const [name, round] of [['matchRound', matcher], ['random greedy without repair (baseline)', greedy]] as const) {
    let broken = 0;
    let breaks = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      for (const r of event81(seed, round)) {
        breaks += r.repeated.length + r.sameMunicipality.length;
        if (r.repeated.length + r.sameMunicipality.length > 0) broken++;
      }
    }
    console.log(`${name}, same event × ${seeds} seeds: ${broken} of ${seeds * 10} rounds broke a rule (${breaks} repeated or same-municipality pairs)`);
  }
}

function session(): void {
  const input = SpeedDatingInput.parse({ title: 'Bench', roundMs: 180_000, breakMs: 30_000, rounds: SESSION_ROUNDS });
  const takers: Taker[] = people(SESSION, TOWNS, 7).map((p) => ({ id: p.id, org: p.municipality }));
  const t0 = 1_700_000_000_000;
  for (const [label, at] of [['start (all rounds)', t0], ['re-plan in the middle (rounds not yet begun)', t0 + Math.floor(SESSION_ROUNDS / 2) * 210_000 + 1]] as const) {
    const times: number[] = [];
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const sd = { ...define(null, { ...input, speedDatingId: `bench-${run}` }, { now: t0, newId: () => 'x' }), startAt: t0 };
      const begun = at === t0 ? sd : plan(sd, takers, new Map(), t0);
      const t = performance.now();
      plan(begun, [...takers.slice(1), { id: 'late', org: 'Spätstadt' }], new Map(), at);
      if (run >= WARMUP) times.push(performance.now() - t);
    }
    const s = summarize(times);
    console.log(`session of ${SESSION} people × ${SESSION_ROUNDS} rounds, ${label}: p50 ${ms(s.p50)}, max ${ms(s.max)} over ${RUNS} runs`);
  }
}

timing(false);
timing(true);
quality(SEEDS);
session();
