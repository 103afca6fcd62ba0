import { describe, expect, it } from 'vitest';
import { SPEED_DATING_FREEZE_MS, SPEED_DATING_WARNING_MS, SpeedDatingInput, metInSession, pairRoomId, roomOf, type SpeedDating } from '@mashup/shared';
import { person, snapshot, speedDating } from '../test-support/snapshots.js';
import { applyPatch, initialPlenaryState, reducePlenary, type EventView } from './plenary-state.js';
import {
  activeSpeedDating,
  contactSessions,
  datingPlace,
  datingSituation,
  floorOfRoom,
  datingClock,
  nextRound,
  sittableRound,
  nextRoundStartsAt,
  pairOfRoom,
  partnerCards,
  partnersGone,
  phaseRemainingMs,
  roundSummaries,
  sitsOut,
  speedDatingNextChangeAt,
  takingPart,
  vcardFileName,
  warningCrossed,
  whyUnpaired,
} from './speed-dating.js';
import { checkSpeedDatingDraft, draftFromSpeedDating, lines, parseMinutesSeconds } from './speed-dating-draft.js';

const T0 = 1_000_000;
const ROUND = 60_000;
const BREAK = 10_000;
const PERIOD = ROUND + BREAK;

/** Started at T0: rounds 0 [T0, T0+60 s), break, round 1 [T0+70 s, T0+130 s), break, round 2 … ends T0+200 s. */
const running = (extra: Partial<SpeedDating> = {}): SpeedDating =>
  speedDating({
    roundMs: ROUND,
    breakMs: BREAK,
    rounds: 3,
    startAt: T0,
    pairings: [
      { groups: [['p1', 'a'], ['b', 'c', 'd']], relaxed: { repeated: 0, sameMunicipality: 1 } },
      { groups: [['p1', 'b'], ['a', 'c']], relaxed: { repeated: 0, sameMunicipality: 0 } },
      { groups: [['p1', 'c', 'a']], relaxed: { repeated: 1, sameMunicipality: 0 } },
    ],
    ...extra,
  });

function view(speedDatings: SpeedDating[]): EventView {
  const participants = [
    person('p1', { name: 'Paula', org: 'Ulm', connected: true }),
    person('a', { name: 'Ada', org: 'Kiel' }),
    person('b', { name: 'Ben', org: 'Jena' }),
    person('c', { name: 'Cem', org: 'Bamberg', connected: false }),
    person('d', { name: 'Dora', org: 'Kiel' }),
  ];
  return reducePlenary(initialPlenaryState, { type: 'snapshot', snapshot: snapshot(1, { participants, speedDatings }), source: 'connect' }).state.view!;
}

describe('speed dating in the client state', () => {
  it('snapshot and patches keep the sessions in creation order; a removal drops one', () => {
    const first = speedDating({ id: 's1', createdAt: 2 });
    let v = view([first]);
    v = applyPatch(v, { type: 'speedDating', speedDating: speedDating({ id: 's0', createdAt: 1 }) });
    expect(v.speedDatings.map((s) => s.id)).toEqual(['s0', 's1']);
    v = applyPatch(v, { type: 'speedDating', speedDating: { ...first, title: 'Neu' } });
    expect(v.speedDatings.map((s) => s.title)).toEqual(['Speed-Dating', 'Neu']);
    v = applyPatch(v, { type: 'speedDatingRemoved', speedDatingId: 's0' });
    expect(v.speedDatings.map((s) => s.id)).toEqual(['s1']);
  });
});

