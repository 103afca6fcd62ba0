import type { Round } from '@mashup/shared';
import { describe, expect, it } from 'vitest';
import { person, round as draftRound } from '../test-support/snapshots.js';
import { arrivedHelp, assignStrategies, boardColumns, helpKeys, openHelpRows, roomRows, seatOf, seatsChangeable } from './round-host.js';

const round = (extra: Partial<Round> = {}): Round =>
  draftRound({
    workshops: [
      { id: 'w1', title: 'Open Data', description: '', moderatorId: 'm', capacity: 2, tag: '' },
      { id: 'w2', title: 'Mobilität', description: '', moderatorId: null, capacity: 3, tag: '' },
    ],
    seats: { w1: { seated: ['b', 'a'], waitlist: ['c'] }, w2: { seated: [], waitlist: [] } },
    publishedAt: 5,
    ...extra,
  });

const people = [
  person('a', { name: 'Anna' }),
  person('b', { name: 'Bernd' }),
  person('c', { name: 'Cem' }),
  person('d', { name: 'Dora' }),
  person('m', { name: 'Mona' }),
  person('h', { name: 'Hanna', role: 'host' }),
];

describe('the hosts’ round panel, as data', () => {
  it('assignment strategies follow the mode; keeping groups needs a round that took place', () => {
    expect(assignStrategies(round({ mode: 'choose' }), [])).toEqual(['balanced']);
    expect(assignStrategies(round({ mode: 'manual' }), [])).toEqual([]);
    expect(assignStrategies(round({ mode: 'rotate' }), [])).toEqual(['rotate', 'balanced']);
    expect(assignStrategies(round({ mode: 'keep' }), [])).toEqual(['balanced']);
    const earlier = round({ id: 'r0', openedAt: 1, endsAt: 2 });
    expect(assignStrategies(round({ mode: 'keep' }), [earlier])).toEqual(['keep', 'balanced']);
  });

  it('seats change until the closing warning starts', () => {
    expect(['draft', 'published', 'open', 'closing', 'closed'].map((p) => seatsChangeable(p as never))).toEqual([true, true, true, false, false]);
  });

  it('board: a column per workshop (seated by name, waitlist in order), then everyone else except moderators and hosts', () => {
    const cols = boardColumns(round(), people, 'de');
    expect(cols.map((c) => [c.workshop?.id ?? null, c.people.map((p) => p.id), c.waitlist.map((p) => p.id), c.capacity])).toEqual([
      ['w1', ['a', 'b'], ['c'], 2],
      ['w2', [], [], 3],
      [null, ['c', 'd'], [], null],
    ]);
  });

  it('seatOf names the workshop a person sits in', () => {
    expect(seatOf(round(), 'a')).toBe('w1');
    expect(seatOf(round(), 'c')).toBeNull();
  });

  it('room rows: occupancy, the open help request, last activity from pushes or the results board, whichever is newer', () => {
    const help = { workshopId: 'w2', by: 'd', at: 900 };
    const r = round({ openedAt: 10, endsAt: 10_000_000, help: [help] });
    const boards = [{ roundId: 'r1', workshopId: 'w1', items: [], updatedAt: 500 }];
    const rows = roomRows(r, new Map([['w1', 400], ['w2', 700]]), boards);
    expect(rows.map((x) => [x.workshop.id, x.seated, x.capacity, x.help, x.lastActivity])).toEqual([
      ['w1', 2, 2, null, 500],
      ['w2', 0, 3, help, 700],
    ]);
    expect(roomRows(r, null, []).map((x) => x.lastActivity)).toEqual([null, null]);
  });

  it('help keys list only live rounds’ requests, so a new request is a new key', () => {
    const live = round({ openedAt: 10, endsAt: 10_000, help: [{ workshopId: 'w1', by: 'a', at: 50 }] });
    expect([...helpKeys([live], 100).keys()]).toEqual(['r1/w1/50']);
    expect([...helpKeys([live], 10_000 + 60_000).keys()]).toEqual([]);
  });

  it('help banner: open requests of live rounds, newest first; a request for a removed workshop is left out', () => {
    const live = round({
      openedAt: 10,
      endsAt: 10_000,
      help: [
        { workshopId: 'w1', by: 'a', at: 50 },
        { workshopId: 'w2', by: 'd', at: 80 },
        { workshopId: 'gone', by: 'c', at: 90 },
      ],
    });
    expect(openHelpRows([live], 100).map((r) => [r.workshop.title, r.help.by])).toEqual([
      ['Mobilität', 'd'],
      ['Open Data', 'a'],
    ]);
    // After the closing warning everyone is back in the plenary: no banner for that round.
    expect(openHelpRows([live], 10_000 + 60_000)).toEqual([]);
  });

  it('arrived help: nothing on the first look (open requests are shown, not announced), then only the new keys', () => {
    const first = round({ openedAt: 10, endsAt: 10_000, help: [{ workshopId: 'w1', by: 'a', at: 50 }] });
    const seen = new Set(helpKeys([first], 100).keys());
    expect(arrivedHelp(null, helpKeys([first], 100))).toEqual([]);
    expect(arrivedHelp(seen, helpKeys([first], 200))).toEqual([]);
    const grown = round({ ...first, help: [...first.help, { workshopId: 'w2', by: 'd', at: 150 }] });
    expect(arrivedHelp(seen, helpKeys([grown], 200)).map((x) => x.help.by)).toEqual(['d']);
    // Done, then asked again in the same room: a new time, so a new arrival.
    const again = round({ ...first, help: [{ workshopId: 'w1', by: 'a', at: 300 }] });
    expect(arrivedHelp(seen, helpKeys([again], 400)).map((x) => x.help.at)).toEqual([300]);
  });
});
