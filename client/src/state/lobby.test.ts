import { LobbyInput, lobbyRoomId, roomOf, tableRoomId, type Lobby, type Table } from '@mashup/shared';
import { describe, expect, it } from 'vitest';
import { person } from '../test-support/snapshots.js';
import {
  anotherOpen,
  canSurprise,
  lobbyOccupancy,
  lobbyPhase,
  lobbyPlace,
  myTableId,
  seatAction,
  seatedPeople,
  switchTargets,
  tableInfos,
} from './lobby.js';

const table = (id: string, extra: Partial<Table> = {}): Table => ({ id, name: `Tisch ${id}`, topic: '', capacity: 3, locked: false, seated: [], ...extra });

const lobby = (extra: Partial<Lobby> = {}): Lobby => ({
  id: 'l1',
  title: 'Social Eating',
  kind: 'social-eating',
  createdAt: 1,
  openedAt: 10,
  closedAt: null,
  tables: [table('a', { seated: ['p2', 'p1'] }), table('b', { seated: ['p3', 'p4', 'p5'] }), table('c', { locked: true }), table('d')],
  ...extra,
});

const people = [
  person('p1', { name: 'Ada', org: 'Kiel' }),
  person('p2', { name: 'Ben', org: 'Jena' }),
  person('p3', { name: 'Cem', org: 'Bamberg' }),
  person('p4', { name: 'Dora', org: 'Solingen' }),
  person('p5', { name: 'Emil', org: 'Ulm' }),
];
const view = (self: string, lobbies: Lobby[] = [lobby()]) => ({ participants: people, self: { participantId: self, role: 'participant' as const }, lobbies });

describe('lobby tables as the views see them', () => {
  it('free seats, "voll", "gesperrt" and the button for someone on the floor (rules L3, L4)', () => {
    const rows = tableInfos(view('p9'), lobby()).map((t) => [t.table.id, t.free, t.full, t.locked, t.mine, t.action]);
    expect(rows).toEqual([
      ['a', 1, false, false, false, 'sit'],
      ['b', 0, true, false, false, 'full'],
      ['c', 3, false, true, false, 'locked'],
      ['d', 3, false, false, false, 'sit'],
    ]);
  });

  it('someone seated sees the own table as theirs and "switch" elsewhere; locked wins over full', () => {
    const rows = tableInfos(view('p1'), lobby()).map((t) => [t.table.id, t.mine, t.action]);
    expect(rows).toEqual([
      ['a', true, 'mine'],
      ['b', false, 'full'],
      ['c', false, 'locked'],
      ['d', false, 'switch'],
    ]);
    expect(seatAction(table('x', { locked: true, seated: ['q', 'r', 's'] }), null)).toBe('locked');
    expect(myTableId(lobby(), 'p1')).toBe('a');
    expect(myTableId(lobby(), 'p9')).toBeNull();
  });

  it('who sits at a table, in the order they sat down, with name and municipality; people who left are skipped', () => {
    expect(seatedPeople(view('p1'), table('a', { seated: ['p2', 'gone', 'p1'] })).map((p) => `${p.name} · ${p.org}`)).toEqual(['Ben · Jena', 'Ada · Kiel']);
  });

  it('a full table shows "voll" and offers no seat; a seat freed by a switch offers it again (live from the next patch)', () => {
    const before = lobby();
    expect(tableInfos(view('p9'), before)[1]).toMatchObject({ full: true, action: 'full' });
    const after = lobby({ tables: before.tables.map((t) => (t.id === 'b' ? { ...t, seated: ['p3', 'p4'] } : t.id === 'd' ? { ...t, seated: ['p5'] } : t)) });
    expect(tableInfos(view('p9'), after)[1]).toMatchObject({ free: 1, full: false, action: 'sit' });
  });

  it('switch targets and "Überraschen Sie mich": unlocked tables with a free seat other than the own (rule L6)', () => {
    expect(switchTargets(lobby(), 'a').map((t) => t.id)).toEqual(['d']);
    expect(switchTargets(lobby(), null).map((t) => t.id)).toEqual(['a', 'd']);
    expect(canSurprise(lobby(), 'a')).toBe(true);
    const crowded = lobby({ tables: [table('a', { seated: ['p1'] , capacity: 2 }), table('b', { seated: ['p2', 'p3'], capacity: 2 }), table('c', { locked: true })] });
    expect(canSurprise(crowded, 'a')).toBe(false);
    expect(canSurprise(crowded, null)).toBe(true);
  });

  it('the place behind a room id agrees with roomOf: floor, own table, or outside the lobby (rule L2)', () => {
    const v = view('p1');
    const roomOfP1 = roomOf('p1', [], 0, v.lobbies);
    expect(roomOfP1).toBe(tableRoomId('a'));
    expect(lobbyPlace(v, roomOfP1)).toMatchObject({ lobby: { id: 'l1' }, table: { id: 'a' } });
    expect(lobbyPlace(v, roomOf('p9', [], 0, v.lobbies))).toMatchObject({ lobby: { id: 'l1' }, table: null });
    expect(lobbyPlace(v, lobbyRoomId('l1'))?.table).toBeNull();
    expect(lobbyPlace(v, 'plenary')).toBeNull();
    expect(lobbyPlace(v, tableRoomId('unknown'))).toBeNull();
    // Closed: nobody is in the lobby any more.
    expect(lobbyPlace(view('p1', [lobby({ closedAt: 20 })]), tableRoomId('a'))).toBeNull();
  });

  it('hosts: phase, occupancy, and whether another lobby is open (rule L1)', () => {
    expect(lobbyPhase(lobby({ openedAt: null }))).toBe('prepared');
    expect(lobbyPhase(lobby())).toBe('open');
    expect(lobbyPhase(lobby({ closedAt: 20 }))).toBe('closed');
    expect(lobbyOccupancy(lobby())).toEqual({ seated: 5, seats: 12 });
    const evening = lobby({ id: 'l2', openedAt: null });
    expect(anotherOpen([lobby(), evening], 'l2')).toBe(true);
    expect(anotherOpen([lobby(), evening], 'l1')).toBe(false);
  });

  it('the fixtures are lobbies the protocol accepts (so these tests speak about real shapes)', () => {
    const l = lobby();
    expect(() => LobbyInput.parse({ title: l.title, kind: l.kind, tables: l.tables.map(({ name, topic, capacity, locked }) => ({ name, topic, capacity, locked })) })).not.toThrow();
  });
});