describe('which session the plenary shows', () => {
  it('a running one first, then one in its lead, then the first prepared; ended ones are not active', () => {
    const prepared = speedDating({ id: 'prep', createdAt: 1 });
    const lead = speedDating({ id: 'lead', createdAt: 2, startAt: T0 + 5_000 });
    const ended = running({ id: 'old', createdAt: 0, startAt: T0 - 1_000_000 });
    expect(activeSpeedDating(view([prepared]), T0)?.id).toBe('prep');
    expect(activeSpeedDating(view([prepared, lead]), T0)?.id).toBe('lead');
    expect(activeSpeedDating(view([prepared, lead, running({ id: 'run', createdAt: 3 })]), T0 + 1)?.id).toBe('run');
    expect(activeSpeedDating(view([ended]), T0)).toBeNull();
  });

  it('contacts: ended sessions in which one met someone, newest end first', () => {
    const early = running({ id: 'early', startAt: T0 - 500_000 });
    const late = running({ id: 'late', startAt: T0 - 300_000 });
    const stoppedBeforeRound1 = running({ id: 'none', startAt: T0 - 100_000, stoppedAt: T0 - 100_000 });
    const v = view([early, late, stoppedBeforeRound1]);
    expect(contactSessions(v, 'p1', T0).map((s) => s.id)).toEqual(['late', 'early']);
    // Stopped in round 2's first second: the trio of round 3 never met (shared's firstOpenRound stops at a stop).
    const stopped = running({ id: 'stopped', startAt: T0 - 500_000, stoppedAt: T0 - 500_000 + PERIOD + 1_000 });
    expect(metInSession(stopped, 'p1', T0)).toEqual(['a', 'b']);
    // Still running: no contacts yet.
    expect(contactSessions(view([running()]), 'p1', T0 + 1)).toEqual([]);
  });
});

describe('time and warning', () => {
  it('time left counts down to the phase end', () => {
    expect(phaseRemainingMs({ kind: 'round', round: 0, endsAt: T0 + ROUND }, T0 + 15_000)).toBe(45_000);
    expect(phaseRemainingMs({ kind: 'ended', endedAt: T0 }, T0 + 1)).toBe(0);
  });

  it('the clock: start in the lead, the round’s end with the warning in its last 30 s, the next round from the floor', () => {
    const sd = running({ sitOut: { d: [1] } });
    const clock = (t: number, who = 'p1') => datingClock(sd, who, t);
    expect(datingClock(speedDating(), 'p1', T0)).toBeNull();
    expect(datingClock(running({ startAt: T0 + 5_000 }), 'p1', T0)).toEqual({ state: 'lead', target: 'start', until: T0 + 5_000 });
    expect(clock(T0 + ROUND - SPEED_DATING_WARNING_MS - 1)).toEqual({ state: 'round', target: 'roundEnd', until: T0 + ROUND });
    expect(clock(T0 + ROUND - SPEED_DATING_WARNING_MS)?.state).toBe('warning');
    expect(clock(T0 + ROUND + 1)).toEqual({ state: 'break', target: 'nextRound', until: T0 + PERIOD });
    // Dora sits round 2 out (it is planned without her): the floor counts to round 3.
    expect(clock(T0 + PERIOD + 1, 'd')).toEqual({ state: 'waiting', target: 'nextRound', until: T0 + 2 * PERIOD });
    // Not paired in the last round: what is left of the session.
    expect(clock(T0 + 2 * PERIOD + 1, 'late')).toEqual({ state: 'waiting', target: 'end', until: T0 + 2 * PERIOD + ROUND });
    expect(clock(T0 + 3 * PERIOD)).toBeNull();
  });

  it('the warning speaks on crossing 30 s only, not for someone arriving inside it', () => {
    expect(warningCrossed(31_000, 30_000)).toBe(true);
    expect(warningCrossed(30_500, 29_500)).toBe(true);
    expect(warningCrossed(29_000, 28_000)).toBe(false);
    expect(warningCrossed(31_000, 0)).toBe(false);
  });
});

