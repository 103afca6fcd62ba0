import { describe, expect, it } from 'vitest';
import { ROUND_CLOSING_MS, type ResultItem, type Round } from '@mashup/shared';
import { round as draftRound, snapshot } from '../test-support/snapshots.js';
import { reducePlenary, initialPlenaryState, type EventView } from './plenary-state.js';
import {
  canEditOnWall,
  closingSecondsLeft,
  freeSeats,
  offeredRound,
  roomWorkshop,
  roundAlertCrossed,
  roundAlertLevel,
  seatStatus,
  sortItems,
  wallGroups,
} from './breakouts.js';

const NOW = 1_000_000;
const MIN = 60_000;

const round = (extra: Partial<Round> = {}): Round =>
  draftRound({
    title: 'Workshoprunde 1',
    workshops: [
      { id: 'w1', title: 'Datenplattformen', description: '', moderatorId: 'm1', capacity: 2, tag: '' },
      { id: 'w2', title: 'Zwillinge', description: '', moderatorId: null, capacity: 2, tag: '' },
    ],
    seats: { w1: { seated: ['a', 'b'], waitlist: ['c', 'p1'] }, w2: { seated: [], waitlist: [] } },
    publishedAt: NOW - 1,
    ...extra,
  });
const open = (extra: Partial<Round> = {}) => round({ openedAt: NOW, endsAt: NOW + 30 * MIN, ...extra });

function view(rounds: Round[]): EventView {
  return reducePlenary(initialPlenaryState, { type: 'snapshot', snapshot: snapshot(1, { rounds }), source: 'connect' }).state.view!;
}

describe('breakouts view helpers', () => {
  it('own status: seat, waitlist place (1-based), moderator, nothing', () => {
    const r = round();
    expect(seatStatus(r, r.workshops[0]!, 'a')).toEqual({ kind: 'seated' });
    expect(seatStatus(r, r.workshops[0]!, 'p1')).toEqual({ kind: 'waitlist', position: 2 });
    expect(seatStatus(r, r.workshops[0]!, 'm1')).toEqual({ kind: 'moderator' });
    expect(seatStatus(r, r.workshops[1]!, 'p1')).toEqual({ kind: 'none' });
    expect(freeSeats(r, r.workshops[0]!)).toBe(0);
    expect(freeSeats(r, r.workshops[1]!)).toBe(2);
  });

  it('the plenary offers a published round, and a live choose round only to someone without a room (B3)', () => {
    expect(offeredRound(view([round()]), NOW)?.id).toBe('r1');
    expect(offeredRound(view([round({ publishedAt: null })]), NOW)).toBeNull();
    expect(offeredRound(view([open()]), NOW)?.id).toBe('r1');
    const seated = open({ seats: { w1: { seated: ['p1'], waitlist: [] } } });
    expect(offeredRound(view([seated]), NOW)).toBeNull();
    expect(offeredRound(view([open({ mode: 'balanced' })]), NOW)).toBeNull();
  });

  it('a room id resolves to its live round and workshop only while the round is live (B1)', () => {
    const v = view([open()]);
    expect(roomWorkshop(v, 'w2', NOW)?.workshop.title).toBe('Zwillinge');
    expect(roomWorkshop(v, 'w2', NOW + 30 * MIN + ROUND_CLOSING_MS)).toBeNull();
    expect(roomWorkshop(v, 'plenary', NOW)).toBeNull();
  });

  it('round alerts speak on crossing 5 and 1 minute, not on arrival; the colour follows the level', () => {
    expect(roundAlertCrossed(5 * MIN + 1, 5 * MIN)).toBe(5 * MIN);
    expect(roundAlertCrossed(3 * MIN, 3 * MIN - 250)).toBeNull();
    expect(roundAlertCrossed(MIN + 100, MIN - 100)).toBe(MIN);
    expect(roundAlertCrossed(10 * MIN, 30_000)).toBe(MIN);
    expect(roundAlertCrossed(MIN, 0)).toBeNull();
    expect(roundAlertLevel(6 * MIN)).toBeNull();
    expect(roundAlertLevel(4 * MIN)).toBe(5 * MIN);
    expect(roundAlertLevel(30_000)).toBe(MIN);
  });

  it('closing seconds count down from 60 after a host closes early', () => {
    const r = open({ closingAt: NOW + MIN });
    expect(closingSecondsLeft(r, NOW + MIN)).toBe(60);
    expect(closingSecondsLeft(r, NOW + MIN + 15_500)).toBe(45);
    expect(closingSecondsLeft(r, NOW + 3 * MIN)).toBe(0);
  });

  it('pinned results come first, then in writing order', () => {
    const item = (id: string, at: number, pinned: boolean): ResultItem => ({ id, section: 'insights', text: id, by: 'a', at, version: 1, pinned });
    expect(sortItems([item('x', 1, false), item('y', 3, true), item('z', 2, false)]).map((i) => i.id)).toEqual(['y', 'x', 'z']);
  });

  it('the wall shows rounds that took place or are live, newest first, with a card per workshop', () => {
    const v = view([open(), round({ id: 'r2', createdAt: 2 }), open({ id: 'r3', createdAt: 3, openedAt: NOW - 90 * MIN, endsAt: NOW - 60 * MIN })]);
    const groups = wallGroups(v, NOW);
    expect(groups.map((g) => [g.round.id, g.live])).toEqual([
      ['r3', false],
      ['r1', true],
    ]);
    expect(groups[0]!.cards.map((c) => c.workshop.id)).toEqual(['w1', 'w2']);
  });

  it('the wall is editable for hosts and the workshop’s moderator once the round is over (B6), for nobody else', () => {
    const closed = round({ openedAt: NOW - 40 * MIN, endsAt: NOW - 10 * MIN });
    const as = (participantId: string, role: 'host' | 'participant') =>
      reducePlenary(initialPlenaryState, {
        type: 'snapshot',
        snapshot: snapshot(1, { rounds: [closed], self: { participantId, role } }),
        source: 'connect',
      }).state.view!;
    expect(closed.workshops.map((w) => canEditOnWall(as('h', 'host'), closed, w, NOW))).toEqual([true, true]);
    // m1 moderates w1 only.
    expect(closed.workshops.map((w) => canEditOnWall(as('m1', 'participant'), closed, w, NOW))).toEqual([true, false]);
    expect(canEditOnWall(as('a', 'participant'), closed, closed.workshops[0]!, NOW)).toBe(false);
    // Live (and in the closing warning) the room's own board is where one writes.
    const live = open();
    expect(canEditOnWall(as('h', 'host'), live, live.workshops[0]!, NOW + MIN)).toBe(false);
    expect(canEditOnWall(as('h', 'host'), live, live.workshops[0]!, NOW + 30 * MIN + 1)).toBe(false);
  });
});