describe('one person’s situation', () => {
  it('paired in a round with partners and that round’s conversation starter', () => {
    const sd = running({ starters: ['Woran arbeiten Sie gerade?', 'Was hat Sie zuletzt überrascht?'] });
    expect(datingSituation(sd, 'p1', T0 + 1)).toEqual({
      kind: 'paired',
      round: 0,
      endsAt: T0 + ROUND,
      partners: ['a'],
      starter: 'Woran arbeiten Sie gerade?',
    });
    // Round 3 is the trio; the starters repeat.
    expect(datingSituation(sd, 'p1', T0 + 2 * PERIOD + 1)).toMatchObject({ kind: 'paired', round: 2, partners: ['c', 'a'], starter: 'Woran arbeiten Sie gerade?' });
  });

  it('waiting on the floor when sitting out or not paired (joined late); prepared, lead and ended', () => {
    const sd = running({ sitOut: { b: [2] } });
    expect(datingSituation(sd, 'b', T0 + 2 * PERIOD + 1)).toEqual({ kind: 'waiting', round: 2, endsAt: T0 + 2 * PERIOD + ROUND, sittingOut: true });
    expect(datingSituation(sd, 'late', T0 + 1)).toMatchObject({ kind: 'waiting', round: 0, sittingOut: false });
    expect(datingSituation(speedDating(), 'p1', T0).kind).toBe('prepared');
    expect(datingSituation(running({ startAt: T0 + 5_000 }), 'p1', T0)).toEqual({ kind: 'lead', endsAt: T0 + 5_000 });
    expect(datingSituation(sd, 'p1', T0 + 3 * PERIOD).kind).toBe('ended');
  });

  it('partner cards: name, municipality, chosen topics and the shared ones; people who left are left out', () => {
    const sd = running({ chosen: { p1: ['Datenplattformen', 'Klima'], a: ['Klima', 'Mobilität'] } });
    const v = view([sd]);
    expect(partnerCards(v, sd, 0, 'p1')).toEqual([{ participantId: 'a', name: 'Ada', org: 'Kiel', topics: ['Klima', 'Mobilität'], shared: ['Klima'], connected: true }]);
    expect(partnerCards(v, sd, 2, 'p1').map((c) => c.name)).toEqual(['Cem', 'Ada']);
    expect(partnerCards({ participants: [] }, sd, 0, 'p1')).toEqual([]);
  });

  it('a partner whose connection is gone keeps the card, marked as not connected', () => {
    const sd = running();
    // Cem (in the trio of round 3) has no open tab.
    expect(partnerCards(view([sd]), sd, 2, 'p1').map((c) => [c.name, c.connected])).toEqual([
      ['Cem', false],
      ['Ada', true],
    ]);
  });

  it('every partner gone from the event: one waits until the next round, in the last round until the end', () => {
    const sd = running();
    const v = view([sd]);
    const withoutAda = { participants: v.participants.filter((p) => p.id !== 'a') };
    // Round 1 with Ada, who left: the next round begins after this round and the break.
    expect(partnersGone(withoutAda, sd, 0, 'p1', T0 + 1)).toEqual({ target: 'nextRound', at: T0 + PERIOD });
    // Ada is still there, if not connected: nobody is gone.
    expect(partnersGone(v, sd, 0, 'p1', T0 + 1)).toBeNull();
    expect(partnersGone({ participants: v.participants.map((p) => ({ ...p, connected: false })) }, sd, 0, 'p1', T0 + 1)).toBeNull();
    // The trio of the last round with one of two left: someone is there.
    expect(partnersGone(withoutAda, sd, 2, 'p1', T0 + 2 * PERIOD + 1)).toBeNull();
    // Both gone in the last round: the session's end.
    const alone = { participants: v.participants.filter((p) => p.id !== 'a' && p.id !== 'c') };
    expect(partnersGone(alone, sd, 2, 'p1', T0 + 2 * PERIOD + 1)).toEqual({ target: 'end', at: T0 + 2 * PERIOD + ROUND });
    // Only while that round runs, and never for someone who was not paired in it.
    expect(partnersGone(withoutAda, sd, 0, 'p1', T0 + ROUND + 1)).toBeNull();
    expect(partnersGone(withoutAda, sd, 0, 'late', T0 + 1)).toBeNull();
  });

  it('unpaired on the floor: late when the round was planned without one, nobody free when nobody else was planned (rule S3)', () => {
    // Not a taker (the re-plan after joining has not arrived yet): late.
    expect(whyUnpaired(running({ takers: ['p1', 'a', 'b', 'c', 'd'] }), 'late', 0)).toBe('late');
    // A taker by now (joining planned the next rounds again), but round 1 was planned with groups without them: late.
    expect(whyUnpaired(running({ takers: ['p1', 'a', 'b', 'c', 'd', 'late'] }), 'late', 0)).toBe('late');
    // The only one planned for a round (everyone else sits it out): no group at all, nobody was free.
    const lonely = running({
      takers: ['p1', 'a'],
      sitOut: { a: [1] },
      pairings: [{ groups: [['p1', 'a']], relaxed: { repeated: 0, sameMunicipality: 0 } }, { groups: [], relaxed: { repeated: 0, sameMunicipality: 0 } }],
    });
    expect(whyUnpaired(lonely, 'p1', 1)).toBe('nobodyFree');
  });

  it('the next round to sit out: the first not begun; none once all have begun', () => {
    const sd = running({ sitOut: { p1: [1] } });
    expect(nextRound(speedDating(), T0)).toBe(0);
    expect(nextRound(sd, T0 + 1)).toBe(1);
    expect(sitsOut(sd, 'p1', 1)).toBe(true);
    expect(sitsOut(sd, 'p1', 2)).toBe(false);
    expect(nextRound(sd, T0 + 2 * PERIOD + 1)).toBeNull();
    // Sitting out: 3 s before a round begins it is frozen (rule S4), so the offer moves on to the one after.
    expect(sittableRound(sd, T0 + PERIOD - SPEED_DATING_FREEZE_MS - 1)).toBe(1);
    expect(sittableRound(sd, T0 + PERIOD - SPEED_DATING_FREEZE_MS)).toBe(2);
  });

  it('the next round starts after the lead, the break, or the round one waits through', () => {
    const sd = running();
    expect(nextRoundStartsAt(running({ startAt: T0 + 5_000 }), T0)).toBe(T0 + 5_000);
    expect(nextRoundStartsAt(sd, T0 + 1)).toBe(T0 + PERIOD);
    expect(nextRoundStartsAt(sd, T0 + ROUND + 1)).toBe(T0 + PERIOD);
    expect(nextRoundStartsAt(sd, T0 + 2 * PERIOD + 1)).toBeNull();
  });
});

describe('rooms', () => {
  it('the room changes at the end of the lead, of each round and of each break, and never after the end', () => {
    const v = view([running({ startAt: T0 + 5_000 })]);
    expect(speedDatingNextChangeAt(v, T0)).toBe(T0 + 5_000);
    expect(speedDatingNextChangeAt(v, T0 + 5_000)).toBe(T0 + 5_000 + ROUND);
    expect(speedDatingNextChangeAt(v, T0 + 5_000 + ROUND)).toBe(T0 + 5_000 + PERIOD);
    expect(speedDatingNextChangeAt(v, T0 + 5_000 + 3 * ROUND + 2 * BREAK)).toBeNull();
    expect(speedDatingNextChangeAt(view([speedDating()]), T0)).toBeNull();
  });

  it('a pair room id resolves to its session, round and members; the floor to its session', () => {
    const sd = running();
    const v = view([sd]);
    const pair = roomOf('b', [], T0 + 1, [], v.speedDatings);
    expect(pairOfRoom(v, pair, T0 + 1)).toEqual({ sd, round: 0, members: ['b', 'c', 'd'] });
    const floor = roomOf('b', [], T0 + ROUND + 1, [], v.speedDatings);
    expect(pairOfRoom(v, floor, T0 + ROUND + 1)).toBeNull();
    expect(floorOfRoom(v, floor, T0 + ROUND + 1)?.id).toBe(sd.id);
    // A pair of the round before is no pair any more.
    expect(pairOfRoom(v, pair, T0 + PERIOD + 1)).toBeNull();
    expect(floorOfRoom(v, 'plenary', T0 + 1)).toBeNull();
    expect(datingPlace(v, pair, T0 + 1)).toEqual({ kind: 'pair', sd, round: 0, members: ['b', 'c', 'd'] });
    expect(datingPlace(v, floor, T0 + ROUND + 1)).toEqual({ kind: 'floor', sd });
    expect(datingPlace(v, 'plenary', T0 + 1)).toBeNull();
  });

  it('a room id is read as shared reads it: only digits name a group', () => {
    const sd = running();
    const v = view([sd]);
    expect(pairOfRoom(v, pairRoomId(sd.id, 0, 1), T0 + 1)?.members).toEqual(['b', 'c', 'd']);
    for (const odd of [`pair:${sd.id}:0:`, `pair:${sd.id}:0:1e0`, `pair:${sd.id}:0: 1`, `pair:${sd.id}:0:0x1`, `pair:${sd.id}:0:9`]) {
      expect(pairOfRoom(v, odd, T0 + 1), odd).toBeNull();
    }
  });
});

describe('the hosts’ view', () => {
  it('per round: pairs, trio, people, sitting out, rule relaxations and state', () => {
    const sd = running({ sitOut: { e: [1, 2], f: [2] } });
    const rows = roundSummaries(sd, T0 + PERIOD + 1);
    expect(rows.map((r) => [r.pairs, r.trios, r.people, r.sittingOut, r.repeated, r.sameMunicipality, r.state])).toEqual([
      [1, 1, 5, 0, 0, 1, 'done'],
      [2, 0, 4, 1, 0, 0, 'running'],
      [0, 1, 3, 2, 1, 0, 'upcoming'],
    ]);
    expect(roundSummaries(speedDating({ rounds: 2 }), T0).map((r) => [r.pairs, r.state])).toEqual([
      [null, 'upcoming'],
      [null, 'upcoming'],
    ]);
    // Stopped during round 2: round 3 never takes place.
    const stopped = running({ stoppedAt: T0 + PERIOD + 5_000 });
    expect(roundSummaries(stopped, T0 + PERIOD + 6_000).map((r) => r.state)).toEqual(['done', 'done', 'skipped']);
  });

  it('who takes part: whom the open rounds were planned for once started; before, who is connected and not a host', () => {
    const v = view([]);
    v.participants.push(person('h', { role: 'host' }));
    expect(takingPart(v, running({ takers: ['a', 'p1', 'gone'] })).map((p) => p.id)).toEqual(['p1', 'a']);
    expect(takingPart(v, speedDating()).map((p) => p.id)).toEqual(['p1', 'a', 'b', 'd']);
  });
});

describe('vCard file name', () => {
  it('keeps letters and digits of the title, folds umlauts and ß', () => {
    expect(vcardFileName('Speed-Dating am Abend')).toBe('Speed-Dating-am-Abend-Kontakte.vcf');
    expect(vcardFileName('Grüße aus Köln!')).toBe('Grusse-aus-Koln-Kontakte.vcf');
    expect(vcardFileName('???')).toBe('Speed-Dating-Kontakte.vcf');
  });
});

describe('set-up form', () => {
  it('a new session starts from the defaults and saves as such', () => {
    const checked = checkSpeedDatingDraft(draftFromSpeedDating(null));
    expect(checked).toEqual({
      ok: true,
      input: { title: 'Speed-Dating', roundMs: 180_000, breakMs: 30_000, rounds: 5, rules: { differentMunicipality: true, matchByTopics: false }, topics: [], starters: [] },
    });
    if (checked.ok) expect(SpeedDatingInput.safeParse(checked.input).success).toBe(true);
  });

  it('an existing session fills the form and keeps its id', () => {
    const sd = running({ id: 's9', roundMs: 150_000, topics: ['AEG Datenplattformen', 'AEG Klima'], starters: ['Was bringt Sie her?'], rules: { differentMunicipality: false, matchByTopics: true } });
    const d = draftFromSpeedDating(sd);
    expect(d).toMatchObject({ speedDatingId: 's9', roundMinutes: '2', roundSeconds: '30', rounds: '3', breakSeconds: '10', topics: 'AEG Datenplattformen\nAEG Klima', matchByTopics: true, differentMunicipality: false });
    const checked = checkSpeedDatingDraft(d);
    expect(checked.ok && checked.input).toMatchObject({ speedDatingId: 's9', roundMs: 150_000, topics: ['AEG Datenplattformen', 'AEG Klima'], starters: ['Was bringt Sie her?'] });
  });

  it('names each wrong field: title, round length out of bounds, rounds, break, topics needed for matching', () => {
    const bad = {
      ...draftFromSpeedDating(null),
      title: ' ',
      roundMinutes: '0',
      roundSeconds: '5',
      rounds: '21',
      breakSeconds: 'x',
      matchByTopics: true,
    };
    const checked = checkSpeedDatingDraft(bad);
    expect(checked.ok ? [] : checked.problems).toEqual(['title', 'roundLength', 'rounds', 'break', 'topicsForMatching']);
    expect(parseMinutesSeconds('', '20')).toBe(20_000);
    expect(parseMinutesSeconds('1', '60')).toBeNull();
    expect(parseMinutesSeconds('1,5', '')).toBeNull();
  });

  it('topics and starters: one per line, trimmed, blank lines and repeats dropped', () => {
    expect(lines(' AEG Klima \n\naeg klima\nAEG Daten\r\n')).toEqual(['AEG Klima', 'AEG Daten']);
    const tooLong = checkSpeedDatingDraft({ ...draftFromSpeedDating(null), starters: 'x'.repeat(201) });
    expect(tooLong.ok ? [] : tooLong.problems).toEqual(['starters']);
  });
});
